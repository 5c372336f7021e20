package dev.reg.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher's archives with the real jar (so these run after {@code package}, by Failsafe), on
 * every JVM kind this machine has: the JVM running the tests (JDK 17 in CI: a CDS archive) and the
 * JVM the launcher picks by itself when it is another one (a JDK >= 25: an AOT cache).
 */
class LauncherArchiveIT {
    private static final Duration TRAINING = Duration.ofMinutes(2);

    @TempDir
    static Path jars;

    /** The built jar with a build id entry: "A" and "B" differ in content only, not in length. */
    static Path jarA;
    static Path jarB;

    @BeforeAll
    static void jars() throws IOException {
        Path built = LauncherLayout.PROJECT.resolve("target/reg.jar");
        assertTrue(Files.isRegularFile(built), built + " is built by 'package', before Failsafe runs this test");
        jarA = withBuildId(built, jars.resolve("a.jar"), "A");
        jarB = withBuildId(built, jars.resolve("b.jar"), "B");
    }

    /** A copy of {@code jar} with one more entry; the zip file system copies the other entries as they are. */
    private static Path withBuildId(Path jar, Path copy, String id) throws IOException {
        Files.copy(jar, copy);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + copy.toUri()), Map.of("noCompression", "true"))) {
            Files.writeString(zip.getPath("META-INF/reg-test-build-id"), id);
        }
        return copy;
    }

    static Stream<Path> jdks() {
        Set<Path> homes = new LinkedHashSet<>();
        homes.add(Path.of(System.getProperty("java.home")));
        Path probe = jars.resolve("probe");
        if (!Files.exists(probe)) {
            LauncherLayout.create(probe, jarA);
        }
        String chosen = LauncherLayout.at(probe).choice(Map.of()).get("REG_LAUNCHER_JAVA");
        homes.add(Path.of(chosen).getParent().getParent());
        return homes.stream().map(LauncherArchiveIT::real);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean aot(Map<String, String> choice) {
        return choice.get("REG_LAUNCHER_ARCHIVE").endsWith(".aot");
    }

    /** A run that fails unless the JVM maps {@code archive}, and loads reg's main class from it. */
    private static void assertRunsWith(LauncherLayout layout, Map<String, String> env, Path archive) {
        Map<String, String> choice = layout.choice(env);
        assertEquals(archive.toString(), choice.get("REG_LAUNCHER_ARCHIVE"));
        assertEquals(aot(choice) ? "aot" : "cds", choice.get("REG_LAUNCHER_ARCHIVE_STATUS"));
        String force = aot(choice) ? "-XX:AOTMode=on" : "-Xshare:on";
        // a command (reg --version alone runs without the archive: it would cost more than it saves)
        RegCli.Result r = layout.ok(with(env, "REG_JAVA_OPTS", force + " -Xlog:class+load=info"), "help");
        assertTrue(r.out().lines().anyMatch(l -> l.contains(" dev.reg.cli.Main source: shared objects file")),
                "reg's classes come from the archive:\n" + r.out().lines().filter(l -> l.contains("dev.reg")).limit(5).toList());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Usage: reg ")), r.out());
        RegCli.Result version = layout.ok(with(env, "REG_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertTrue(version.out().lines().anyMatch(l -> l.contains(" dev.reg.cli.Main source: file:")),
                "reg --version alone runs without the archive:\n" + version.out().lines().filter(l -> l.contains("dev.reg")).limit(5).toList());
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(env);
        m.put(key, value);
        return m;
    }

    /**
     * A jar rebuilt in place (same path, same inode, same size, same modification time: only its
     * content and so its ctime differ — the JVM's own check of size and mtime would accept the old
     * archive) gets a new archive from the next run; the old one is deleted.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void aRebuiltJarNeverRunsWithTheOldArchive(Path jdk, @TempDir Path dir) throws IOException {
        LauncherLayout layout = LauncherLayout.create(dir, jarA);
        Map<String, String> env = Map.of("REG_JAVA", jdk.toString());
        layout.ok(env, "--version");
        layout.awaitTraining(TRAINING);
        List<Path> before = layout.archives();
        assertEquals(1, before.size(), layout.archiveDirEntries().toString());
        assertRunsWith(layout, env, before.get(0));

        Object inode = Files.getAttribute(layout.jar(), "unix:ino");
        FileTime mtime = Files.getLastModifiedTime(layout.jar());
        Files.write(layout.jar(), Files.readAllBytes(jarB), StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        Files.setLastModifiedTime(layout.jar(), mtime);
        assertEquals(inode, Files.getAttribute(layout.jar(), "unix:ino"));
        assertEquals(Files.size(jarA), Files.size(layout.jar()));
        assertEquals(mtime, Files.getLastModifiedTime(layout.jar()));

        Map<String, String> choice = layout.choice(env);
        assertNotEquals(before.get(0).toString(), choice.get("REG_LAUNCHER_ARCHIVE"));
        assertEquals("missing", choice.get("REG_LAUNCHER_ARCHIVE_STATUS"), "the old archive is not the rebuilt jar's");
        RegCli.Result firstRun = layout.ok(env, "--version");
        assertTrue(firstRun.out().startsWith("reg "), firstRun.all());
        layout.awaitTraining(TRAINING);
        List<Path> after = layout.archives();
        assertEquals(List.of(Path.of(choice.get("REG_LAUNCHER_ARCHIVE"))), after, layout.archiveDirEntries().toString());
        assertFalse(Files.exists(before.get(0)), "the old jar's archive is deleted");
        assertRunsWith(layout, env, after.get(0));
    }

    /** Eight first runs at once: all answer, one of them trains, and exactly one valid archive remains. */
    @ParameterizedTest
    @MethodSource("jdks")
    void eightFirstRunsAtOnceLeaveExactlyOneValidArchive(Path jdk, @TempDir Path dir) throws Exception {
        LauncherLayout layout = LauncherLayout.create(dir, jarA);
        Map<String, String> env = Map.of("REG_JAVA", jdk.toString());
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(layout.start(env, dir.resolve("out-" + i), dir.resolve("err-" + i), "--version"));
        }
        for (int i = 0; i < 8; i++) {
            int exit = runs.get(i).waitFor();
            String out = Files.readString(dir.resolve("out-" + i), StandardCharsets.UTF_8);
            String err = Files.readString(dir.resolve("err-" + i), StandardCharsets.UTF_8);
            assertEquals(0, exit, "run " + i + ": " + out + err);
            assertTrue(out.startsWith("reg ") && out.lines().count() == 1, "run " + i + ": " + out + err);
            assertEquals("", err, "run " + i);
        }
        layout.awaitTraining(TRAINING);
        List<String> entries = layout.archiveDirEntries();
        assertEquals(1, layout.archives().size(), entries.toString());
        assertEquals(List.of("last-training.log", layout.archives().get(0).getFileName().toString()), entries,
                "nothing else left behind: no temporary files, no failure");
        assertRunsWith(layout, env, layout.archives().get(0));
    }
}
