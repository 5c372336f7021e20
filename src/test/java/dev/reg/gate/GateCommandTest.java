package dev.reg.gate;

import static dev.reg.testing.EvalFixtures.importRun;
import static dev.reg.testing.EvalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.registry.Registry;
import dev.reg.registry.Sha256;
import dev.reg.composite.Composite;
import dev.reg.composite.CompositeService;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.ledger.ReleaseStatus;
import dev.reg.testing.EvalFixtures;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestEnv;
import dev.reg.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** reg gate as a user and CI run it: run selection, stale evidence, the ledger's baseline, output formats and exit codes. */
class GateCommandTest {
    private static final String GATE = """
            gates:
              - {metric: pass, agg: mean, min: 0.75}
              - {metric: latency_ms, agg: p95, max: 1200}
              - {metric: pass, agg: mean, max_drop: 0.02, vs: baseline}
            must_pass: [FAQ-001]
            """;
    @TempDir
    Path dir;
    @TempDir
    Path outside;

    private TestRegistry registryWithGate() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.write("registry/gates/support_copilot.yaml", GATE);
        r.commitAll("gate");
        return r;
    }

    private int imports;

    /** Imports a run, each one a minute after the one before. */
    private String run(TestRegistry r, String name, String jsonl) {
        java.time.Clock at = java.time.Clock.offset(RegCli.CLOCK, java.time.Duration.ofMinutes(imports++));
        return importRun(r, at, EvalFixtures.write(outside, name, jsonl), "-w", "support_copilot");
    }

    private static final String GOOD = """
            {"id":"FAQ-001","pass":true,"latency_ms":700}
            {"id":"FAQ-002","pass":true,"latency_ms":900}
            {"id":"JAIL-007","pass":true,"latency_ms":300}
            {"id":"BILL-003","pass":false,"latency_ms":1100}
            """;

    @Test
    void shipsOnTheNewestRunOfTheCurrentCompositeAndPrintsEveryBar() {
        TestRegistry r = registryWithGate();
        run(r, "older.jsonl", "{\"id\":\"FAQ-001\",\"pass\":false}\n");
        String good = run(r, "good.jsonl", GOOD);
        RegCli.Result res = r.reg("gate", "support_copilot");
        assertEquals(0, res.exit(), res.all());
        String out = res.out();
        assertTrue(out.contains("run " + good + ", baseline -"), out);
        assertTrue(out.contains("METRIC     AGG  WHERE VALUE N BAR           BASELINE DELTA 95% INTERVAL     PASS"), out);
        assertTrue(out.contains("pass       mean       0.75  4 >= 0.75"), out);
        assertTrue(out.contains("latency_ms p95        1100  4 <= 1200"), out);
        assertTrue(out.contains("nearest-rank p95: rank 4 of n=4"), out);
        assertTrue(out.contains("must-pass: 1 of 1 passed"), out);
        assertTrue(out.strip().endsWith("SHIP: every bar and must-pass case passed"), out);
    }

    @Test
    void holdsWithExitOneAndWritesJUnitWithOneTestcasePerBar() throws Exception {
        TestRegistry r = registryWithGate();
        String bad = run(r, "bad.jsonl", "{\"id\":\"FAQ-001\",\"pass\":false,\"reason\":\"no KB link\",\"latency_ms\":2000}\n"
                + "{\"id\":\"FAQ-002\",\"pass\":true,\"latency_ms\":100}\n");
        RegCli.Result res = r.reg("gate", "support_copilot", "--run", bad, "--junit", "gate-results.xml");
        assertEquals(1, res.exit(), res.all());
        assertTrue(res.out().contains("FAIL FAQ-001: failed: no KB link"), res.out());
        assertTrue(res.out().strip().endsWith("HOLD: 2 bars failed, 1 must-pass case failed"), res.out());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("gate-results.xml").toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength(), "3 bars and 1 must-pass case");
        assertEquals("pass mean >= 0.75", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals(1, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
        assertEquals("latency_ms p95 <= 1200", ((Element) cases.item(1)).getAttribute("name"));
        assertEquals(0, ((Element) cases.item(2)).getElementsByTagName("failure").getLength());
        assertEquals("reg.gate.support_copilot.must_pass", ((Element) cases.item(3)).getAttribute("classname"));
        assertEquals("3", doc.getDocumentElement().getAttribute("failures"));
        assertEquals("?? gate-results.xml\n", r.git("status", "--porcelain"), "only the requested report was written");
    }

    @Test
    void staleEvidenceIsAFailedGate() {
        TestRegistry r = registryWithGate();
        String old = run(r, "good.jsonl", GOOD);
        r.append("registry/prompts/billing_refund/template.md", "Cite the refund policy.\n");
        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite the policy");
        RegCli.Result res = r.reg("gate", "support_copilot", "--run", old, "--json", "--junit", "stale.xml");
        assertEquals(1, res.exit(), res.all());
        String junit = r.read("stale.xml");
        assertTrue(junit.contains("<testcase classname=\"reg.gate.support_copilot.findings\" name=\"finding 1\" time=\"0\"><failure message=\"stale evidence: run "),
                junit);
        JsonNode g = json(res.out());
        assertFalse(g.path("ship").asBoolean());
        assertEquals(0, g.path("bars").size());
        String finding = g.path("findings").get(0).asText();
        assertTrue(finding.startsWith("stale evidence: run " + old + " measured model/cust-copilot@1.0.0 + prompt/billing_refund@1.0.0"), finding);
        assertTrue(finding.contains("prompt/billing_refund: run measured 1.0.0 (sha256:"), finding);
        assertTrue(finding.contains("composite has 1.1.0"), finding);

        RegCli.Result auto = r.reg("gate", "support_copilot");
        assertEquals(1, auto.exit());
        assertTrue(auto.out().contains("no eval run for the current composite model/cust-copilot@1.0.0 + prompt/billing_refund@1.1.0"), auto.out());
        String fresh = run(r, "good.jsonl", GOOD);
        RegCli.Result now = r.reg("gate", "support_copilot", "--json");
        assertEquals(0, now.exit(), now.all());
        assertEquals(fresh, json(now.out()).path("runId").asText());
    }

    @Test
    void sameContentUnderANewVersionIsNotStale() {
        TestRegistry r = registryWithGate();
        String id = run(r, "good.jsonl", GOOD);
        // only the digest counts: a dataset label change that leaves the content alone keeps the evidence
        TestEnv.home();
        try (Registry reg = Registry.open(dir)) {
            var current = CompositeService.of(reg.head(), "support_copilot").composite();
            var runInfo = dev.reg.eval.EvalStore.atHead(reg).load(id);
            assertEquals(List.of(), GateService.staleness(runInfo.subject(), current));
        }
    }

    private Composite compositeAtHead() {
        TestEnv.home();
        try (Registry reg = Registry.open(dir)) {
            return CompositeService.of(reg.head(), "support_copilot").composite();
        }
    }

    /** Release 1 of {@code c}, shipped and gated on {@code run}. */
    private static LedgerEntry firstShipped(Composite c, String run) {
        return new LedgerEntry(1, ReleaseStatus.SHIPPED, c.longForm(), c.digest(), c.components(), "2026-11-19T10:00:00Z",
                "Reg Test <reg-test@example.com>", run, "pass", null, null, null, null, true, List.of());
    }

    /** The ledger of support_copilot in the work tree, with these entries. */
    private void writeLedger(LedgerEntry... entries) throws java.io.IOException {
        Ledger ledger = Ledger.empty("support_copilot");
        for (LedgerEntry e : entries) {
            ledger = ledger.with(e);
        }
        Files.createDirectories(dir.resolve(Ledger.path("support_copilot")).getParent());
        Files.writeString(dir.resolve(Ledger.path("support_copilot")), ledger.render());
    }

    @Test
    void baselineIsTheRunOfTheLastShippedRelease() throws Exception {
        TestRegistry r = registryWithGate();
        String shippedRun = run(r, "shipped.jsonl", GOOD);
        String heldRun = run(r, "held.jsonl", "{\"id\":\"FAQ-001\",\"pass\":true}\n");
        var c = compositeAtHead();
        LedgerEntry shipped = firstShipped(c, shippedRun);
        LedgerEntry held = new LedgerEntry(2, ReleaseStatus.HELD, c.longForm(), c.digest(), c.components(), "2026-11-19T11:00:00Z",
                "Reg Test <reg-test@example.com>", heldRun, "hold", null, null, null, null, false, List.of());
        writeLedger(shipped, held);
        r.commitAll("ledger");
        String candidate = run(r, "candidate.jsonl", """
                {"id":"FAQ-001","pass":true,"latency_ms":700}
                {"id":"FAQ-002","pass":false,"latency_ms":900}
                {"id":"JAIL-007","pass":true,"latency_ms":300}
                {"id":"BILL-003","pass":true,"latency_ms":1100}
                """);
        JsonNode g = json(r.reg("gate", "support_copilot", "--run", candidate, "--json").out());
        assertEquals(shippedRun, g.path("baselineRunId").asText(), "the held release's run is not a baseline");
        JsonNode drop = g.path("bars").get(2);
        assertEquals("max_drop 0.02", drop.path("bar").asText());
        assertEquals(0.0, drop.path("delta").asDouble(), 1e-12);
        assertTrue(drop.path("pass").asBoolean());
        JsonNode explicit = json(r.reg("gate", "support_copilot", "--run", candidate, "--baseline", heldRun, "--json").out());
        assertEquals(heldRun, explicit.path("baselineRunId").asText());
        assertTrue(explicit.path("ship").asBoolean(), "cases new in the candidate are not missing ones");
        assertTrue(explicit.path("bars").get(2).path("note").asText().startsWith("paired by case id over 1 case: "),
                explicit.path("bars").get(2).toString());
    }

    @Test
    void theBaselineIsNeverTheRunOfACompositeMarkedBad() throws Exception {
        Sha256 other = new Sha256("b".repeat(64));
        String actor = "Reg Test <reg-test@example.com>";
        TestRegistry r = registryWithGate();
        String goodRun = run(r, "good.jsonl", GOOD);
        String badRun = run(r, "bad.jsonl", "{\"id\":\"FAQ-001\",\"pass\":true}\n");
        var c = compositeAtHead();
        // 1 shipped; 2 shipped, rolled back to 1 (as 3) and forward again (as 4, release 2's composite); then 2 marked bad
        LedgerEntry one = firstShipped(c, goodRun);
        LedgerEntry two = new LedgerEntry(2, ReleaseStatus.ROLLED_BACK, "other", other, c.components(), "2026-11-19T11:00:00Z", actor,
                badRun, "pass", null, null, null, null, true, List.of(
                        new LedgerEvent(ReleaseStatus.ROLLED_BACK, "2026-11-19T12:00:00Z", actor, "back to 1"),
                        new LedgerEvent(ReleaseStatus.BAD, "2026-11-19T14:00:00Z", actor, "wrong refunds")));
        LedgerEntry three = new LedgerEntry(3, ReleaseStatus.ROLLED_BACK, c.longForm(), c.digest(), c.components(),
                "2026-11-19T12:00:00Z", actor, goodRun, null, null, null, 2, 1, true, List.of());
        LedgerEntry four = new LedgerEntry(4, ReleaseStatus.SHIPPED, "other", other, c.components(), "2026-11-19T13:00:00Z", actor,
                badRun, null, null, null, 3, 2, true, List.of());
        writeLedger(one, two, three, four);
        r.commitAll("ledger");
        String candidate = run(r, "candidate.jsonl", GOOD);
        JsonNode g = json(r.reg("gate", "support_copilot", "--run", candidate, "--json").out());
        assertEquals(goodRun, g.path("baselineRunId").asText(), "release 4 has release 2's composite, which is marked bad");
    }

    @Test
    void aShippedReleaseWhoseRunIsGoneFailsTheBaselineBarsNotTheOthers() throws Exception {
        TestRegistry r = registryWithGate();
        var c = compositeAtHead();
        LedgerEntry shipped = firstShipped(c, "support_copilot-0000000000000000");
        writeLedger(shipped);
        r.commitAll("ledger whose run was never imported");
        String candidate = run(r, "candidate.jsonl", GOOD);
        RegCli.Result res = r.reg("gate", "support_copilot", "--run", candidate, "--json");
        assertEquals(1, res.exit(), res.all());
        JsonNode g = json(res.out());
        assertTrue(g.path("bars").get(0).path("pass").asBoolean(), "bars without a baseline still decide on the run");
        JsonNode drop = g.path("bars").get(2);
        assertFalse(drop.path("pass").asBoolean());
        assertTrue(drop.path("note").asText().contains("gated on run support_copilot-0000000000000000, which is not in registry/evals"),
                drop.toString());
        assertTrue(g.path("findings").get(0).asText().contains("no baseline to compare with"), g.toString());
    }

    @Test
    void aBaselineCaseMissingFromTheCandidateFailsUnlessTheDatasetRetiredIt() {
        TestRegistry r = registryWithGate();
        String baseline = run(r, "baseline.jsonl", GOOD);
        String withoutBill = """
                {"id":"FAQ-001","pass":true,"latency_ms":700}
                {"id":"FAQ-002","pass":true,"latency_ms":900}
                {"id":"JAIL-007","pass":true,"latency_ms":300}
                """;
        String candidate = run(r, "candidate.jsonl", withoutBill);
        JsonNode missing = json(r.reg("gate", "support_copilot", "--run", candidate, "--baseline", baseline, "--json").out());
        assertFalse(missing.path("ship").asBoolean());
        assertFalse(missing.path("bars").get(2).path("pass").asBoolean());
        assertTrue(missing.path("bars").get(2).path("note").asText().contains("1 baseline case missing from the candidate (BILL-003)"),
                missing.path("bars").get(2).toString());

        // the dataset's next version retires the case: the same comparison no longer expects it
        r.write("registry/datasets/golden/cases.jsonl", "{\"id\": \"FAQ-001\", \"input\": \"Reset password\"}\n{\"id\": \"FAQ-002\"}\n");
        r.regOk("bump", "dataset", "golden", "minor", "-m", "drop BILL-003 (policy withdrawn)", "--retire", "BILL-003");
        assertTrue(r.read("registry/datasets/golden/artifact.yaml").contains("retires: [BILL-003]"));
        String retired = run(r, "retired.jsonl", withoutBill);
        JsonNode g = json(r.reg("gate", "support_copilot", "--run", retired, "--baseline", baseline, "--json").out());
        assertTrue(g.path("ship").asBoolean(), g.toString());
        assertTrue(g.path("bars").get(2).path("note").asText().contains("1 baseline case retired by the dataset changelog (BILL-003) not compared"),
                g.path("bars").get(2).toString());
        assertEquals(2, r.reg("bump", "prompt", "billing_refund", "patch", "--allow-unchanged", "--retire", "X").exit(),
                "only datasets retire cases");
    }

    @Test
    void gateFileErrorsNameFileAndLine() {
        TestRegistry r = registryWithGate();
        run(r, "good.jsonl", GOOD);
        r.write("registry/gates/support_copilot.yaml", "gates:\n  - {metric: pass, agg: average, min: 1}\n");
        RegCli.Result res = r.reg("gate", "support_copilot");
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("registry/gates/support_copilot.yaml:2: gates[0].agg: unknown aggregation 'average'"), res.err());
        r.write("registry/gates/support_copilot.yaml", "gates:\n  - metric: severity\n    agg: count\n    max: 0\n");
        res = r.reg("gate", "support_copilot");
        assertTrue(res.err().contains("support_copilot.yaml:3: gates[0].agg: count counts the cases whose severity equals a value: add equals"), res.err());
        r.write("registry/gates/support_copilot.yaml", "gates:\n  - {metric: pass, min: 1, trials: most}\n");
        res = r.reg("gate", "support_copilot");
        assertTrue(res.err().contains("trials: expected all, mean or K-of-N (e.g. 2-of-3), found 'most'"), res.err());
        Path gateFile = r.path("registry/gates/support_copilot.yaml");
        gateFile.toFile().delete();
        res = r.reg("gate", "support_copilot");
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("workflow support_copilot has no gate file (registry/gates/support_copilot.yaml does not exist)"), res.err());
        assertEquals(2, r.reg("gate", "support_copilot", "--run", "nope-1").exit());
    }

    @Test
    void helpNamesTheOptions() {
        RegCli.Result gate = RegCli.run(dir, "gate", "--help");
        assertEquals(0, gate.exit());
        assertTrue(gate.out().contains("Usage: reg gate") && gate.out().contains("--junit=FILE"), gate.out());
        RegCli.Result imp = RegCli.run(dir, "eval", "import", "-h");
        assertEquals(0, imp.exit());
        assertTrue(imp.out().contains("--map=FIELD=COLUMN"), imp.out());
    }

    @Test
    void javaApiReportsNoRunAsAHoldNotAnException() {
        TestRegistry r = registryWithGate();
        TestEnv.home();
        try (Registry reg = Registry.open(dir)) {
            GateReport g = GateService.atHead(reg).evaluate("support_copilot", Optional.empty(), Optional.empty());
            assertFalse(g.ship());
            assertEquals(null, g.runId());
            assertTrue(g.findings().get(0).startsWith("no eval run for the current composite"), g.findings().toString());
        }
        assertEquals("", r.git("status", "--porcelain"));
    }
}
