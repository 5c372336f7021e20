package dev.reg.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher chooses — the JVM, its options per command, what it tells reg — run against
 * stand-in JDKs: a {@code bin/java} script that prints the arguments and REG_LAUNCHER_* variables it
 * was started with, beside a {@code release} file naming a Java version. The stand-ins fail every
 * training run (they cannot write an archive) and count them.
 */
class LauncherChoiceTest {
    @TempDir
    Path dir;

    LauncherLayout layout;

    @BeforeEach
    void layout() throws IOException {
        Path jar = dir.resolve("any.jar");
        Files.writeString(jar, "a stand-in JDK never reads the jar");
        layout = LauncherLayout.create(dir.resolve("checkout"), jar);
    }

    /** A stand-in JDK home reporting Java {@code version}. */
    private Path jdk(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\nJAVA_RUNTIME_VERSION=\"" + version + "+7\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/sh
                for a in "$@"; do
                  case "$a" in -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*) echo training >> "$(dirname "$0")/../trainings"; exit 1 ;; esac
                done
                for a in "$@"; do echo "arg: $a"; done
                env | grep '^REG_LAUNCHER_' | sort | sed 's/^/env: /'
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home.toRealPath();
    }

    private static List<String> lines(RegCli.Result r, String prefix) {
        return r.out().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    @Test
    void theNewestJdkOf25OrLaterIsChosenWithAnAotCache() throws IOException {
        Path newest = jdk("jdk-99", "99.0.1");
        Map<String, String> choice = layout.choice(Map.of("JAVA_HOME", newest.toString()));
        assertEquals(newest.resolve("bin/java").toString(), choice.get("REG_LAUNCHER_JAVA"));
        assertEquals("99.0.1+7", choice.get("REG_LAUNCHER_JAVA_VERSION"));
        assertTrue(choice.get("REG_LAUNCHER_ARCHIVE").endsWith(".aot"), choice.toString());
        assertTrue(choice.get("REG_LAUNCHER_ARCHIVE").startsWith(layout.archiveDir() + "/reg-"), choice.toString());
        assertEquals("missing", choice.get("REG_LAUNCHER_ARCHIVE_STATUS"));
    }

    @Test
    void regJavaForcesTheJvmAndAJdkBefore25GetsACdsArchive() throws IOException {
        Path jdk17 = jdk("jdk-17", "17.0.9");
        Path newest = jdk("jdk-99", "99.0.1");
        for (String regJava : List.of(jdk17.toString(), jdk17.resolve("bin/java").toString())) {
            Map<String, String> choice = layout.choice(Map.of("REG_JAVA", regJava, "JAVA_HOME", newest.toString()));
            assertEquals(jdk17.resolve("bin/java").toString(), choice.get("REG_LAUNCHER_JAVA"), regJava);
            assertTrue(choice.get("REG_LAUNCHER_ARCHIVE").endsWith(".jsa"), choice.toString());
        }
    }

    @Test
    void javaBefore17IsRefused() throws IOException {
        Path jdk11 = jdk("jdk-11", "11.0.2");
        RegCli.Result r = layout.run(Map.of("REG_JAVA", jdk11.toString()), "--version");
        assertEquals(70, r.exit(), r.all());
        assertTrue(r.err().contains("reg needs Java 17 or later"), r.err());
        assertEquals("", r.out());
    }

    /** Short reads stop at C1 for start-up; commands that hash, import or stream telemetry keep C2 unless they only plan (--dry-run). */
    @Test
    void jitAndOptionsFollowTheCommand() throws IOException {
        Map<String, String> env = Map.of("REG_JAVA", jdk("jdk-17", "17.0.9").toString(), "REG_ARCHIVE", "off", "REG_JAVA_OPTS", "-Xmx64m -Dx=y");
        Map<List<String>, Boolean> c1 = Map.of(
                List.of("-C", "bump", "show", "prompt/p"), true,
                List.of("--version"), true,
                List.of("bump", "prompt", "p", "minor"), false,
                List.of("-C", "show", "verify"), false,
                List.of("rollback", "wf", "--dry-run"), true,
                List.of("rollback", "wf"), false,
                List.of("canary", "wf", "--events", "e.jsonl.gz"), false,
                List.of("drift", "wf", "--reference", "r.jsonl", "--current", "c.jsonl"), false,
                List.of("budget", "wf", "--events", "e.jsonl"), false);
        for (var e : c1.entrySet()) {
            RegCli.Result r = layout.ok(env, e.getKey().toArray(String[]::new));
            List<String> args = lines(r, "arg: ");
            assertEquals(e.getValue(), args.contains("-XX:TieredStopAtLevel=1"), e.getKey() + ": " + args);
            int jar = args.indexOf("-jar");
            assertEquals(layout.jar().toRealPath().toString(), args.get(jar + 1));
            assertEquals(e.getKey(), args.subList(jar + 2, args.size()), "reg's arguments pass through unchanged");
            assertEquals(List.of("-Xmx64m", "-Dx=y"), args.subList(jar - 2, jar), "REG_JAVA_OPTS come last, split into words");
            assertTrue(args.containsAll(List.of("-XX:+UseSerialGC", "-Duser.home=" + TestEnv.home())), args.toString());
            assertFalse(args.stream().anyMatch(a -> a.contains("AOTCache") || a.contains("SharedArchiveFile")), args.toString());
        }
    }

    /** The contract with reg doctor: the launcher's choice reaches reg's environment. */
    @Test
    void regSeesWhatTheLauncherChose() throws IOException {
        Path jdk17 = jdk("jdk-17", "17.0.9");
        RegCli.Result r = layout.ok(Map.of("REG_JAVA", jdk17.toString(), "REG_ARCHIVE", "off"), "show");
        List<String> env = lines(r, "env: ");
        assertTrue(env.contains("REG_LAUNCHER_JAVA=" + jdk17.resolve("bin/java")), env.toString());
        assertTrue(env.contains("REG_LAUNCHER_JAVA_VERSION=17.0.9+7"), env.toString());
        assertTrue(env.contains("REG_LAUNCHER_ARCHIVE="), env.toString());
        assertTrue(env.contains("REG_LAUNCHER_ARCHIVE_STATUS=off"), env.toString());
        assertTrue(env.stream().anyMatch(v -> v.startsWith("REG_LAUNCHER_JVM_OPTIONS=-XX:+UseSerialGC ") && v.contains("-XX:TieredStopAtLevel=1")),
                env.toString());
    }

    /** A training that fails leaves its log as reg-…failed, reg still runs, and no later run trains again for that jar and JVM. */
    @Test
    void aFailedTrainingIsReportedAndNotRetried() throws IOException {
        Path jdk17 = jdk("jdk-17", "17.0.9");
        Map<String, String> env = Map.of("REG_JAVA", jdk17.toString(), "REG_ARCHIVE", "sync");
        RegCli.Result first = layout.ok(env, "--version");
        assertTrue(lines(first, "env: ").contains("REG_LAUNCHER_ARCHIVE_STATUS=failed"), first.out());
        assertEquals(List.of("training"), Files.readAllLines(jdk17.resolve("trainings")));
        String archive = layout.choice(env).get("REG_LAUNCHER_ARCHIVE");
        Path failed = Path.of(archive.replaceFirst("\\.jsa$", ".failed"));
        assertTrue(Files.readString(failed).contains("training failed"), Files.readString(failed));

        RegCli.Result second = layout.ok(Map.of("REG_JAVA", jdk17.toString()), "--version");
        assertTrue(lines(second, "env: ").contains("REG_LAUNCHER_ARCHIVE_STATUS=failed"), second.out());
        layout.awaitTraining(java.time.Duration.ofSeconds(30));
        assertEquals(List.of("training"), Files.readAllLines(jdk17.resolve("trainings")), "no second training");
        assertTrue(layout.archives().isEmpty(), layout.archiveDirEntries().toString());
    }

    /**
     * In a source tree the launcher builds when a source is newer than the jar, and only then (one
     * find answers that and names the archive; a stand-in mvnw records each build), and the archive
     * is named by the jar's size, ctime, device and inode exactly as stat gives them.
     */
    @Test
    void aSourceNewerThanTheJarRebuildsItAndTheArchiveIsNamedByTheJarsStat() throws Exception {
        Path jdk = jdk("jdk-99", "99.0.1");
        Map<String, String> env = Map.of("JAVA_HOME", jdk.toString());
        Path root = layout.root();
        Path source = root.resolve("src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}\n");
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Path builds = root.resolve("builds");
        Path mvnw = root.resolve("mvnw");
        Files.writeString(mvnw, "#!/bin/sh\necho build >> builds\nprintf rebuilt > target/reg.jar\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (Path p : List.of(source, source.getParent(), root.resolve("src/main/java"), root.resolve("src/main"), root.resolve("pom.xml"))) {
            Files.setLastModifiedTime(p, old);
        }

        layout.ok(env, "--version");
        assertFalse(Files.exists(builds), "sources older than the jar: no build");

        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        RegCli.Result r = layout.ok(env, "--version");
        assertTrue(r.err().contains("building"), r.all());
        assertEquals(List.of("build"), Files.readAllLines(builds));
        assertEquals("rebuilt", Files.readString(layout.jar()));

        Files.setLastModifiedTime(source, old); // built: the jar is the newest again
        String stat = new ProcessBuilder("stat", "-Lc", "%s-%.9Z-%d-%i", layout.jar().toString()).start().inputReader().readLine();
        String archive = layout.choice(env).get("REG_LAUNCHER_ARCHIVE");
        assertTrue(archive.startsWith(layout.archiveDir() + "/reg-" + stat.replace(".", "") + ".jdk99-"), archive + " for " + stat);
        assertEquals(List.of("build"), Files.readAllLines(builds), "no second build");

        // a fresh clone: no jar at all
        Files.delete(layout.jar());
        RegCli.Result fresh = layout.ok(env, "--version");
        assertTrue(fresh.err().contains("building"), fresh.all());
        assertEquals(List.of("build", "build"), Files.readAllLines(builds));
        assertTrue(layout.choice(env).get("REG_LAUNCHER_ARCHIVE").contains("/reg-7-"), "the new jar's size names the archive");
    }
}
