package dev.reg.testing.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The loopback servers are honest Git hosts: C git clones from and pushes to each of them. */
class GitServersTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void cGitPushesAndClonesThroughEachServer(ServerKind kind) throws Exception {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            server.createRepo("r.git");
            Path work = tmp.resolve("work");
            GitCli.ok(tmp, "init", "-q", "-b", "main", work.toString());
            Files.writeString(work.resolve("a.txt"), "hello\n");
            GitCli.ok(work, "add", "a.txt");
            GitCli.ok(work, "commit", "-q", "-m", "first");
            GitCli.ok(work, "tag", "-a", "prompt/x@1.0.0", "-m", "v1");
            GitCli.Result push = GitCli.run(work, server.clientEnvironment(), "push", server.url("r.git"), "main", "prompt/x@1.0.0");
            assertEquals(0, push.exit(), push.err());
            String head = GitCli.ok(work, "rev-parse", "HEAD").strip();
            assertEquals(head, GitCli.ok(server.repoPath("r.git"), "rev-parse", "main").strip());

            GitCli.Result clone = GitCli.run(tmp, server.clientEnvironment(), "clone", "-q", server.url("r.git"), "copy");
            assertEquals(0, clone.exit(), clone.err());
            assertEquals(head, GitCli.ok(tmp.resolve("copy"), "rev-parse", "HEAD").strip());
            assertTrue(GitCli.ok(tmp.resolve("copy"), "tag").contains("prompt/x@1.0.0"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"SSH", "HTTP"})
    void aClientWithoutCredentialsIsTurnedAway(ServerKind kind) throws Exception {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            server.createRepo("r.git");
            java.util.Map<String, String> env = new java.util.HashMap<>(server.clientEnvironment());
            env.put("GIT_CONFIG_COUNT", "0");
            env.put("GIT_SSH_COMMAND", "ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -o UserKnownHostsFile="
                    + tmp.resolve("server/client-ssh/known_hosts") + " -i /dev/null");
            GitCli.Result ls = GitCli.run(tmp, env, "ls-remote", server.url("r.git"));
            assertNotEquals(0, ls.exit(), "the server let an anonymous client in: " + ls.out());
            String why = kind == ServerKind.SSH ? "Permission denied (publickey)" : "terminal prompts disabled";
            assertTrue(ls.err().contains(why), "refused for another reason: " + ls.err());
        }
    }
}
