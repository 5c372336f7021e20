package dev.reg.testing.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server process on a loopback port: started, waited for until it accepts, killed with everything it started. */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** A port that was free a moment ago (servers that cannot take port 0 need one named). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code command}, its output going to {@code log}, and waits until 127.0.0.1:{@code port}
     * accepts a connection. Fails with the log when the process exits first or never listens.
     */
    static ServerProcess start(List<String> command, Map<String, String> env, Path log, int port) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ServerProcess sp = new ServerProcess(p, log);
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(command.get(0) + " exited " + p.exitValue() + " before listening:\n" + sp.log());
                }
                if (accepts(port)) {
                    return sp;
                }
                Thread.sleep(20);
            }
            sp.close();
            throw new IllegalStateException(command.get(0) + " did not listen on port " + port + " within " + START_TIMEOUT + ":\n"
                    + sp.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }

    /** SIGKILL to the server and every process it started (connections drop mid-transfer). */
    void kill() {
        killTree(process.toHandle());
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills {@code root} first (so it starts nothing new), then each descendant it had. SIGKILL
     * closes a process's sockets at once; waiting for orphans to be reaped would only add time.
     */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> children = root.descendants().toList();
        root.destroyForcibly();
        for (ProcessHandle c : children) {
            c.destroyForcibly();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
