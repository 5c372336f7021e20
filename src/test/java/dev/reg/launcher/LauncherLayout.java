package dev.reg.launcher;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real {@code reg} launcher script in a layout of its own: a copy of the script with a jar at
 * {@code target/reg.jar} beside it, as in a checkout after the build. Without a {@code pom.xml}
 * beside it the launcher never builds, so a test controls exactly which jar it runs.
 */
final class LauncherLayout {
    static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    private final Path root;

    private LauncherLayout(Path root) {
        this.root = root;
    }

    /** The launcher of this checkout in {@code dir}, running a copy of {@code jar}. */
    static LauncherLayout create(Path dir, Path jar) {
        try {
            Files.createDirectories(dir.resolve("target"));
            Path script = dir.resolve("reg");
            Files.copy(PROJECT.resolve("reg"), script);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.copy(jar, dir.resolve("target/reg.jar"));
            return new LauncherLayout(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A layout made earlier by {@link #create}. */
    static LauncherLayout at(Path root) {
        return new LauncherLayout(root);
    }

    Path root() {
        return root;
    }

    Path jar() {
        return root.resolve("target/reg.jar");
    }

    Path archiveDir() {
        return root.resolve("target/archives");
    }

    /** Starts the launcher with the test's isolated Git environment, none of the machine's REG_* or JAVA_HOME, plus {@code env}. */
    Process start(Map<String, String> env, Path stdout, Path stderr, String... args) {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("reg").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("REG_") || k.equals("JAVA_HOME") || k.equals("JDK_JAVA_OPTIONS"));
        TestEnv.isolate(pb.environment());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectOutput(stdout.toFile());
        pb.redirectError(stderr.toFile());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RegCli.Result run(Map<String, String> env, String... args) {
        try {
            Path out = Files.createTempFile(root, "out", ".txt");
            Path err = Files.createTempFile(root, "err", ".txt");
            int exit = start(env, out, err, args).waitFor();
            RegCli.Result r = new RegCli.Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the launcher and fails the test unless it exits 0. */
    RegCli.Result ok(Map<String, String> env, String... args) {
        RegCli.Result r = run(env, args);
        if (r.exit() != 0) {
            throw new AssertionError("reg " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.all());
        }
        return r;
    }

    /** What the launcher would choose (REG_LAUNCHER_PRINT): the REG_LAUNCHER_* values by name. */
    Map<String, String> choice(Map<String, String> env) {
        Map<String, String> print = new LinkedHashMap<>(env);
        print.put("REG_LAUNCHER_PRINT", "1");
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : ok(print, "--version").out().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    /** Files in the archive directory (archives, failure logs, leftovers), by name. */
    List<String> archiveDirEntries() {
        if (!Files.isDirectory(archiveDir())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(archiveDir())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archives (AOT caches and CDS archives) in the archive directory. */
    List<Path> archives() {
        return archiveDirEntries().stream().filter(n -> n.startsWith("reg-") && (n.endsWith(".aot") || n.endsWith(".jsa")))
                .map(archiveDir()::resolve).toList();
    }

    /** Waits until no training holds the lock (a background training has published or failed). */
    void awaitTraining(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        Path lock = archiveDir().resolve(".training.lock");
        while (Files.exists(lock)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("training still running after " + timeout + ": " + archiveDirEntries());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
