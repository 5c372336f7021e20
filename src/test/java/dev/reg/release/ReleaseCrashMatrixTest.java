package dev.reg.release;

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
        return RegCli.run(repo, new TestGate(), args);
    }

    @Test
    void freeze() {
        ReleaseScenario.start(fixture).shipFirst();
        CrashMatrix.run("freeze", fixture, scratch, repo -> RegCli.run(repo, "freeze", "support_copilot", "--reason", "incident"),
                CrashMatrix::newAdr);
    }

    @Test
    void release() {
        ReleaseScenario.start(fixture);
        CrashMatrix.run("release", fixture, scratch, repo -> release(repo, "release", "support_copilot", "--run", "run-a"),
                CrashMatrix::newAdr);
    }

    @Test
    void rollback() {
        ReleaseScenario.incident(fixture);
        CrashMatrix.run("rollback", fixture, scratch, repo -> RegCli.run(repo, "rollback", "support_copilot"),
                CrashMatrix::newAdr);
    }
}
