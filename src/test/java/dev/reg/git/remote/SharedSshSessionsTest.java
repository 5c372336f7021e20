package dev.reg.git.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.ServerKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One login per server for all of a command's ssh connections, and a new one when the server ended the session. */
class SharedSshSessionsTest {
    @TempDir
    Path tmp;

    private static final List<String> TAGS = List.of("refs/tags/prompt/x@1.0.0", "refs/tags/prompt/x@1.1.0");

    @Test
    void connectionsShareOneLoginAndASessionTheServerEndedIsReplaced() throws Exception {
        try (GitServer server = ServerKind.SSH.start(tmp.resolve("server"))) {
            LocalRepo publisher = LocalRepo.publishTwoVersions(server, tmp.resolve("publisher"));
            try (Remotes remotes = Remotes.open(publisher.dir, server.clientSettings())) {
                RemoteTarget origin = remotes.resolve("origin");
                for (int i = 0; i < 3; i++) {
                    assertEquals(TAGS, remotes.lsRemote(origin, "refs/tags/").refNames("refs/tags/"));
                }
                assertEquals(1, remotes.connections().ssh().logins(), "three ls-remotes, one login");

                // the server ends the session: its per-connection sshd goes away
                server.workers().forEach(ProcessHandle::destroyForcibly);
                for (int i = 0; i < 100 && !server.workers().isEmpty(); i++) {
                    Thread.sleep(20);
                }
                assertTrue(server.workers().isEmpty(), "the session's sshd is still there");

                assertEquals(TAGS, remotes.lsRemote(origin, "refs/tags/").refNames("refs/tags/"));
                assertEquals(2, remotes.connections().ssh().logins(), "one new login after the server ended the first");
            }
        }
    }
}
