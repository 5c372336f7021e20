package dev.reg.git.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.BadInputException;
import dev.reg.testing.GitCli;
import dev.reg.testing.TestEnv;
import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.HttpGitServer;
import dev.reg.testing.servers.ServerKind;
import dev.reg.testing.servers.SshGitServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials as C git users have them: ssh keys, agent, config and known_hosts; git credential
 * helpers (fill, approve, reject) and CI's http.extraHeader for HTTP. No credential ever shows up in
 * a message, in output, or in the repository.
 */
class RemoteCredentialsTest {
    @TempDir
    Path tmp;

    private static RemoteSettings settings(GitServer server, Path sshDir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(server.clientEnvironment());
        env.remove("GIT_CONFIG_COUNT");
        env.putAll(extraEnv);
        return new RemoteSettings(TestEnv.home(), sshDir, env, 30);
    }

    private static RemoteAccessException lsRemoteFails(RemoteSettings settings, String url) {
        try (Remotes remotes = Remotes.withoutRepository(settings)) {
            return assertThrows(RemoteAccessException.class, () -> remotes.lsRemote(remotes.resolve(url)));
        }
    }

    private static RemoteRefs lsRemote(RemoteSettings settings, String url) {
        try (Remotes remotes = Remotes.withoutRepository(settings)) {
            return remotes.lsRemote(remotes.resolve(url));
        }
    }

    // ---------------------------------------------------------------- ssh

    @Test
    void anUnknownSshHostKeyIsRefusedAndNeverWrittenToKnownHosts() throws IOException {
        try (SshGitServer server = (SshGitServer) ServerKind.SSH.start(tmp.resolve("server"))) {
            server.createRepo("reg.git");
            Path ssh = Files.createDirectories(tmp.resolve("ssh"));
            Files.copy(server.clientKey(), ssh.resolve("id_ed25519"));
            Files.writeString(ssh.resolve("known_hosts"), "");

            RemoteAccessException e = lsRemoteFails(settings(server, ssh, Map.of()), server.url("reg.git"));

            assertEquals(RemoteAccessException.Kind.HOST_KEY, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("[127.0.0.1]:" + server.port()), e.getMessage());
            assertTrue(e.getMessage().contains("known_hosts"), e.getMessage());
            assertEquals("", Files.readString(ssh.resolve("known_hosts")), "the unknown host key was accepted into known_hosts");

            // a known_hosts entry with another key for the host is refused the same way
            Path other = tmp.resolve("otherkey");
            GitCli.ok(tmp, "version"); // (git present) — ssh-keygen makes the impostor key
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString());
            Files.writeString(ssh.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                    + Files.readString(Path.of(other + ".pub")).strip() + "\n");
            assertEquals(RemoteAccessException.Kind.HOST_KEY, lsRemoteFails(settings(server, ssh, Map.of()), server.url("reg.git")).kind());
        }
    }

    @Test
    void sshKeysComeFromTheAgentWhenSshAuthSockIsSet() throws Exception {
        try (SshGitServer server = (SshGitServer) ServerKind.SSH.start(tmp.resolve("server"))) {
            server.createRepo("reg.git");
            Path ssh = Files.createDirectories(tmp.resolve("ssh")); // known_hosts only: the key lives in the agent
            Files.copy(server.knownHosts(), ssh.resolve("known_hosts"));

            RemoteAccessException without = lsRemoteFails(settings(server, ssh, Map.of()), server.url("reg.git"));
            assertEquals(RemoteAccessException.Kind.AUTHENTICATION, without.kind(), without.getMessage());

            Path sock = tmp.resolve("agent.sock");
            Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("agent.log").toFile()).start();
            try {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!Files.exists(sock) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                ProcessBuilder add = new ProcessBuilder("ssh-add", server.clientKey().toString()).redirectErrorStream(true);
                add.environment().put("SSH_AUTH_SOCK", sock.toString());
                Process a = add.start();
                String out = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, a.waitFor(), out);

                RemoteRefs refs = lsRemote(settings(server, ssh, Map.of("SSH_AUTH_SOCK", sock.toString())), server.url("reg.git"));
                assertEquals(0, refs.size()); // an empty repository, reached with the agent's key
            } finally {
                agent.destroy();
                agent.waitFor();
            }
        }
    }

    @Test
    void sshConfigHostAliasesAndIdentityFilesWorkAsForOpenSsh() throws IOException {
        try (SshGitServer server = (SshGitServer) ServerKind.SSH.start(tmp.resolve("server"))) {
            server.createRepo("reg.git");
            Path ssh = Files.createDirectories(tmp.resolve("ssh"));
            Path key = tmp.resolve("keys/work_key"); // not a default identity name: only the config names it
            Files.createDirectories(key.getParent());
            Files.copy(server.clientKey(), key);
            Files.copy(server.knownHosts(), ssh.resolve("known_hosts"));
            Files.writeString(ssh.resolve("config"), "Host registry-host\n  HostName 127.0.0.1\n  Port " + server.port()
                    + "\n  User " + System.getProperty("user.name") + "\n  IdentityFile " + key + "\n  IdentitiesOnly yes\n");

            String scpLike = "registry-host:" + server.repoPath("reg.git");
            assertEquals(0, lsRemote(settings(server, ssh, Map.of()), scpLike).size());
        }
    }

    // ---------------------------------------------------------------- http

    /** A store helper file: what `git credential approve` writes and `reject` erases. */
    private static String storeConfig(Path store) {
        return "store --file=" + store;
    }

    private static Map<String, String> helpers(String... helpers) {
        Map<String, String> env = new HashMap<>();
        env.put("GIT_CONFIG_COUNT", Integer.toString(helpers.length));
        for (int i = 0; i < helpers.length; i++) {
            env.put("GIT_CONFIG_KEY_" + i, "credential.helper");
            env.put("GIT_CONFIG_VALUE_" + i, helpers[i]);
        }
        return env;
    }

    /** reg.git on the server with one commit and tag, pushed with C git. */
    private void seed(GitServer server) {
        server.createRepo("reg.git");
        LocalRepo.cloneOf(server, "reg.git", tmp.resolve("seed")).commitAndPush(server, "a.txt", "a\n", "prompt/x@1.0.0");
    }

    @Test
    void httpCredentialsComeFromGitCredentialHelpersAndAreApprovedAfterSuccess() throws Exception {
        try (HttpGitServer server = (HttpGitServer) ServerKind.HTTP.start(tmp.resolve("server"))) {
            seed(server);
            Path store = tmp.resolve("store/credentials");
            Files.createDirectories(store.getParent());
            RemoteSettings s = settings(server, tmp.resolve("nossh"), helpers(server.credentialHelper().toString(), storeConfig(store)));
            LocalRepo mine = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("mine"));
            String password = server.password();

            String output = captureOutput(() -> {
                try (Remotes remotes = Remotes.open(mine.dir, s)) {
                    RemoteTarget origin = remotes.resolve("origin");
                    StringBuilder seen = new StringBuilder();
                    seen.append(remotes.lsRemote(origin)).append(origin);
                    FetchResult f = remotes.fetch(origin, "main");
                    seen.append(f);
                    ObjectId tip = mine.commitObject(mine.headId(), "b.txt", "b\n".getBytes(StandardCharsets.UTF_8), "b");
                    PushOutcome out = remotes.atomicPush(origin, new PushRequest("main", mine.headId(), tip,
                            Map.of("prompt/x@1.1.0", mine.tagObject("prompt/x@1.1.0", tip, "x"))));
                    assertInstanceOf(PushOutcome.Accepted.class, out, out::toString);
                    seen.append(out);
                    return seen.toString();
                }
            });

            // approve ran: the store helper now holds the credential the first helper gave
            String stored = Files.readString(store);
            assertTrue(stored.contains(HttpGitServer.USER + ":" + password + "@127.0.0.1"), "not approved into the store: " + stored);
            assertNoLeak(password, output, mine.dir);
        }
    }

    @Test
    void aRefusedPasswordIsRejectedFromTheHelpersAndNeverShown() throws Exception {
        try (HttpGitServer server = (HttpGitServer) ServerKind.HTTP.start(tmp.resolve("server"))) {
            server.createRepo("reg.git");
            Path store = tmp.resolve("store/credentials");
            Files.createDirectories(store.getParent());
            String wrong = "wrong-" + server.password().substring(3);
            Files.writeString(store, "http://" + HttpGitServer.USER + ":" + wrong + "@127.0.0.1:" + server.port() + "\n");
            RemoteSettings s = settings(server, tmp.resolve("nossh"), helpers(storeConfig(store)));
            LocalRepo mine = LocalRepo.at(tmp.resolve("mine"));
            GitCli.ok(tmp, "init", "-q", "-b", "main", mine.dir.toString());
            Files.writeString(mine.dir.resolve("a.txt"), "a\n");
            GitCli.ok(mine.dir, "add", "a.txt");
            GitCli.ok(mine.dir, "commit", "-q", "-m", "a");
            GitCli.ok(mine.dir, "remote", "add", "origin", server.url("reg.git"));

            StringBuilder seen = new StringBuilder();
            String output = captureOutput(() -> {
                try (Remotes remotes = Remotes.open(mine.dir, s)) {
                    RemoteAccessException e = assertThrows(RemoteAccessException.class, () -> remotes.lsRemote(remotes.resolve("origin")));
                    assertEquals(RemoteAccessException.Kind.AUTHENTICATION, e.kind(), e.getMessage());
                    assertTrue(e.getMessage().contains(server.url("reg.git")), e.getMessage());
                    seen.append(e.getMessage());
                    PushOutcome out = remotes.atomicPush(remotes.resolve("origin"),
                            new PushRequest("main", null, mine.headId(), Map.of()));
                    PushOutcome.Failed failed = assertInstanceOf(PushOutcome.Failed.class, out, out::toString);
                    assertEquals(RemoteAccessException.Kind.AUTHENTICATION, failed.kind());
                    assertEquals(PushOutcome.RemoteState.UNCHANGED, failed.remoteState());
                    seen.append(out);
                    return seen.toString();
                }
            });

            assertFalse(Files.readString(store).contains(wrong), "the refused password was not rejected from the store helper");
            assertNoLeak(wrong, output, mine.dir);
            assertNoLeak(server.password(), output, mine.dir);
        }
    }

    @Test
    void withNoCredentialsTheErrorSaysHowToConfigureThem() {
        try (HttpGitServer server = (HttpGitServer) ServerKind.HTTP.start(tmp.resolve("server"))) {
            server.createRepo("reg.git");
            RemoteAccessException e = lsRemoteFails(settings(server, tmp.resolve("nossh"), Map.of()), server.url("reg.git"));
            assertEquals(RemoteAccessException.Kind.AUTHENTICATION, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("credential helper"), e.getMessage());
            assertTrue(e.getMessage().contains("terminal prompts disabled"), "git's own reason is kept: " + e.getMessage());
        }
    }

    @Test
    void theExtraHeaderCiCheckoutsSetAuthenticatesWithoutAnyHelper() throws Exception {
        try (HttpGitServer server = (HttpGitServer) ServerKind.HTTP.start(tmp.resolve("server"))) {
            seed(server);
            LocalRepo mine = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("mine"));
            // what actions/checkout writes into the clone's config
            String token = Base64.getEncoder().encodeToString((HttpGitServer.USER + ":" + server.password()).getBytes(StandardCharsets.UTF_8));
            GitCli.ok(mine.dir, "config", "http.http://127.0.0.1:" + server.port() + "/.extraheader", "AUTHORIZATION: basic " + token);
            RemoteSettings noHelper = settings(server, tmp.resolve("nossh"), Map.of());

            String output = captureOutput(() -> {
                try (Remotes remotes = Remotes.open(mine.dir, noHelper)) {
                    RemoteTarget origin = remotes.resolve("origin");
                    StringBuilder seen = new StringBuilder();
                    seen.append(remotes.lsRemote(origin));
                    ObjectId tip = mine.commitObject(mine.headId(), "b.txt", "b\n".getBytes(StandardCharsets.UTF_8), "b");
                    PushOutcome out = remotes.atomicPush(origin, new PushRequest("main", mine.headId(), tip, Map.of()));
                    assertInstanceOf(PushOutcome.Accepted.class, out, out::toString);
                    seen.append(out);
                    try (RemoteTree t = remotes.openTree(origin, "refs/heads/main").orElseThrow()) {
                        assertEquals("b\n", new String(t.read("b.txt").orElseThrow(), StandardCharsets.UTF_8));
                    }
                    return seen.toString();
                }
            });
            assertTrue(server.requests().stream().noneMatch(r -> r.status() == 401), "the header did not authenticate every request");
            assertNoLeak(server.password(), output, mine.dir.resolve(".git/refs"));
            assertNoLeak(token, output, mine.dir.resolve(".git/refs"));
        }
    }

    @Test
    void aPasswordInTheUrlNeverAppearsInMessages() {
        try (HttpGitServer server = (HttpGitServer) ServerKind.HTTP.start(tmp.resolve("server"))) {
            String secret = server.password();
            String url = server.url("missing.git").replace("http://", "http://" + HttpGitServer.USER + ":" + secret + "@");
            RemoteAccessException e = lsRemoteFails(settings(server, tmp.resolve("nossh"), Map.of()), url);
            assertEquals(RemoteAccessException.Kind.NO_REPOSITORY, e.kind(), e.getMessage());
            assertFalse(e.getMessage().contains(secret), e.getMessage());
            assertFalse(e.getMessage().contains(HttpGitServer.USER), "an http user name may be a token: " + e.getMessage());
            try (Remotes remotes = Remotes.withoutRepository(settings(server, tmp.resolve("nossh"), Map.of()))) {
                RemoteTarget t = remotes.resolve(url);
                assertFalse(t.toString().contains(secret), t.toString());
                assertFalse(t.label().contains(secret), t.label());
            }
        }
    }

    // ---------------------------------------------------------------- resolving remotes

    @Test
    void pushesGoToThePushUrlAndNamesResolveLikeCGit() throws Exception {
        try (GitServer server = ServerKind.GIT_DAEMON.start(tmp.resolve("server"))) {
            server.createRepo("reg.git");
            LocalRepo mine = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("mine"));
            mine.commitAndPush(server, "a.txt", "a\n");
            // fetches go to a dead address, pushes to the server, through an insteadOf rewrite
            GitCli.ok(mine.dir, "config", "remote.origin.url", "git://127.0.0.1:1/reg.git");
            GitCli.ok(mine.dir, "config", "remote.origin.pushurl", "regsrv:reg.git");
            GitCli.ok(mine.dir, "config", "url." + server.url("") + ".insteadOf", "regsrv:");
            try (Remotes remotes = Remotes.open(mine.dir, server.clientSettings())) {
                RemoteTarget origin = remotes.resolve("origin");
                assertEquals(Optional.of("origin"), origin.name());
                assertEquals(server.url("reg.git"), origin.pushUrl());
                ObjectId tip = mine.commitObject(mine.headId(), "b.txt", "b\n".getBytes(StandardCharsets.UTF_8), "b");
                PushOutcome out = remotes.atomicPush(origin, new PushRequest("main", mine.headId(), tip, Map.of()));
                assertInstanceOf(PushOutcome.Accepted.class, out, out::toString);
                assertEquals(tip.name(), LocalRepo.refIn(server.repoPath("reg.git"), "main"));

                RemoteAccessException down = assertThrows(RemoteAccessException.class, () -> remotes.lsRemote(origin));
                assertEquals(RemoteAccessException.Kind.UNREACHABLE, down.kind(), down.getMessage());
                assertTrue(down.getMessage().startsWith("cannot reach git://127.0.0.1:1/reg.git"), down.getMessage());

                BadInputException unknown = assertThrows(BadInputException.class, () -> remotes.resolve("upstream"));
                assertTrue(unknown.getMessage().contains("no remote named 'upstream'"), unknown.getMessage());
                RemoteAccessException none = assertThrows(RemoteAccessException.class,
                        () -> remotes.lsRemote(remotes.resolve(server.url("nothing-here.git"))));
                assertEquals(RemoteAccessException.Kind.NO_REPOSITORY, none.kind(), none.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String captureOutput(Supplier<String> action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        String described;
        try {
            System.setOut(capture);
            System.setErr(capture);
            described = action.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buf.toString(StandardCharsets.UTF_8) + "\n" + described;
    }

    /** The secret is in no output, no result or message, and no file under {@code dir}. */
    private static void assertNoLeak(String secret, String output, Path dir) throws IOException {
        assertFalse(output.contains(secret), "a credential was printed or put in a result: " + output);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(secret), "a credential was written to " + f);
            }
        }
    }

    private static void run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
