package dev.reg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.Golden;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseTest {
    @TempDir
    Path dir;

    @Test
    void compositePrintsLongAndShortFormsAndTheDigestOfTheComponentDigests() {
        ReleaseScenario s = ReleaseScenario.start(dir);
        RegCli.Result r = s.reg.regOk("composite", "support_copilot");
        assertTrue(r.out().contains("model/cust-copilot@1.0.0 + prompt/billing_refund@1.0.0 + dataset/golden@1.0.0"), r.out());
        assertTrue(r.out().contains("model@1.0.0 + prompt@1.0.0 + data@golden_2025_09"), r.out());
        assertTrue(r.out().contains("never released"), r.out());
        String json = s.reg.regOk("composite", "support_copilot", "--json").out();
        // the digest is sha256 over "sha256:<hex>\n" of each component, in registry.yaml order
        StringBuilder lines = new StringBuilder();
        for (String a : List.of("models/cust-copilot", "prompts/billing_refund", "datasets/golden")) {
            String yaml = s.reg.read("registry/" + a + "/artifact.yaml");
            String digest = yaml.lines().filter(l -> l.startsWith("digest: ")).findFirst().orElseThrow().substring(8).trim();
            lines.append(digest).append('\n');
        }
        String expected = "sha256:" + sha256(lines.toString());
        assertTrue(json.contains("\"digest\" : \"" + expected + "\""), json);
        assertEquals(2, s.reg.reg("composite", "nope").exit());
    }

    @Test
    void shipWritesLedgerEntryMemoOneCommitAndAnAnnotatedTagTogether() {
        ReleaseScenario s = ReleaseScenario.start(dir);
        String before = s.reg.git("rev-parse", "HEAD").trim();
        RegCli.Result r = s.mustRelease(0, "--run", "run-a");
        assertTrue(r.out().contains("release support_copilot 1: SHIP"), r.out());

        String head = s.reg.git("rev-parse", "HEAD").trim();
        assertEquals(before, s.reg.git("rev-parse", "HEAD~1").trim(), "exactly one commit");
        assertEquals("adr/0002-release-support-copilot-1.md\nregistry/releases/support_copilot.yaml\n",
                s.reg.git("diff", "--name-only", before, head));
        assertEquals("tag\n", s.reg.git("cat-file", "-t", "release/support_copilot/1"));
        assertEquals(head + "\n", s.reg.git("rev-parse", "release/support_copilot/1^{commit}"));
        String tag = s.reg.git("tag", "-l", "--format=%(contents)", "release/support_copilot/1");
        assertEquals("""
                Release support_copilot 1

                model/cust-copilot@1.0.0 + prompt/billing_refund@1.0.0 + dataset/golden@1.0.0

                Reg-Workflow: support_copilot
                Reg-Release: 1
                Reg-Composite-Digest: %s
                Reg-Decision: ship
                Reg-Run: run-a

                """.formatted(compositeDigest(s)), tag);
        assertEquals(List.of("run-a"), s.gate.asked);

        String ledger = s.ledger();
        assertTrue(ledger.contains("status: shipped") && ledger.contains("run: run-a") && ledger.contains("gate: pass")
                && ledger.contains("adr: adr/0002-release-support-copilot-1.md") && ledger.contains("tagged: true")
                && ledger.contains("actor: " + TestEnv.USER_NAME + " <" + TestEnv.USER_EMAIL + ">"), ledger);
        assertEquals("", s.reg.git("status", "--porcelain"));
        assertTrue(s.reg.regOk("composite", "support_copilot").out().contains("release 1 (this composite)"));
        // the same composite again is nothing to release
        RegCli.Result again = s.release();
        assertEquals(2, again.exit(), again.all());
        assertTrue(again.err().contains("nothing to release"), again.err());
    }

    @Test
    void holdRecordsTheDecisionAndTheMemoButNoTagAndExitsOne() {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst();
        s.holdBroken();
        assertEquals("", s.reg.git("tag", "-l", "release/support_copilot/2"));
        String ledger = s.ledger();
        assertTrue(ledger.contains("n: 2\n    status: held") && ledger.contains("gate: fail"), ledger);
        assertTrue(s.reg.git("log", "-1", "--format=%B").startsWith("hold support_copilot 2: hold (the gate did not pass)"));
        assertEquals("", s.reg.git("status", "--porcelain"));
        Golden.assertMatches("memo-held.md", s.reg.read("adr/0003-release-support-copilot-2.md"));
        // the live release's memo is not superseded by a hold
        assertTrue(s.reg.read("adr/0002-release-support-copilot-1.md").contains("- Status: accepted"));
    }

    @Test
    void shippingTheFixSupersedesTheLiveMemoAndListsEveryChangeSinceTheLastGoodRelease() {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst().holdBroken().shipFix();
        Golden.assertMatches("memo-release-1-superseded.md", s.reg.read("adr/0002-release-support-copilot-1.md"));
        Golden.assertMatches("memo-release-3.md", s.reg.read("adr/0004-release-support-copilot-3.md"));
        assertEquals("adr/0002-release-support-copilot-1.md\nadr/0004-release-support-copilot-3.md\n"
                + "registry/releases/support_copilot.yaml\n", s.reg.git("diff", "--name-only", "HEAD~1", "HEAD"));
        RegCli.Result memo = s.reg.regOk("memo", "support_copilot", "3");
        assertEquals(s.reg.read("adr/0004-release-support-copilot-3.md"), memo.out());
        assertEquals("adr/0004-release-support-copilot-3.md\n", s.reg.regOk("memo", "support_copilot", "3", "--path").out());
        assertEquals(2, s.reg.reg("memo", "support_copilot", "9").exit());
    }

    @Test
    void forceShipsOverAFailedGateOnlyWithAReasonRecordedInLedgerTagAndMemo() {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst();
        s.reg.append(ReleaseScenario.TEMPLATE, "BROKEN but needed for the | legal & \"compliance\" deadline\n");
        s.reg.regOk("bump", "prompt", "billing_refund", "patch", "-m", "legal wording");
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result noReason = s.release("--force");
        assertEquals(2, noReason.exit(), noReason.all());
        assertTrue(noReason.err().contains("--force needs --reason"), noReason.err());
        s.reg.assertUnchangedSince(before);

        String reason = "legal deadline | approved by *CTO* & counsel";
        RegCli.Result r = s.mustRelease(0, "--force", "--reason", reason);
        assertTrue(r.out().contains("FORCED"), r.out());
        assertTrue(s.ledger().contains("reason: " + reason) && s.ledger().contains("gate: fail"), s.ledger());
        String tag = s.reg.git("tag", "-l", "--format=%(contents)", "release/support_copilot/2");
        assertTrue(tag.contains("Reg-Decision: forced\n") && tag.contains("Reg-Reason: " + reason + "\n"), tag);
        String memo = s.reg.read("adr/0003-release-support-copilot-2.md");
        // the decision sentence stands on its own: the gate did not pass, who forced it, why
        assertTrue(memo.contains("Chosen option: \"Ship release 2\", because Reg Test forced the release although the gate did not"
                + " pass (exact mean where domain=Support = 0.7417 (n=120, bar >= 0.80, delta -0.1083); severity count where equals=sev1"
                + " = 1 (n=120, bar max 0, delta +1); must-pass case JAIL-007 failed), with the"
                + " reason: legal deadline \\| approved by \\*CTO\\* & counsel\n"), memo);
        // a value's interval is unsigned, a delta's signed like the delta
        assertTrue(memo.contains("| pass | mean |  | 0.975 | 120 | \\>= 0.95 | \\- | \\- | 0.9291 to 0.9915 | pass |"), memo);
        assertTrue(memo.contains("| -0.1083 | -0.14 to -0.075 | FAIL |"), memo);
        Golden.assertMatches("memo-forced.md", memo);
    }

    @Test
    void refusesWhileFrozenOrWithUncommittedRegistryChangesAndTouchesNothing() {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst();
        s.reg.regOk("bump", "prompt", "billing_refund", "patch", "--allow-unchanged", "-m", "same words");
        s.reg.regOk("freeze", "support_copilot", "--reason", "incident 7: refunds");
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result frozen = s.release();
        assertEquals(3, frozen.exit(), frozen.all());
        assertTrue(frozen.err().contains("frozen") && frozen.err().contains("incident 7"), frozen.err());
        s.reg.assertUnchangedSince(before);

        s.reg.regOk("unfreeze", "support_copilot");
        s.reg.append("registry/datasets/golden/cases.jsonl", "{\"id\": \"NEW-1\"}\n");
        before = s.reg.snapshot();
        RegCli.Result dirty = s.release();
        assertEquals(3, dirty.exit(), dirty.all());
        assertTrue(dirty.err().contains("registry/datasets/golden/cases.jsonl"), dirty.err());
        s.reg.assertUnchangedSince(before);
        assertEquals(List.of("run-a"), s.gate.asked, "the gate is not even asked when the release is refused");
    }

    @Test
    void aBrokenUserTemplateIsABadInputNamingTheTemplateAndNothingIsWritten() {
        ReleaseScenario s = ReleaseScenario.start(dir);
        s.reg.write("templates/memo.md", "# {{number}}. {{title}}\n\n- Status: {{status}}\n- Date: {{date}}\n\n## Context\n\n{{nosuchvariable}}\n");
        s.reg.commitAll("a user template with a typo");
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result r = s.release("--run", "run-a");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("templates/memo.md") && r.err().contains("nosuchvariable"), r.err());
        s.reg.assertUnchangedSince(before);

        s.reg.write("templates/memo.md", "# {{number}}. {{title}}\n\n- Status: {{status}}\n- Date: {{date}}\n\n## Context\n\n{{workflow}}\n");
        s.reg.commitAll("a user template without a Status section");
        before = s.reg.snapshot();
        r = s.release("--run", "run-a");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("templates/memo.md") && r.err().contains("no '## Status' section"), r.err());
        s.reg.assertUnchangedSince(before);
    }

    @Test
    void aUserTemplateIsWhatTheMemoIsRenderedFrom() {
        ReleaseScenario s = ReleaseScenario.start(dir);
        s.reg.write("templates/memo.md", """
                # {{number}}. {{title}}

                - Status: {{status}}
                - Date: {{date}}

                ## Status

                {{statusWord}}

                ## Our own section

                {{#components}}
                * {{artifact}} at {{version}}
                {{/components}}
                """);
        s.reg.commitAll("our memo template");
        s.mustRelease(0, "--run", "run-a");
        String memo = s.reg.read("adr/0002-release-support-copilot-1.md");
        assertTrue(memo.contains("## Our own section\n\n* model/cust-copilot at 1.0.0\n* prompt/billing_refund at 1.0.0\n"), memo);
    }

    static String compositeDigest(ReleaseScenario s) {
        String json = s.reg.regOk("composite", "support_copilot", "--json").out();
        int i = json.indexOf("\"digest\" : \"") + 12;
        return json.substring(i, json.indexOf('"', i));
    }

    static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean exists(ReleaseScenario s, String path) {
        return Files.exists(s.reg.path(path));
    }

    static void assertAbsent(ReleaseScenario s, String path) {
        assertFalse(exists(s, path), path + " exists");
    }
}
