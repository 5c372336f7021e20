package dev.reg.testing.servers;

import java.nio.file.Path;
import java.util.List;

/** {@code git daemon} on 127.0.0.1 with receive-pack enabled and every repository exported. */
public final class GitDaemonServer extends ProcessGitServer {
    private GitDaemonServer(Path dir, int port, ServerProcess process) {
        super(dir, port, process);
    }

    static GitDaemonServer start(Path dir) {
        return onFreePort(port -> {
            Path repos = dir.toAbsolutePath().resolve("repos");
            GitDaemonServer skeleton = new GitDaemonServer(dir, port, null); // lays out the folders and environment
            ServerProcess p = ServerProcess.start(List.of("git", "daemon", "--reuseaddr", "--listen=127.0.0.1",
                    "--port=" + port, "--base-path=" + repos, "--export-all", "--enable=receive-pack",
                    "--informative-errors", "--verbose"), skeleton.serverEnvironment(), skeleton.dir.resolve("daemon.log"), port);
            return new GitDaemonServer(dir, port, p);
        });
    }

    @Override
    public ServerKind kind() {
        return ServerKind.GIT_DAEMON;
    }

    @Override
    public String url(String name) {
        return "git://127.0.0.1:" + port + "/" + name;
    }
}
