package dev.reg.testing;

import dev.reg.cli.CommandContext;
import dev.reg.cli.Main;
import dev.reg.release.ReleaseGate;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs reg as a user would: in this JVM for speed, or in a child JVM when a test needs a separate process. */
public final class RegCli {
    /** The date tests run "on", so changelog dates and golden files are stable. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    private RegCli() {
    }

    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    public static Result run(Path dir, String... args) {
        return run(dir, CLOCK, args);
    }

    public static Result run(Path dir, Clock clock, String... args) {
        return run(dir, clock, false, System.getenv(), CommandContext.PRODUCTION_GATE, args);
    }

    /** reg deciding releases with {@code gate} instead of the real gate: how tests run the release story on fixtures. */
    public static Result run(Path dir, ReleaseGate gate, String... args) {
        return run(dir, CLOCK, false, System.getenv(), gate, args);
    }

    public static Result run(Path dir, Clock clock, ReleaseGate gate, String... args) {
        return run(dir, clock, false, System.getenv(), gate, args);
    }

    /** reg (not on a terminal) with exactly {@code env} as its environment: a remote's ssh keys, credential helpers. */
    public static Result run(Path dir, java.util.Map<String, String> env, String... args) {
        return run(dir, CLOCK, false, env, CommandContext.PRODUCTION_GATE, args);
    }

    /** reg as on a terminal (stdin and stdout a tty), with exactly {@code env} as its environment. */
    public static Result onTerminal(Path dir, java.util.Map<String, String> env, String... args) {
        return run(dir, CLOCK, true, env, CommandContext.PRODUCTION_GATE, args);
    }

    private static Result run(Path dir, Clock clock, boolean interactive, java.util.Map<String, String> env, ReleaseGate gate,
            String... args) {
        TestEnv.home();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        CommandContext context = CommandContext.standard(new PrintWriter(out, true), new PrintWriter(err, true), interactive, clock, env)
                .withGate(gate);
        int code = Main.run(all.toArray(String[]::new), context);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs reg and fails the test unless it exits 0. */
    public static Result ok(Path dir, String... args) {
        Result r = run(dir, args);
        if (r.exit() != 0) {
            throw new AssertionError("reg " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.err() + r.out());
        }
        return r;
    }

    /** A reg process in its own JVM, with {@code jvmProps} such as {@code reg.fault=before-refs:halt}. */
    public static ProcessBuilder process(Path dir, List<String> jvmProps, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Duser.home=" + TestEnv.home());
        for (String p : jvmProps) {
            cmd.add("-D" + p);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("-C");
        cmd.add(dir.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        TestEnv.isolate(pb.environment());
        return pb;
    }

    public static Result runProcess(Path dir, List<String> jvmProps, String... args) {
        try {
            Process p = process(dir, jvmProps, args).redirectErrorStream(false).start();
            p.getOutputStream().close();
            Path errFile = File.createTempFile("reg-err", ".txt").toPath();
            Thread drain = new Thread(() -> {
                try {
                    java.nio.file.Files.write(errFile, p.getErrorStream().readAllBytes());
                } catch (Exception e) {
                    // the process died; what it wrote so far is kept
                }
            });
            drain.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            drain.join();
            return new Result(code, out, java.nio.file.Files.readString(errFile));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
