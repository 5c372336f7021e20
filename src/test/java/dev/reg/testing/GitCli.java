package dev.reg.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs C {@code git} in a test repository, isolated from the machine's configuration. */
public final class GitCli {
    private GitCli() {
    }

    public record Result(int exit, String out, String err) {
    }

    public static Result run(Path dir, String... args) {
        return run(dir, java.util.Map.of(), args);
    }

    /** Runs git with extra environment variables (e.g. GNUPGHOME). */
    public static Result run(Path dir, java.util.Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        TestEnv.isolate(pb.environment());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var outF = new java.util.concurrent.CompletableFuture<String>();
            Thread t = new Thread(() -> {
                try {
                    outF.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    outF.completeExceptionally(e);
                }
            });
            t.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            return new Result(code, outF.get(), err);
        } catch (Exception e) {
            throw new IllegalStateException("cannot run git " + String.join(" ", args), e);
        }
    }

    /** Runs git and returns its stdout, failing the test when git fails. */
    public static String ok(Path dir, String... args) {
        Result r = run(dir, args);
        if (r.exit() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " exited " + r.exit() + ": " + r.err() + r.out());
        }
        return r.out();
    }
}
