package dev.reg.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.ServerKind;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real loopback Git server holding a registry, and reg run against it as a user would: with
 * an environment whose {@code HOME/.ssh} holds the server's generated key and known_hosts, and
 * whose Git config names the server's credential helper.
 */
final class RemoteCli implements AutoCloseable {
    final GitServer server;
    final Map<String, String> env;
    private final Path tmp;

    private RemoteCli(GitServer server, Map<String, String> env, Path tmp) {
        this.server = server;
        this.env = env;
        this.tmp = tmp;
    }

    static RemoteCli start(ServerKind kind, Path tmp) {
        GitServer server = kind.start(tmp.resolve("server"));
        try {
            return new RemoteCli(server, server.userEnvironment(tmp.resolve("home")), tmp);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    String url() {
        return server.url("reg.git");
    }

    /** Creates reg.git on the server and pushes {@code r}'s main and every tag to it, as remote origin. */
    void publish(TestRegistry r) {
        server.createRepo("reg.git");
        GitCli.ok(r.root(), "remote", "add", "origin", url());
        git(r.root(), "push", "-q", "origin", "main", "--tags");
    }

    /** A full clone of reg.git made by C git. */
    Path cloneTo(String name) {
        Path dir = tmp.resolve(name);
        git(tmp, "clone", "-q", url(), dir.toString());
        return dir;
    }

    /** C git as this user (the server's keys and credential helper); fails the test unless it exits 0. */
    String git(Path dir, String... args) {
        GitCli.Result r = GitCli.run(dir, server.clientEnvironment(), args);
        assertEquals(0, r.exit(), "git " + String.join(" ", args) + ": " + r.err());
        return r.out();
    }

    RegCli.Result reg(Path dir, String... args) {
        return RegCli.run(dir, env, args);
    }

    @Override
    public void close() {
        server.close();
    }
}
