package dev.reg.release;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.CrashMatrix;
import dev.reg.testing.RegCli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code freeze}, {@code release} and {@code rollback} killed at every disk step they take (see {@link CrashMatrix}). */
class ReleaseCrashMatrixTest {
    @TempDir
    Path fixture;

    @TempDir
    Path scratch;

    private static RegCli.Result release(Path repo, String... args) {
        try (var g = ReleaseGates.use(new TestGate())) {
            return RegCli.run(repo, args);
        }
    }

    private static RegCli.Result nextWrite(Path repo) {
        return RegCli.run(repo, "adr", "new", "Written after the crash");
    }

    private static void report(String command, CrashMatrix.Report r) {
        System.out.println("crash matrix: " + command + ": " + r.points().size() + " points, " + r.asBefore() + " as before, "
                + r.updated() + " fully updated");
        assertTrue(r.asBefore() > 0 && r.updated() > 0, "kills land both before and after publishing");
    }

    @Test
    void freeze() {
        ReleaseScenario.start(fixture).shipFirst();
        report("freeze", CrashMatrix.run(fixture, scratch, repo -> RegCli.run(repo, "freeze", "support_copilot", "--reason", "incident"),
                ReleaseCrashMatrixTest::nextWrite));
    }

    @Test
    void release() {
        ReleaseScenario.start(fixture);
        report("release", CrashMatrix.run(fixture, scratch, repo -> release(repo, "release", "support_copilot", "--run", "run-a"),
                ReleaseCrashMatrixTest::nextWrite));
    }

    @Test
    void rollback() {
        RollbackTest.incident(fixture);
        report("rollback", CrashMatrix.run(fixture, scratch, repo -> RegCli.run(repo, "rollback", "support_copilot"),
                ReleaseCrashMatrixTest::nextWrite));
    }
}
