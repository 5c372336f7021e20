package dev.reg.testing.servers;

import dev.reg.git.remote.RemoteSettings;
import dev.reg.testing.GitCli;
import dev.reg.testing.TestEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Git server on 127.0.0.1 serving bare repositories under {@code dir/repos}, started and
 * stopped by a test. Subclasses say how to reach it ({@link #url}) and what a client needs to get
 * in ({@link #clientSettings()} for reg, {@link #clientEnvironment()} for C git).
 */
public abstract class GitServer implements AutoCloseable {
    protected final Path dir;
    protected final Path repos;

    protected GitServer(Path dir) {
        this.dir = dir.toAbsolutePath();
        this.repos = this.dir.resolve("repos");
        try {
            Files.createDirectories(repos);
            Files.createDirectories(this.dir.resolve("server-home"));
            Files.createDirectories(this.dir.resolve("client-ssh"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public abstract ServerKind kind();

    /** The URL a client uses for repository {@code name} (e.g. {@code registry.git}). */
    public abstract String url(String name);

    /**
     * Creates bare repository {@code name} with {@code config} as key/value pairs, on top of
     * {@code uploadpack.allowFilter=true} (as GitHub and GitLab serve partial fetches). Returns its folder.
     */
    public Path createRepo(String name, String... config) {
        if (config.length % 2 != 0) {
            throw new IllegalArgumentException("config comes in key/value pairs");
        }
        Path repo = repos.resolve(name);
        GitCli.ok(repos, "init", "-q", "--bare", "-b", "main", repo.toString());
        GitCli.ok(repo, "config", "uploadpack.allowFilter", "true");
        for (int i = 0; i < config.length; i += 2) {
            GitCli.ok(repo, "config", config[i], config[i + 1]);
        }
        return repo;
    }

    public Path repoPath(String name) {
        return repos.resolve(name);
    }

    /** What reg needs to reach this server: generated ssh key and known_hosts, or credentials through a helper. */
    public RemoteSettings clientSettings() {
        return new RemoteSettings(TestEnv.home(), dir.resolve("client-ssh"), clientEnvironment(), 30);
    }

    /** The environment C git (and reg's {@code git credential}) runs in to use this server as a client. */
    public Map<String, String> clientEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        TestEnv.isolate(env);
        env.remove("SSH_AUTH_SOCK"); // the machine's agent is not part of any test
        env.putAll(clientExtras());
        return env;
    }

    /**
     * The environment of a user of this server running reg (or C git): {@link #clientEnvironment()}
     * with {@code HOME} at {@code home}, whose {@code .ssh} gets the generated client key and
     * known_hosts, which is where reg (as OpenSSH) looks for them.
     */
    public Map<String, String> userEnvironment(Path home) {
        Path ssh = home.resolve(".ssh");
        try {
            Files.createDirectories(ssh);
            try (Stream<Path> files = Files.list(dir.resolve("client-ssh"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, ssh.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = clientEnvironment();
        env.put("HOME", home.toString());
        return env;
    }

    /** Variables a client of this server adds (GIT_SSH_COMMAND, a credential helper). */
    protected Map<String, String> clientExtras() {
        return Map.of();
    }

    /** The environment of the server's own git processes: no system or user Git config. */
    protected Map<String, String> serverEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("HOME", dir.resolve("server-home").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("LANG", "C");
        return env;
    }

    /** SIGKILL the server and everything serving a request now: clients see the connection drop. */
    public abstract void kill();

    /** Processes working for a client right now (e.g. a receive-pack and its index-pack). */
    public abstract List<ProcessHandle> workers();

    /** True when some worker process's command line contains {@code word} (e.g. "index-pack"). */
    public boolean workerRunning(String word) {
        for (ProcessHandle p : workers()) {
            String line = p.info().commandLine().orElse("") + " " + p.info().arguments().map(a -> String.join(" ", a)).orElse("");
            if (p.isAlive() && line.contains(word)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public abstract void close();
}
