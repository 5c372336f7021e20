package dev.reg.testing.servers;

import java.nio.file.Path;
import java.util.List;

/** {@code git daemon} on 127.0.0.1 with receive-pack enabled and every repository exported. */
public final class GitDaemonServer extends GitServer {
    private final int port;
    private final ServerProcess process;

    private GitDaemonServer(Path dir, int port, ServerProcess process) {
        super(dir);
        this.port = port;
        this.process = process;
    }

    static GitDaemonServer start(Path dir) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between the probe and the bind
            int port = ServerProcess.freePort();
            GitDaemonServer skeleton = new GitDaemonServer(dir, port, null);
            try {
                ServerProcess p = ServerProcess.start(List.of("git", "daemon", "--reuseaddr", "--listen=127.0.0.1",
                        "--port=" + port, "--base-path=" + skeleton.repos, "--export-all", "--enable=receive-pack",
                        "--informative-errors", "--verbose"), skeleton.serverEnvironment(), skeleton.dir.resolve("daemon.log"), port);
                return new GitDaemonServer(dir, port, p);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public ServerKind kind() {
        return ServerKind.GIT_DAEMON;
    }

    @Override
    public String url(String name) {
        return "git://127.0.0.1:" + port + "/" + name;
    }

    public int port() {
        return port;
    }

    @Override
    public void kill() {
        process.kill();
    }

    @Override
    public List<ProcessHandle> workers() {
        return process.handle().descendants().toList();
    }

    public String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
