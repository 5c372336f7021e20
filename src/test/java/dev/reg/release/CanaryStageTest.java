package dev.reg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.demo.DemoTelemetry;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.ServerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary stage on a real repository: {@code reg release --canary} tags a canary beside the live
 * release, {@code reg canary --record} commits its readout, {@code reg promote} needs a recorded promote
 * verdict (or {@code --force --reason}), and a rollback verdict with {@code --apply} rolls the canary back.
 */
class CanaryStageTest {
    static final String WF = ReleaseScenario.WF;
    static final String LEDGER = "registry/releases/support_copilot.yaml";

    @TempDir
    Path dir;

    @TempDir
    Path telemetry;

    /** Release 1 shipped and live, the canary bars committed, and a prompt change ready to go to canary. */
    private ReleaseScenario started() throws IOException {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst();
        s.reg.append("registry/gates/support_copilot.yaml", DemoTelemetry.CANARY_SECTION);
        s.reg.commitAll("pre-register the canary bars");
        s.reg.append(ReleaseScenario.TEMPLATE, "Cite the policy section.\n");
        s.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite the section");
        Files.writeString(telemetry.resolve("better.jsonl"), DemoTelemetry.betterCanary());
        Files.writeString(telemetry.resolve("worse.jsonl"), DemoTelemetry.worseCanary());
        return s;
    }

    private String events(String name) {
        return telemetry.resolve(name).toString();
    }

    @Test
    void aCanaryIsTaggedButTheLiveReleaseStaysUntilPromotedOnARecordedPromoteVerdict() throws IOException {
        ReleaseScenario s = started();
        RegCli.Result r = s.mustRelease(0, "--canary");
        assertTrue(r.out().contains("release support_copilot 2: CANARY"), r.out());
        assertTrue(s.ledger().contains("n: 2\n    status: canary"), s.ledger());
        assertTrue(s.reg.git("tag", "-l", "release/*").contains("release/support_copilot/2"));
        String live = s.reg.regOk("live", WF).out();
        assertTrue(live.startsWith("support_copilot: release 1 (shipped"), live);
        assertTrue(live.contains("canary: release 2 runs beside it"), live);
        assertTrue(s.reg.regOk("history", WF).out().contains("#2  canary"));

        // no second release while the canary runs
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result again = s.release("--canary");
        assertEquals(3, again.exit(), again.all());
        assertTrue(again.err().contains("release 2 of support_copilot is a canary"), again.err());
        s.reg.assertUnchangedSince(before);

        // no promotion without a recorded promote verdict
        RegCli.Result refused = s.reg.reg("promote", WF, "2");
        assertEquals(3, refused.exit(), refused.all());
        assertTrue(refused.err().contains("no canary readout is recorded for release 2"), refused.err());
        s.reg.assertUnchangedSince(before);

        RegCli.Result rec = s.reg.reg("canary", WF, "--events", events("better.jsonl"), "--record");
        assertEquals(0, rec.exit(), rec.all());
        String file = "registry/online/support_copilot/canary-release-2-20261120T100000Z.json";
        assertTrue(rec.out().contains("recorded  " + file), rec.out());
        String readout = s.reg.read(file);
        assertTrue(readout.contains("\"verdict\" : \"promote\"") && readout.contains("\"release\" : 2") && readout.contains("\"sha256\""),
                readout);
        assertFalse(readout.contains("d-00001"), "the readout holds figures, never events");
        assertEquals("", s.reg.git("status", "--porcelain"));

        RegCli.Result promoted = s.reg.reg("promote", WF, "2");
        assertEquals(0, promoted.exit(), promoted.all());
        assertTrue(promoted.out().contains("PROMOTED") && promoted.out().contains(file), promoted.out());
        assertTrue(s.reg.regOk("live", WF).out().startsWith("support_copilot: release 2 (shipped"));
        assertTrue(s.ledger().contains("n: 2\n    status: shipped"), s.ledger());
        assertTrue(s.ledger().contains("promoted on readout " + file), s.ledger());
        String memoPath = s.reg.regOk("memo", WF, "2", "--path").out().strip();
        String memo = s.reg.read(memoPath);
        assertTrue(memo.contains("## Online evidence") && memo.contains("| grounded_judge | 9000 |") && memo.contains("Verdict: **promote**")
                && memo.contains("no sample-ratio mismatch") && memo.contains("### Cost") && memo.contains("guardrail.jailbreak"), memo);
        assertLedgerValid(s);

        // twice is once
        Map<String, String> after = s.reg.snapshot();
        RegCli.Result twice = s.reg.reg("promote", WF, "2");
        assertEquals(0, twice.exit(), twice.all());
        assertTrue(twice.out().contains("already promoted"), twice.out());
        s.reg.assertUnchangedSince(after);
    }

    @Test
    void aCanaryWithoutAPromoteVerdictIsPromotedOnlyByForceWithAReason() throws IOException {
        ReleaseScenario s = started();
        s.mustRelease(0, "--canary");
        RegCli.Result rec = s.reg.reg("canary", WF, "--events", events("worse.jsonl"), "--record");
        assertEquals(1, rec.exit(), rec.all());
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result refused = s.reg.reg("promote", WF, "2");
        assertEquals(3, refused.exit(), refused.all());
        assertTrue(refused.err().contains("says rollback, not promote"), refused.err());
        RegCli.Result noReason = s.reg.reg("promote", WF, "2", "--force");
        assertEquals(2, noReason.exit(), noReason.all());
        s.reg.assertUnchangedSince(before);

        RegCli.Result forced = s.reg.reg("promote", WF, "2", "--force", "--reason", "the judge model was recalibrated");
        assertEquals(0, forced.exit(), forced.all());
        assertTrue(forced.out().contains("FORCED"), forced.out());
        assertTrue(s.ledger().contains("forced promotion"), s.ledger());
        String memo = s.reg.read(s.reg.regOk("memo", WF, "2", "--path").out().strip());
        assertTrue(memo.contains("Forced promotion") && memo.contains("the judge model was recalibrated") && memo.contains("Verdict: **rollback**"),
                memo);
    }

    @Test
    void aRollbackVerdictWithApplyRollsTheCanaryBackInOneCommit() throws IOException {
        ReleaseScenario s = started();
        s.mustRelease(0, "--canary");
        String head = s.reg.git("rev-parse", "HEAD").strip();
        RegCli.Result r = s.reg.reg("canary", WF, "--events", events("worse.jsonl"), "--record", "--apply");
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("rolled-back  release 2 -> release 1 (as release 3"), r.out());
        assertEquals(head, s.reg.git("rev-parse", "HEAD~1").strip(), "one commit");
        assertTrue(s.ledger().contains("n: 2\n    status: rolled-back"), s.ledger());
        assertTrue(s.ledger().contains("n: 3\n    status: shipped"), s.ledger());
        assertTrue(s.reg.regOk("live", WF).out().startsWith("support_copilot: release 3 (shipped"));
        String incident = s.reg.read(s.reg.regOk("memo", WF, "3", "--path").out().strip());
        assertTrue(incident.contains("### Evidence") && incident.contains("verdict rollback") && incident.contains("sha256"), incident);
        assertTrue(s.reg.read(ReleaseScenario.TEMPLATE).endsWith("Answer refund questions from {{policy_snippets}}.\n")
                || !s.reg.read(ReleaseScenario.TEMPLATE).contains("Cite the policy section."), "the prompt is back at release 1's");
        assertLedgerValid(s);
    }

    /** validate finds nothing about the ledger (the scenario's eval runs are stand-ins, so other rules may speak) and verify passes. */
    static void assertLedgerValid(ReleaseScenario s) {
        String v = s.reg.reg("validate").out();
        assertFalse(v.contains("REG025") || v.contains("REG022") || v.contains("REG021"), v);
        s.reg.regOk("verify");
    }

    @Test
    void verifyReportsACanaryReadoutOfAReleaseThatNeverWentToCanary() throws IOException {
        ReleaseScenario s = started();
        s.reg.write("registry/online/support_copilot/canary-release-1-20261120T100000Z.json",
                "{\"format\": \"reg.canary/1\", \"release\": 1, \"verdict\": \"promote\"}\n");
        s.reg.commitAll("a hand-made readout");
        RegCli.Result r = s.reg.reg("verify");
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.all().contains("canary-readout-without-canary"), r.all());
    }

    @Test
    void badInputWritesNothing() throws IOException {
        ReleaseScenario s = started();
        s.mustRelease(0, "--canary");
        Map<String, String> before = s.reg.snapshot();
        for (String[] args : new String[][] {
            {"canary", WF, "--events", events("missing.jsonl"), "--record"},
            {"canary", WF, "--events", events("better.jsonl"), "--apply"},
            {"promote", WF, "9"},
            {"watch", WF},
            {"watch", WF, "--events", events("missing.jsonl"), "--apply"}}) {
            RegCli.Result r = s.reg.reg(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r.all());
            assertFalse(r.err().contains("Exception"), r.err());
            s.reg.assertUnchangedSince(before);
        }
    }

    @Test
    void theCanaryStageIsPublishedWithPushAndTheCloneMovesOnlyWithTheRemote() throws IOException {
        ReleaseScenario s = started();
        try (GitServer server = ServerKind.GIT_DAEMON.start(telemetry.resolve("server"))) {
            Path bare = server.createRepo("reg.git");
            s.reg.git("remote", "add", "origin", server.url("reg.git"));
            s.reg.regOk("push");
            Map<String, String> env = server.clientEnvironment();

            RegCli.Result canary = s.mustRelease(0, "--canary", "--push");
            assertTrue(canary.out().contains("pushed to origin"), canary.out());
            assertEquals(s.reg.git("rev-parse", "HEAD").strip(), GitCli.ok(bare, "rev-parse", "main").strip());
            assertTrue(GitCli.ok(bare, "tag", "-l", "release/*").contains("release/support_copilot/2"));

            RegCli.Result readOnly = RegCli.run(s.reg.root(), env, "canary", WF, "--events", events("better.jsonl"), "--push");
            assertEquals(2, readOnly.exit(), readOnly.all());
            assertTrue(readOnly.err().contains("--push goes with --record"), readOnly.err());

            RegCli.Result rec = RegCli.run(s.reg.root(), env, "canary", WF, "--events", events("better.jsonl"), "--record", "--push");
            assertEquals(0, rec.exit(), rec.all());
            assertTrue(rec.out().contains("pushed to origin"), rec.out());
            assertTrue(GitCli.ok(bare, "ls-tree", "-r", "--name-only", "main", "registry/online/support_copilot/")
                    .contains("canary-release-2-"), "the readout is on the remote");

            // someone else's change lands on the remote first: promote is planned on its tip and catches up
            GitCli.ok(telemetry, "clone", "-q", server.url("reg.git"), telemetry.resolve("other").toString());
            Path other = telemetry.resolve("other");
            GitCli.ok(other, "-c", "user.name=bob", "-c", "user.email=bob@example.com", "commit", "-q", "--allow-empty", "-m", "bob's note");
            GitCli.ok(other, "push", "-q", "origin", "main");
            RegCli.Result promoted = RegCli.run(s.reg.root(), env, "promote", WF, "2", "--push");
            assertEquals(0, promoted.exit(), promoted.all());
            assertTrue(promoted.out().contains("PROMOTED") && promoted.out().contains("pushed to origin"), promoted.out());
            assertEquals(s.reg.git("rev-parse", "HEAD").strip(), GitCli.ok(bare, "rev-parse", "main").strip());
            assertEquals("bob's note", s.reg.git("log", "-1", "--format=%s", "HEAD~1").strip(), "built on the remote's tip");
            assertTrue(s.reg.regOk("live", WF).out().startsWith("support_copilot: release 2 (shipped"));
            assertEquals("", s.reg.git("status", "--porcelain"));
        }
    }
}
