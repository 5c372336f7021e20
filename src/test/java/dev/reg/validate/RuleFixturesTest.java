package dev.reg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.registry.ContentHasher;
import dev.reg.registry.Registry;
import dev.reg.registry.Sha256;
import dev.reg.composite.CompositeService;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.ReleaseStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every rule: a fixture that breaks it (the finding names the rule, file and line) and a
 * near-miss fixture that does not.
 */
class RuleFixturesTest {
    static final String PROMPT = Fixture.PROMPT;
    static final String TEMPLATE = Fixture.TEMPLATE;
    static final String GATE = "registry/gates/support_copilot.yaml";

    @TempDir
    Path dir;

    Fixture f() {
        return Fixture.supportCopilot(dir);
    }

    /** An ADR whose header list says the status its '## Status' section says ({@code status}; null: no section, header accepted). */
    static String adr(int n, String title, String status, boolean decision) {
        String header = status == null ? "accepted"
                : status.startsWith("Superseded by [") ? "superseded by [" + status.substring(status.indexOf("](") + 2, status.length() - 4) + "]"
                        + status.substring(status.indexOf("]("))
                : status.toLowerCase(java.util.Locale.ROOT);
        return "# " + n + ". " + title + "\n\n- Status: " + header + "\n- Date: 2026-11-20\n\n"
                + (status == null ? "" : "## Status\n\n" + status + "\n\n")
                + "## Context and Problem Statement\n\nWe need X.\n\n"
                + (decision ? "## Decision Outcome\n\nChosen option: \"X\", because it works.\n\n" : "")
                + "## Links\n\n- none\n";
    }

    @Test
    void baselineRegistryPasses() {
        Fixture.Run r = f().validate();
        r.expectClean();
        assertEquals(3, r.json().get("scope").get("artifacts").asInt());
    }

    // REG001 invalid-yaml
    @Test
    void reg001TabIndentationFails() {
        Fixture x = f().replace(PROMPT, "  - template.md", "\t- template.md");
        x.validate().expect("REG001", PROMPT, 5);
    }

    @Test
    void reg001TabInsideAQuotedStringPasses() {
        Fixture x = f();
        x.reg.append(PROMPT, "description: \"a tab:\there\"\n");
        x.validate().expectClean();
    }

    // REG002 unknown-key
    @Test
    void reg002UnknownKeyFails() {
        Fixture x = f();
        x.reg.append(PROMPT, "colour: blue\n");
        Fixture.Found found = x.validate().expect("REG002", PROMPT, x.lineOf(PROMPT, "colour:"));
        assertTrue(found.message().contains("prefix your own keys with x-"), found.message());
    }

    @Test
    void reg002ExtensionKeyPasses() {
        Fixture x = f();
        x.reg.append(PROMPT, "x-colour: blue\n");
        x.validate().expectClean();
    }

    // REG003 invalid-field
    @Test
    void reg003UnquotedNumberVersionFails() {
        Fixture x = f().replace(PROMPT, "version: 1.0.0", "version: 1.10");
        Fixture.Found found = x.validate().expect("REG003", PROMPT, 3);
        assertTrue(found.message().contains("quote it: \"1.10\""), found.message());
    }

    @Test
    void reg003QuotedVersionPasses() {
        f().replace(PROMPT, "version: 1.0.0", "version: \"1.0.0\"").validate().expectClean();
    }

    // REG004 missing-field
    @Test
    void reg004MissingKindFails() {
        Fixture x = f().replace(PROMPT, "kind: prompt\n", "");
        Fixture.Found found = x.validate().expect("REG004", PROMPT, 1);
        assertTrue(found.message().contains("'kind'"), found.message());
    }

    @Test
    void reg004AllRequiredFieldsPass() {
        f().validate().expectNone("REG004");
    }

    // REG005 invalid-version
    @Test
    void reg005BuildMetadataFails() {
        Fixture x = f().replace(PROMPT, "version: 1.0.0", "version: 1.0.0+build.7");
        x.validate().expect("REG005", PROMPT, 3);
    }

    @Test
    void reg005LeadingZeroInChangelogFails() {
        Fixture x = f().replace(PROMPT, "  - version: 1.0.0", "  - version: 1.0.0\n  - version: 01.0.0");
        Fixture.Found found = x.validate().expect("REG005", PROMPT, x.lineOf(PROMPT, "01.0.0"));
        assertTrue(found.message().contains("leading zero"), found.message());
    }

    @Test
    void reg005PrereleaseVersionPasses() {
        Fixture x = f();
        x.replace(PROMPT, "  - version: 1.0.0", "  - version: 1.0.0\n  - version: 1.0.0-rc.1");
        x.validate().expectNone("REG005");
    }

    // REG006 illegal-name
    @Test
    void reg006UppercaseArtifactFolderFails() {
        Fixture x = f();
        x.write("registry/prompts/Billing/artifact.yaml", x.reg.read(PROMPT).replace("id: billing_refund", "id: Billing"));
        x.validate().expect("REG006", "registry/prompts/Billing", 0);
    }

    @Test
    void reg006IllegalWorkflowNameFails() {
        Fixture x = f().replace("registry/registry.yaml", "  support_copilot:", "  Support Copilot:");
        x.validate().expect("REG006", "registry/registry.yaml", x.lineOf("registry/registry.yaml", "Support Copilot"));
    }

    @Test
    void reg006UnusualButLegalNamePasses() {
        Fixture x = f();
        x.reg.artifact("prompt", "a.b_c-1").file("t.md", "hi\n").add();
        Fixture.Run r = x.validate();
        r.expectNone("REG006");
        r.expectClean();
    }

    // REG007 misplaced-artifact
    @Test
    void reg007IdOtherThanFolderFails() {
        f().replace(PROMPT, "id: billing_refund", "id: billing_refunds").validate().expect("REG007", PROMPT, 1);
    }

    @Test
    void reg007KindOtherThanFolderFails() {
        f().replace(PROMPT, "kind: prompt", "kind: dataset").validate().expect("REG007", PROMPT, 2);
    }

    @Test
    void reg007MatchingIdAndKindPass() {
        f().validate().expectNone("REG007");
    }

    // REG008 checksum-mismatch and REG009 digest-mismatch
    @Test
    void reg008And009EditedContentFails() {
        Fixture x = f();
        x.reg.append(TEMPLATE, "Cite the policy.\n");
        Fixture.Run r = x.validate();
        r.expect("REG008", PROMPT, x.lineOf(PROMPT, "  template.md: sha256:"));
        r.expect("REG009", PROMPT, x.lineOf(PROMPT, "digest:"));
    }

    @Test
    void reg009HandEditedDigestFails() {
        Fixture x = f();
        String digest = x.reg.read(PROMPT).lines().filter(l -> l.startsWith("digest: ")).findFirst().orElseThrow();
        x.replace(PROMPT, digest, "digest: sha256:" + "0".repeat(64));
        Fixture.Run r = x.validate();
        r.expect("REG009", PROMPT, x.lineOf(PROMPT, "digest:"));
        r.expectNone("REG008");
    }

    @Test
    void reg008And009EditedAndBumpedPasses() {
        Fixture x = f();
        x.reg.append(TEMPLATE, "Cite the policy.\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite");
        Fixture.Run r = x.validate();
        r.expectNone("REG008");
        r.expectNone("REG009");
        r.expectClean();
    }

    // REG010 bad-content-file
    @Test
    void reg010MissingContentFileFails() {
        Fixture x = f().replace(PROMPT, "  - template.md\n", "  - template.md\n  - missing.md\n");
        x.validate().expect("REG010", PROMPT, x.lineOf(PROMPT, "- missing.md"));
    }

    @Test
    void reg010PathOutOfTheFolderFails() {
        Fixture x = f().replace(PROMPT, "  - template.md\n", "  - template.md\n  - ../golden/cases.jsonl\n");
        Fixture.Found found = x.validate().expect("REG010", PROMPT, x.lineOf(PROMPT, "../golden"));
        assertTrue(found.message().contains("escapes"), found.message());
    }

    @Test
    void reg010ListedRegularFilesPass() {
        f().validate().expectNone("REG010");
    }

    // REG011 not-a-regular-file
    @Test
    void reg011SymlinkedManifestFails() throws Exception {
        Fixture x = f();
        Path outside = Files.createTempFile("outside", ".yaml");
        Files.write(outside, Files.readAllBytes(x.root().resolve(PROMPT)));
        Files.delete(x.root().resolve(PROMPT));
        Files.createSymbolicLink(x.root().resolve(PROMPT), outside);
        x.validate().expect("REG011", PROMPT, 0);
    }

    @Test
    void reg011RegularManifestPasses() {
        f().validate().expectNone("REG011");
    }

    // REG012 version-not-bumped
    @Test
    void reg012ContentChangedWithoutBumpFailsAgainstBase() {
        Fixture x = f();
        x.git("checkout", "-q", "-b", "pr");
        x.reg.append(TEMPLATE, "Cite the policy.\n");
        x.commit("edit the prompt");
        Fixture.Found found = x.validate("--base", "main").expect("REG012", PROMPT, 3);
        assertTrue(found.message().contains("template.md") && found.message().contains("reg bump"), found.message());
    }

    @Test
    void reg012ContentChangedWithoutBumpFailsWithoutBase() {
        Fixture x = f();
        x.reg.append(TEMPLATE, "Cite the policy.\n");
        x.validate().expect("REG012", PROMPT, 3);
    }

    @Test
    void reg012ContentChangedAndBumpedPasses() {
        Fixture x = f();
        x.git("checkout", "-q", "-b", "pr");
        x.reg.append(TEMPLATE, "Cite the policy.\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "patch", "-m", "cite");
        x.validate("--base", "main").expectClean();
    }

    @Test
    void reg012MetadataOnlyChangePasses() {
        Fixture x = f();
        x.git("checkout", "-q", "-b", "pr");
        x.reg.append(PROMPT, "owner: support-ops\n");
        x.commit("owner");
        x.validate("--base", "main").expectClean();
    }

    // REG013 version-decreased
    private Fixture withSecondVersion() {
        Fixture x = f();
        x.reg.append(TEMPLATE, "Cite the policy.\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite");
        return x;
    }

    /** What reg rollback commits: the prompt's folder as tagged at 1.0.0, with the rollback trailer. */
    private static void rollbackCommit(Fixture x) {
        x.git("checkout", "prompt/billing_refund@1.0.0", "--", "registry/prompts/billing_refund");
        x.git("add", "-A");
        x.git("commit", "-q", "-m", "rollback support_copilot to release 1\n\n" + dev.reg.registry.Trailer.ROLLBACK.key() + ": support_copilot/2");
    }

    @Test
    void reg013VersionLoweredByHandFails() {
        Fixture x = withSecondVersion();
        x.git("checkout", "-q", "-b", "pr");
        x.git("checkout", "prompt/billing_refund@1.0.0", "--", "registry/prompts/billing_refund");
        x.commit("go back by hand");
        Fixture.Found found = x.validate("--base", "main").expect("REG013", PROMPT, 3);
        assertTrue(found.message().contains("1.1.0") && found.message().contains("1.0.0"), found.message());
    }

    @Test
    void reg013VersionLoweredInARollbackCommitPasses() {
        Fixture x = withSecondVersion();
        x.git("checkout", "-q", "-b", "pr");
        rollbackCommit(x);
        x.validate("--base", "main").expectClean();
    }

    @Test
    void reg013RollbackTrailerOnAnEarlierCommitOnlyFails() {
        Fixture x = withSecondVersion();
        x.git("checkout", "-q", "-b", "pr");
        rollbackCommit(x);
        x.reg.append(PROMPT, "owner: me\n"); // a later hand edit: the version now comes from a commit reg did not make
        x.commit("hand edit after the rollback");
        x.validate("--base", "main").expect("REG013", PROMPT, 3);
    }

    // REG014 version-reused
    @Test
    void reg014OldVersionRestoredByHandFails() {
        Fixture x = withSecondVersion();
        rollbackCommit(x);
        x.git("checkout", "-q", "-b", "pr");
        x.git("checkout", "prompt/billing_refund@1.1.0", "--", "registry/prompts/billing_refund");
        x.commit("bring 1.1.0 back by hand");
        Fixture.Found found = x.validate("--base", "main").expect("REG014", PROMPT, 3);
        assertTrue(found.message().contains("1.1.0"), found.message());
    }

    @Test
    void reg014BumpAfterRollbackPasses() {
        Fixture x = withSecondVersion();
        rollbackCommit(x);
        x.git("checkout", "-q", "-b", "pr");
        x.reg.append(TEMPLATE, "A better fix.\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "better");
        assertTrue(x.reg.read(PROMPT).contains("version: 1.2.0"));
        x.validate("--base", "main").expectClean();
    }

    // REG015 changelog-missing
    @Test
    void reg015NoEntryForTheVersionFails() {
        Fixture x = f().replace(PROMPT, "  - version: 1.0.0", "  - version: 0.9.0");
        x.validate().expect("REG015", PROMPT, x.lineOf(PROMPT, "changelog:"));
    }

    @Test
    void reg015EntryForTheVersionPasses() {
        f().validate().expectNone("REG015");
    }

    // REG016 tag-taken
    private Fixture handPublished(String version) {
        Fixture x = f();
        x.reg.append(TEMPLATE, "Cite the policy.\n");
        Sha256 sum = ContentHasher.hashBytes(x.reg.read(TEMPLATE).getBytes(StandardCharsets.UTF_8));
        Sha256 digest = ContentHasher.digest(Map.of("template.md", sum));
        String yaml = x.reg.read(PROMPT);
        String oldSum = yaml.lines().filter(l -> l.startsWith("  template.md: ")).findFirst().orElseThrow();
        String oldDigest = yaml.lines().filter(l -> l.startsWith("digest: ")).findFirst().orElseThrow();
        x.replace(PROMPT, oldSum, "  template.md: " + sum).replace(PROMPT, oldDigest, "digest: " + digest)
                .replace(PROMPT, "version: 1.0.0", "version: " + version)
                .replace(PROMPT, "changelog:\n", "changelog:\n  - version: " + version + "\n    summary: by hand\n");
        return x;
    }

    @Test
    void reg016VersionTaggedOnOtherContentFails() {
        Fixture x = handPublished("1.0.0");
        Fixture.Run r = x.validate();
        r.expect("REG016", PROMPT, 3);
        r.expectNone("REG008");
        r.expectNone("REG009");
    }

    @Test
    void reg016NewVersionPasses() {
        Fixture x = handPublished("1.0.1");
        Fixture.Run r = x.validate();
        r.expectNone("REG016");
        r.expectClean();
    }

    // REG017 rollback-target-missing
    @Test
    void reg017UntaggedRollbackTargetFails() {
        Fixture x = f();
        x.reg.append(PROMPT, "rollback_to: 0.9.0\n");
        x.validate().expect("REG017", PROMPT, x.lineOf(PROMPT, "rollback_to:"));
    }

    @Test
    void reg017RollbackTargetNotOlderFails() {
        Fixture x = f();
        x.reg.append(PROMPT, "rollback_to: 1.0.0\n");
        x.validate().expect("REG017", PROMPT, x.lineOf(PROMPT, "rollback_to:"));
    }

    @Test
    void reg017TaggedOlderRollbackTargetPasses() {
        Fixture x = withSecondVersion();
        assertTrue(x.reg.read(PROMPT).contains("rollback_to: 1.0.0"));
        x.validate().expectNone("REG017");
    }

    // REG018 link-unresolved
    @Test
    void reg018LinkToMissingVersionFails() {
        Fixture x = f();
        x.reg.append(PROMPT, "links:\n  datasets: [dataset/golden@9.9.9]\n");
        x.validate().expect("REG018", PROMPT, x.lineOf(PROMPT, "datasets:"));
    }

    @Test
    void reg018LinkToMissingEvalRunFails() {
        Fixture x = f();
        x.reg.append(PROMPT, "links:\n  evals:\n    - run-404\n");
        x.validate().expect("REG018", PROMPT, x.lineOf(PROMPT, "run-404"));
    }

    @Test
    void reg018WorkflowComponentMissingFails() {
        Fixture x = f().replace("registry/registry.yaml", "dataset/golden]", "dataset/golden, prompt/ghost]");
        x.validate().expect("REG018", "registry/registry.yaml", x.lineOf("registry/registry.yaml", "prompt/ghost"));
    }

    @Test
    void reg018ExistingLinksPass() {
        Fixture x = f();
        x.write("registry/evals/run-1.json", "{\"format\": \"reg.eval-run/1\", \"id\": \"run-1\", \"metrics\": {}}\n");
        x.reg.append(PROMPT, "links:\n  datasets: [dataset/golden@1.0.0]\n  evals: [run-1]\n  docs: [https://example.com/x]\n");
        x.validate().expectClean();
    }

    // REG019 gate-invalid, REG020 gate-unknown-metric, REG029 gate-file-missing
    private Fixture withEvalRun() {
        Fixture x = f();
        x.write("registry/evals/run-1.json", "{\"format\": \"reg.eval-run/1\", \"id\": \"run-1\","
                + " \"metrics\": {\"exact\": {\"type\": \"score\"}, \"grounded_judge\": {\"type\": \"score\"}}, \"cases\": []}\n");
        return x;
    }

    @Test
    void reg019UnknownAggFails() {
        Fixture x = withEvalRun().write(GATE, "gates:\n  - {metric: exact, agg: mean, min: 0.8}\n  - {metric: exact, agg: average, min: 0.8}\n");
        x.validate().expect("REG019", GATE, 3);
    }

    @Test
    void reg019BarWithoutBoundFails() {
        Fixture x = withEvalRun().write(GATE, "gates:\n  - metric: exact\n    agg: mean\n");
        x.validate().expect("REG019", GATE, 2);
    }

    @Test
    void reg019GateFileNamedElsewhereIsCheckedToo() {
        Fixture x = withEvalRun().replace("registry/registry.yaml", "gate: gates/support_copilot.yaml", "gate: bars/copilot.yaml")
                .write("registry/bars/copilot.yaml", "gates:\n  - {metric: exact, agg: average, min: 0.8}\n");
        x.validate().expect("REG019", "registry/bars/copilot.yaml", 2);
        x.commit("custom gate location");
        x.git("checkout", "-q", "-b", "pr");
        x.write("registry/bars/copilot.yaml", "gates:\n  - {metric: exact, agg: mean}\n");
        x.commit("edit the gate");
        x.validate("--base", "main").expect("REG019", "registry/bars/copilot.yaml", 2);
    }

    @Test
    void reg019WellFormedBarsPass() {
        Fixture x = withEvalRun().write(GATE, """
                gates:
                  - {metric: exact, agg: mean, min: 0.80, where: {domain: Support}}
                  - {metric: grounded_judge, agg: mean, min: 4.2, tail_min: 3.0}
                  - {metric: severity, agg: count, equals: sev1, max: 0}
                  - {metric: latency_ms, agg: p95, max: 1200}
                  - {metric: exact, agg: mean, max_drop: 0.02, vs: baseline}
                must_pass: [FAQ-001, JAIL-007]
                """);
        x.validate().expectClean();
    }

    /** The online sections: the readers of reg canary, reg drift and reg budget decide, at the line they name. */
    private static final String ONLINE = """
            gates:
              - {metric: exact, agg: mean, min: 0.8}
            canary:
              split: 0.10
              min_events: 500
              bars:
                - {metric: grounded_judge, min_uplift: 0.08, relative: true}
                - {metric: cost_usd, max_increase: 0.05, relative: true}
                - {metric: guardrail.jailbreak, no_regression: true}
                - {metric: grounded_judge, stop_loss: -0.05, relative: true}
            drift:
              psi: {yellow: 0.1, red: 0.25}
              window: 1h
            slo:
              objective: 0.995
              window: 30d
              good: success && latency_ms <= 1200 && severity != sev1
            """;

    @Test
    void reg019WellFormedOnlineSectionsPass() {
        withEvalRun().write(GATE, ONLINE).validate().expectClean();
    }

    @Test
    void reg019ContradictoryCanaryBarsFail() {
        Fixture x = withEvalRun().write(GATE, ONLINE.replace("{metric: cost_usd, max_increase: 0.05, relative: true}",
                "{metric: grounded_judge, max_increase: 0.05, relative: true}"));
        Fixture.Found found = x.validate().expect("REG019", GATE, x.lineOf(GATE, "grounded_judge, max_increase"));
        assertTrue(found.message().contains("contradictory bars on grounded_judge"), found.message());
    }

    @Test
    void reg019CanarySplitOutOfRangeFails() {
        Fixture x = withEvalRun().write(GATE, ONLINE.replace("split: 0.10", "split: 10"));
        Fixture.Found found = x.validate().expect("REG019", GATE, x.lineOf(GATE, "split:"));
        assertTrue(found.message().contains("between 0 and 1"), found.message());
    }

    @Test
    void reg019DriftRedBelowYellowFails() {
        Fixture x = withEvalRun().write(GATE, ONLINE.replace("psi: {yellow: 0.1, red: 0.25}", "psi: {yellow: 0.3, red: 0.25}"));
        x.validate().expect("REG019", GATE, x.lineOf(GATE, "psi:"));
    }

    @Test
    void reg019SloConditionThatDoesNotParseFails() {
        Fixture x = withEvalRun().write(GATE, ONLINE.replace("latency_ms <= 1200", "latency_ms <= fast"));
        Fixture.Found found = x.validate().expect("REG019", GATE, x.lineOf(GATE, "good:"));
        assertTrue(found.message().contains("latency_ms is a number"), found.message());
    }

    @Test
    void onlineSectionsAreCheckedByTheSchemaToo() {
        Fixture x = withEvalRun().write(GATE, ONLINE.replace("no_regression: true}", "no_regression: true, colour: red}")
                .replace("objective: 0.995", "objective: high"));
        Fixture.Run r = x.validate();
        r.expect("REG002", GATE, x.lineOf(GATE, "colour"));
        r.expect("REG003", GATE, x.lineOf(GATE, "objective:"));
    }

    @Test
    void reg020MetricNoRunDeclaresFails() {
        Fixture x = withEvalRun().write(GATE, "gates:\n  - {metric: exactness, agg: mean, min: 0.8}\n");
        Fixture.Found found = x.validate().expect("REG020", GATE, 2);
        assertTrue(found.message().contains("exact"), found.message());
    }

    @Test
    void reg020DeclaredMetricPasses() {
        withEvalRun().write(GATE, "gates:\n  - {metric: grounded_judge, agg: mean, min: 4.2}\n").validate().expectNone("REG020");
    }

    @Test
    void reg029MissingGateFileWarns() {
        Fixture x = f();
        Fixture.Found found = x.validate().expect("REG029", "registry/registry.yaml", x.lineOf("registry/registry.yaml", "gate:"));
        assertEquals("warning", found.severity());
    }

    @Test
    void reg029ExistingGateFilePasses() {
        withEvalRun().write(GATE, "gates:\n  - {metric: exact, agg: mean, min: 0.8}\n").validate().expectNone("REG029");
    }

    // REG021-REG024 ADRs
    @Test
    void reg021TitleNumberDisagreesWithFileFails() {
        f().write("adr/0002-choose-x.md", adr(3, "Choose X", "Accepted", true)).validate().expect("REG021", "adr/0002-choose-x.md", 1);
    }

    @Test
    void reg021FrontMatterFails() {
        f().write("adr/0002-choose-x.md", "---\nstatus: accepted\n---\n" + adr(2, "Choose X", "Accepted", true)).validate()
                .expect("REG021", "adr/0002-choose-x.md", 1);
    }

    @Test
    void reg021MatchingTitlePasses() {
        f().write("adr/0002-choose-x.md", adr(2, "Choose X & Y | \"Z\"", "Accepted", true)).validate().expectClean();
    }

    @Test
    void reg022StatusAsLastSectionFails() {
        Fixture x = f().write("adr/0002-choose-x.md", "# 2. Choose X\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Status\n\nAccepted\n");
        x.validate().expect("REG022", "adr/0002-choose-x.md", x.lineOf("adr/0002-choose-x.md", "## Status"));
    }

    @Test
    void reg022LowercaseStatusFails() {
        Fixture x = f().write("adr/0002-choose-x.md", adr(2, "Choose X", "accepted", true));
        int statusWord = java.util.Arrays.asList(x.reg.read("adr/0002-choose-x.md").split("\n", -1)).indexOf("accepted") + 1;
        assertEquals(8, statusWord);
        x.validate().expect("REG022", "adr/0002-choose-x.md", statusWord);
    }

    @Test
    void reg022MissingStatusFails() {
        f().write("adr/0002-choose-x.md", adr(2, "Choose X", null, true)).validate().expect("REG022", "adr/0002-choose-x.md", 1);
    }

    @Test
    void reg022SupersededStatusPasses() {
        f().write("adr/0002-choose-x.md", adr(2, "Choose X", "Superseded by [3. Choose Y](0001-record-architecture-decisions.md)", true))
                .validate().expectClean();
    }

    @Test
    void reg022HeaderAndSectionDisagreeingFails() {
        f().write("adr/0002-choose-x.md", adr(2, "Choose X", "Accepted", true).replace("- Status: accepted", "- Status: rejected"))
                .validate().expect("REG022", "adr/0002-choose-x.md", 3);
    }

    @Test
    void reg023MissingDecisionSectionFails() {
        f().write("adr/0002-choose-x.md", adr(2, "Choose X", "Accepted", false)).validate().expect("REG023", "adr/0002-choose-x.md", 1);
    }

    @Test
    void reg023AdrToolsSectionNamesPass() {
        f().write("adr/0002-choose-x.md", "# 2. Choose X\n\nDate: 2026-11-20\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n"
                + "## Decision\n\nd\n\n## Consequences\n\ne\n").validate().expectClean();
    }

    @Test
    void reg024DuplicateNumberFails() {
        f().write("adr/0001-another.md", adr(1, "Another", "Accepted", true)).validate().expect("REG024", "adr/0001-another.md", 1);
    }

    @Test
    void reg024NextNumberPasses() {
        f().write("adr/0002-another.md", adr(2, "Another", "Accepted", true)).validate().expectNone("REG024");
    }

    @Test
    void adrLinkToMissingFileFails() {
        Fixture x = f().write("adr/0002-choose-x.md", adr(2, "Choose X", "Accepted", true).replace("- none",
                "- Supersedes [0009-gone](0009-gone.md)"));
        x.validate().expect("REG018", "adr/0002-choose-x.md", x.lineOf("adr/0002-choose-x.md", "0009-gone"));
    }

    // REG025 ledger-inconsistent
    private Fixture withLedger(boolean tagged) {
        Fixture x = f();
        try (Registry registry = Registry.open(x.root())) {
            var current = CompositeService.of(registry.head(), "support_copilot");
            LedgerEntry e = new LedgerEntry(1, ReleaseStatus.SHIPPED, current.composite().longForm(), current.composite().digest(),
                    current.composite().components(), "2026-11-20T10:00:00Z", "Reg Test <reg-test@example.com>", null, null, null,
                    null, null, null, tagged, List.of());
            x.write(Ledger.path("support_copilot"), new Ledger("support_copilot", Optional.empty(), List.of(e)).render());
        }
        return x;
    }

    @Test
    void reg025DigestNotTheComponentsCompositeFails() {
        Fixture x = withLedger(true);
        String path = Ledger.path("support_copilot");
        String digestLine = x.reg.read(path).lines().filter(l -> l.startsWith("    digest: ")).findFirst().orElseThrow();
        x.replace(path, digestLine, "    digest: sha256:" + "1".repeat(64));
        x.validate().expect("REG025", path, x.lineOf(path, "    digest: sha256:1111"));
    }

    @Test
    void reg025LedgerOfAnotherWorkflowFails() {
        Fixture x = withLedger(true);
        String path = Ledger.path("support_copilot");
        x.replace(path, "workflow: support_copilot", "workflow: other");
        x.validate().expect("REG025", path, x.lineOf(path, "workflow: other"));
    }

    @Test
    void reg025LedgerAsRenderedPasses() {
        withLedger(true).validate().expectClean();
    }

    @Test
    void ledgerRunThatDoesNotExistFails() {
        Fixture x = withLedger(true);
        String path = Ledger.path("support_copilot");
        x.replace(path, "    tagged: true", "    run: run-404\n    tagged: true");
        x.validate().expect("REG018", path, x.lineOf(path, "run-404"));
    }

    // REG026 eval-run-modified
    @Test
    void reg026EditedEvalRunFails() {
        Fixture x = withEvalRun();
        x.commit("import run-1");
        x.git("checkout", "-q", "-b", "pr");
        x.write("registry/evals/run-1.json", "{\"format\": \"reg.eval-run/1\", \"id\": \"run-1\", \"metrics\": {}, \"cases\": []}\n");
        x.commit("massage the evidence");
        x.validate("--base", "main").expect("REG026", "registry/evals/run-1.json", 0);
    }

    @Test
    void reg026NewEvalRunPasses() {
        Fixture x = withEvalRun();
        x.commit("import run-1");
        x.git("checkout", "-q", "-b", "pr");
        x.write("registry/evals/run-2.json", "{\"format\": \"reg.eval-run/1\", \"id\": \"run-2\", \"metrics\": {}, \"cases\": []}\n");
        x.commit("import run-2");
        x.validate("--base", "main").expectClean();
    }

    // REG027 unlisted-file
    @Test
    void reg027FileNotInFilesWarns() {
        Fixture x = f().write("registry/prompts/billing_refund/notes.md", "scratch\n");
        Fixture.Found found = x.validate().expect("REG027", "registry/prompts/billing_refund/notes.md", 0);
        assertEquals("warning", found.severity());
    }

    @Test
    void reg027OnlyListedFilesPass() {
        f().validate().expectNone("REG027");
    }

    // REG028 missing-manifest
    @Test
    void reg028FolderWithoutManifestFails() {
        f().write("registry/prompts/orphan/template.md", "hi\n").validate().expect("REG028", "registry/prompts/orphan", 0);
    }

    @Test
    void reg028RegisteredFolderPasses() {
        Fixture x = f();
        x.reg.artifact("prompt", "orphan").file("template.md", "hi\n").add();
        x.validate().expectNone("REG028");
    }
}
