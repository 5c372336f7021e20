package dev.reg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.util.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rollback is all or nothing: a failure at any step leaves the repository as before, a kill leaves what reg completes. */
class RollbackFaultTest {
    @TempDir
    Path dir;

    /** Steps before the commit and its tag are published: a failure there leaves every byte as it was. */
    @ParameterizedTest
    @ValueSource(strings = {"rollback-planned", "rollback-rendered", "after-write-objects", "after-commit-object", "before-refs"})
    void aFailureBeforePublishingLeavesTheRepositoryAsBefore(String point) {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result r = withFault(point, () -> s.reg.reg("rollback", "support_copilot"));
        assertEquals(70, r.exit(), r.all());
        assertTrue(r.err().contains("injected fault at " + point), r.err());
        s.reg.assertUnchangedSince(before);
        s.reg.assertNoChangeInFlight();
        assertFalse(Files.exists(s.reg.path(".git/index.lock")));
        s.reg.regOk("rollback", "support_copilot");
        RollbackTest.assertRolledBack(s);
    }

    /** Steps after the refs are published: the change happened, and the next command finishes the work tree. */
    @ParameterizedTest
    @ValueSource(strings = {"after-refs", "after-work-tree"})
    void aFailureAfterPublishingIsCompletedByTheNextCommand(String point) {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        RegCli.Result r = withFault(point, () -> s.reg.reg("rollback", "support_copilot"));
        assertEquals(70, r.exit(), r.all());
        RegCli.Result next = s.reg.regOk("rollback", "support_copilot");
        assertTrue(next.err().contains("completed an interrupted change"), next.err());
        assertTrue(next.out().contains("nothing to do"), next.out());
        RollbackTest.assertRolledBack(s);
    }

    /** kill -9 at every step, in a separate process: the next reg command completes the rollback or it runs afresh. */
    @ParameterizedTest
    @ValueSource(strings = {"rollback-planned", "rollback-rendered", "after-write-objects", "after-commit-object", "before-refs",
        "after-refs", "after-work-tree"})
    void aKillAtAnyStepLeavesAStateRegCompletes(String point) {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        RegCli.Result killed = RegCli.runProcess(dir, List.of(Faults.PROPERTY + "=" + point + ":halt"), "rollback", "support_copilot");
        assertEquals(137, killed.exit(), killed.all());
        RegCli.Result next = s.reg.reg("rollback", "support_copilot");
        assertEquals(0, next.exit(), next.all());
        RollbackTest.assertRolledBack(s);
        assertEquals(1, s.reg.git("tag", "-l", "release/support_copilot/*").lines().filter(t -> t.endsWith("/4")).count());
        assertFalse(s.reg.git("tag", "-l", "release/support_copilot/5").contains("5"), "rolled back once, not twice");
    }

    @Test
    void aStaleLockNobodyRecordedIsReportedWithTheExactCommandToRemoveIt() throws Exception {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        Files.writeString(s.reg.path(".git/index.lock"), "");
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result r = s.reg.reg("rollback", "support_copilot");
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.err().contains("rm '" + s.reg.path(".git/index").toRealPath() + ".lock'")
                || r.err().contains("rm '" + s.reg.path(".git/index") + ".lock'"), r.err());
        s.reg.assertUnchangedSince(before);
    }

    private static RegCli.Result withFault(String point, java.util.function.Supplier<RegCli.Result> run) {
        System.setProperty(Faults.PROPERTY, point);
        try {
            return run.get();
        } finally {
            System.clearProperty(Faults.PROPERTY);
        }
    }
}
