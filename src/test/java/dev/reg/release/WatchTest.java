package dev.reg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.CrashMatrix;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.util.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reg watch} on a real repository: a red drift with {@code --apply} freezes the workflow and
 * rolls back to the last good composite in one commit, with readouts and an incident ADR that say why;
 * a second run does nothing; without {@code --apply} nothing is written; a kill at any disk step leaves
 * the repository as before or fully updated. Also {@code reg drift --record}, whose recorded reference
 * a later watch uses, and {@code reg budget --apply}.
 */
class WatchTest {
    static final String WF = ReleaseScenario.WF;

    @TempDir
    Path dir;

    @TempDir
    Path telemetry;

    @TempDir
    Path scratch;

    /** 1,000 events a minute apart with latencies uniform in [low, low + 600). */
    static String events(long seed, int low, boolean success) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Instant t0 = Instant.parse("2026-11-20T08:00:00Z");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append(String.format(Locale.ROOT, "{\"event_id\":\"w-%04d\",\"timestamp\":\"%s\",\"journey\":\"copilot\",\"latency_ms\":%d,"
                    + "\"cost_usd\":%.5f,\"success\":%s,\"decision\":\"allow\"}%n", i, t0.plusSeconds(6L * i), low + rnd.nextInt(600),
                    0.004 + 0.004 * rnd.nextDouble(), success || rnd.nextInt(10) > 0));
        }
        return sb.toString();
    }

    /** Releases 1 (shipped), 2 (held), 3 (shipped, live); reference and drifted current telemetry on disk. */
    private ReleaseScenario live3(Path at) throws IOException {
        ReleaseScenario s = ReleaseScenario.start(at).shipFirst().holdBroken().shipFix();
        Files.writeString(telemetry.resolve("reference.jsonl"), events(1, 300, true));
        Files.writeString(telemetry.resolve("same.jsonl"), events(2, 300, true));
        Files.writeString(telemetry.resolve("drifted.jsonl"), events(3, 1500, true));
        return s;
    }

    private String file(String name) {
        return telemetry.resolve(name).toString();
    }

    @Test
    void redDriftWithApplyFreezesAndRollsBackOnceInOneCommit() throws IOException {
        ReleaseScenario s = live3(dir);
        Map<String, String> before = s.reg.snapshot();

        RegCli.Result dry = s.reg.reg("watch", WF, "--events", file("drifted.jsonl"), "--reference", file("reference.jsonl"));
        assertEquals(1, dry.exit(), dry.all());
        assertTrue(dry.out().contains("WOULD ACT") && dry.out().contains("would freeze support_copilot")
                && dry.out().contains("would roll back release 3 to release 1"), dry.out());
        s.reg.assertUnchangedSince(before);

        String head = s.reg.git("rev-parse", "HEAD").strip();
        RegCli.Result act = s.reg.reg("watch", WF, "--events", file("drifted.jsonl"), "--reference", file("reference.jsonl"), "--apply");
        assertEquals(1, act.exit(), act.all());
        assertTrue(act.out().contains("ACTED") && act.out().contains("frozen+rolled-back  release 3 -> release 1 (as release 4"), act.out());
        assertEquals(head, s.reg.git("rev-parse", "HEAD~1").strip(), "one commit");
        String ledger = s.ledger();
        assertTrue(ledger.contains("frozen:\n") && ledger.contains("reason: 'reg watch: drift red: latency_ms PSI"), ledger);
        assertTrue(ledger.contains("n: 3\n    status: rolled-back") && ledger.contains("n: 4\n    status: shipped"), ledger);
        String incident = s.reg.read(s.reg.regOk("memo", WF, "4", "--path").out().strip());
        assertTrue(incident.contains("### Evidence") && incident.contains("Trigger: drift red") && incident.contains("latency_ms: PSI")
                && incident.contains("drifted.jsonl") && incident.contains("sha256"), incident);
        String committed = s.reg.git("show", "--name-only", "--format=%s", "HEAD");
        assertTrue(committed.contains("registry/online/support_copilot/drift-release-3-20261120T100000Z.json"), committed);
        assertEquals("", s.reg.git("status", "--porcelain"));
        CanaryStageTest.assertLedgerValid(s);

        Map<String, String> after = s.reg.snapshot();
        RegCli.Result second = s.reg.reg("watch", WF, "--events", file("drifted.jsonl"), "--reference", file("reference.jsonl"), "--apply");
        assertEquals(0, second.exit(), second.all());
        assertTrue(second.out().contains("HELD") && second.out().contains("already frozen"), second.out());
        s.reg.assertUnchangedSince(after);
    }

    @Test
    void greenAndUnknownNeverAct() throws IOException {
        ReleaseScenario s = live3(dir);
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result green = s.reg.reg("watch", WF, "--events", file("same.jsonl"), "--reference", file("reference.jsonl"), "--apply");
        assertEquals(0, green.exit(), green.all());
        assertTrue(green.out().contains("GREEN"), green.out());
        RegCli.Result unknown = s.reg.reg("watch", WF, "--events", file("drifted.jsonl"), "--apply");
        assertEquals(0, unknown.exit(), unknown.all());
        assertTrue(unknown.out().contains("UNKNOWN") && unknown.out().contains("no reference recorded"), unknown.out());
        s.reg.assertUnchangedSince(before);
    }

    @Test
    void aRecordedReferenceIsAllALaterWatchNeeds() throws IOException {
        ReleaseScenario s = live3(dir);
        RegCli.Result rec = s.reg.reg("drift", WF, "--reference", file("reference.jsonl"), "--current", file("same.jsonl"), "--record");
        assertEquals(0, rec.exit(), rec.all());
        assertTrue(rec.out().contains("recorded  registry/online/support_copilot/drift-profile-release-3.json"), rec.out());
        String readout = s.reg.read("registry/online/support_copilot/drift-release-3-20261120T100000Z.json");
        assertTrue(readout.contains("\"edges\"") && readout.contains("\"reference_share\""), readout);

        RegCli.Result byRelease = s.reg.reg("drift", WF, "--reference-release", "3", "--current", file("drifted.jsonl"));
        assertEquals(1, byRelease.exit(), byRelease.all());

        // a recorded reference is never replaced by other files
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result other = s.reg.reg("drift", WF, "--reference", file("drifted.jsonl"), "--current", file("same.jsonl"), "--record");
        assertEquals(3, other.exit(), other.all());
        assertTrue(other.err().contains("immutable"), other.err());
        s.reg.assertUnchangedSince(before);

        RegCli.Result act = s.reg.reg("watch", WF, "--events", file("drifted.jsonl"), "--apply");
        assertEquals(1, act.exit(), act.all());
        assertTrue(act.out().contains("the reference recorded for release 3"), act.out());
        assertTrue(s.ledger().contains("n: 4\n    status: shipped"), s.ledger());
    }

    @Test
    void anExhaustedBudgetWithApplyFreezes() throws IOException {
        ReleaseScenario s = live3(dir);
        s.reg.append("registry/gates/support_copilot.yaml", "slo:\n  objective: 0.99\n  window: 30d\n  good: success\n");
        s.reg.commitAll("an SLO");
        Files.writeString(telemetry.resolve("failing.jsonl"), events(4, 300, false));
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result look = s.reg.reg("budget", WF, "--events", file("failing.jsonl"));
        assertEquals(1, look.exit(), look.all());
        s.reg.assertUnchangedSince(before);
        RegCli.Result apply = s.reg.reg("budget", WF, "--events", file("failing.jsonl"), "--apply");
        assertEquals(1, apply.exit(), apply.all());
        assertTrue(apply.out().contains("frozen  no release until 'reg unfreeze'"), apply.out());
        assertTrue(s.ledger().contains("reason: 'error budget exhausted:"), s.ledger());
        assertTrue(s.reg.git("show", "--name-only", "--format=%s", "HEAD").contains("budget-release-3-"));
        Map<String, String> after = s.reg.snapshot();
        RegCli.Result again = s.reg.reg("budget", WF, "--events", file("failing.jsonl"), "--apply");
        assertEquals(1, again.exit(), again.all());
        s.reg.assertUnchangedSince(after);
        assertFalse(again.out().contains("commit "), again.out());
    }

    @Test
    void watchApplyKilledAtAnyDiskStepLeavesTheRepositoryAsBeforeOrFullyUpdated() throws IOException {
        live3(dir);
        String events = file("drifted.jsonl");
        String reference = file("reference.jsonl");
        CrashMatrix.run("watch --apply", dir, scratch,
                repo -> RegCli.run(repo, "watch", WF, "--events", events, "--reference", reference, "--apply").exit() == 1
                        ? RegCli.run(repo, "history", WF) : RegCli.run(repo, "watch-failed"),
                CrashMatrix::newAdr);
    }

    @Test
    void aRealKillNineDuringWatchApplyIsRecoveredToBeforeOrFullyUpdated() throws IOException {
        live3(dir);
        String[] watch = {"watch", WF, "--events", file("drifted.jsonl"), "--reference", file("reference.jsonl"), "--apply"};
        Path enumerated = scratch.resolve("enumerated");
        CrashMatrix.copy(dir, enumerated);
        List<String> points = new ArrayList<>();
        Faults.watch(points::add);
        try {
            assertEquals(1, RegCli.run(enumerated, watch).exit());
        } finally {
            Faults.watch(null);
        }
        Map<String, String> before = TestRegistry.open(dir).snapshot();
        String headBefore = GitCli.ok(dir, "rev-parse", "HEAD").strip();
        // a child JVM halted (as kill -9) at the first disk step, one in the middle and the last one
        int asBefore = 0;
        for (int n : new int[] {1, points.size() / 2, points.size()}) {
            Path at = scratch.resolve("killed-at-" + n);
            CrashMatrix.copy(dir, at);
            TestRegistry r = TestRegistry.open(at);
            RegCli.Result killed = RegCli.runProcess(at, List.of(Faults.PROPERTY + "=#" + n + ":halt"), watch);
            assertEquals(137, killed.exit(), points.get(n - 1) + ": " + killed.all());
            r.regOk("recover");
            GitCli.ok(at, "fsck", "--no-dangling");
            if (GitCli.ok(at, "rev-parse", "HEAD").strip().equals(headBefore)) {
                r.assertUnchangedSince(before);
                asBefore++;
            } else {
                assertEquals("", r.git("status", "--porcelain"), points.get(n - 1));
                assertTrue(r.read(CanaryStageTest.LEDGER).contains("frozen:\n") && r.read(CanaryStageTest.LEDGER).contains("n: 4\n    status: shipped"),
                        points.get(n - 1) + ": the freeze and the rollback are in the ledger");
                assertEquals(headBefore, GitCli.ok(at, "rev-parse", "HEAD~1").strip(), "one commit");
            }
            RegCli.Result next = RegCli.run(at, watch);
            assertTrue(next.exit() == 0 || next.exit() == 1, points.get(n - 1) + ": the next watch runs: " + next.all());
            assertEquals("", r.git("status", "--porcelain"), points.get(n - 1) + ": the next watch leaves a clean tree");
        }
        assertTrue(asBefore >= 1 && asBefore <= 2, "a kill at the first step is undone, one at the last is completed: " + asBefore);
    }
}
