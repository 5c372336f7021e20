package dev.reg.testing.servers;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/** A Git server that is one external process listening on a port it was told (git daemon, sshd). */
abstract class ProcessGitServer extends GitServer {
    protected final int port;
    private final ServerProcess process;

    protected ProcessGitServer(Path dir, int port, ServerProcess process) {
        super(dir);
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a server on a free port, trying again on another when the port was taken between the
     * probe and the bind.
     */
    static <T extends ProcessGitServer> T onFreePort(IntFunction<T> start) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return start.apply(ServerProcess.freePort());
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    /** What the server process printed (its log). */
    public String log() {
        return process.log();
    }

    @Override
    public void kill() {
        process.kill();
    }

    @Override
    public List<ProcessHandle> workers() {
        return process.handle().descendants().toList();
    }

    @Override
    public void close() {
        process.close();
    }
}
