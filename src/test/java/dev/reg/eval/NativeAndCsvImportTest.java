package dev.reg.eval;

import static dev.reg.testing.EvalFixtures.assertCounts;
import static dev.reg.testing.EvalFixtures.cases;
import static dev.reg.testing.EvalFixtures.fixture;
import static dev.reg.testing.EvalFixtures.importRun;
import static dev.reg.testing.EvalFixtures.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.EvalFixtures;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeAndCsvImportTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path outside;
    static TestRegistry r;

    @BeforeAll
    static void setUp() {
        r = TestRegistry.supportCopilot(dir);
    }

    @Test
    void nativeJsonlKeepsEveryFieldAndOmitsWhatWasNotReported() {
        Path f = EvalFixtures.write(outside, "native.jsonl", """
                {"id":"FAQ-001","trial":2,"slice":{"domain":"Support","journey":"copilot"},"pass":true,"reason":"ok","scores":{"exact":0.82,"grounded_judge":4.4},"latency_ms":734,"cost_usd":0.0068,"tokens":{"prompt":100,"completion":20,"total":120},"guardrails":{"no_pii":true},"tags":["must-pass"],"extra":{"tool_field":[1,2,{"x":null}]}}
                {"id":"FAQ-001","trial":1,"pass":false,"scores":{"exact":0.4}}

                {"id":"JAIL-007","severity":"sev2","error":{"kind":"timeout","message":"no answer in 30 s"}}
                {"id":"SKIP-1","skipped":true,"tokens":57}
                """);
        String id = importRun(r, f, "-w", "support_copilot", "--metric", "grounded_judge=score,higher,1..5", "--tool-version", "7.1");
        EvalRunInfo run = info(r, id);
        assertCounts(run, 3, 4, 1, 1, 1, 1);
        assertEquals("jsonl", run.source().tool());
        assertEquals("7.1", run.source().version());
        MetricDef judge = run.metrics().get("grounded_judge");
        assertEquals(MetricType.SCORE, judge.type());
        assertEquals(1.0, judge.scaleMin());
        assertEquals(5.0, judge.scaleMax());
        assertEquals(List.of(0.0, 1.0), List.of(run.metrics().get("exact").scaleMin(), run.metrics().get("exact").scaleMax()));
        assertEquals(MetricType.BINARY, run.metrics().get("guardrail.no_pii").type());
        assertEquals(MetricType.CATEGORY, run.metrics().get("severity").type());
        assertFalse(run.metrics().get("latency_ms").higherIsBetter());

        Map<String, EvalCase> c = cases(r, id);
        assertEquals(List.of("FAQ-001#1", "FAQ-001#2", "JAIL-007#1", "SKIP-1#1"), List.copyOf(c.keySet()));
        assertEquals("{\"id\":\"FAQ-001\",\"trial\":2,\"slice\":{\"domain\":\"Support\",\"journey\":\"copilot\"},\"pass\":true,\"reason\":\"ok\","
                + "\"scores\":{\"exact\":0.82,\"grounded_judge\":4.4},\"latency_ms\":734,\"cost_usd\":0.0068,"
                + "\"tokens\":{\"prompt\":100,\"completion\":20,\"total\":120},\"guardrails\":{\"no_pii\":true},\"tags\":[\"must-pass\"],"
                + "\"extra\":{\"tool_field\":[1,2,{\"x\":null}]}}", EvalJson.caseLine(c.get("FAQ-001#2")));
        assertEquals("{\"id\":\"FAQ-001\",\"trial\":1,\"pass\":false,\"scores\":{\"exact\":0.4}}", EvalJson.caseLine(c.get("FAQ-001#1")));
        EvalCase jail = c.get("JAIL-007#1");
        assertNull(jail.pass());
        assertNull(jail.latencyMs(), "not reported stays absent");
        assertEquals(new EvalCase.CaseError("timeout", "no answer in 30 s"), jail.error());
        assertEquals(57L, c.get("SKIP-1#1").tokens().total());
    }

    @Test
    void csvTestSuiteWithResults() {
        String id = importRun(r, fixture("csv/suite-results.csv"), "-w", "support_copilot");
        EvalRunInfo run = info(r, id);
        assertCounts(run, 4, 4, 1, 3, 0, 0);
        assertEquals("csv", run.source().tool());
        Map<String, EvalCase> c = cases(r, id);
        EvalCase faq = c.get("FAQ-001#1");
        assertEquals(Boolean.TRUE, faq.pass());
        assertEquals("exact 0.85 meets >= 0.8", faq.reason());
        assertEquals(Map.of("exact", 0.85), faq.scores());
        assertEquals(Map.of("no_toxicity", true, "no_pii", true), faq.guardrails());
        assertEquals(Map.of("domain", "Support"), faq.slice());
        assertEquals(734.0, faq.latencyMs());
        assertEquals(0.0068, faq.costUsd());
        assertEquals(List.of("must-pass"), faq.tags());
        assertEquals("Reset password", faq.extra().path("csv").path("input").asText());
        assertEquals("no_toxicity|no_pii", faq.extra().path("csv").path("guardrails").asText());

        EvalCase faq2 = c.get("FAQ-002#1");
        assertEquals(Boolean.FALSE, faq2.pass());
        assertEquals("exact 0.5 misses >= 0.8", faq2.reason(), "metric plus a separate pass_bar");

        EvalCase jail = c.get("JAIL-007#1");
        assertEquals(Boolean.FALSE, jail.pass());
        assertEquals("guardrail violated: jailbreak_block", jail.reason());
        assertEquals("sev1", jail.severity());
        assertTrue(jail.scores().isEmpty());

        EvalCase bill = c.get("BILL-003#1");
        assertEquals(Boolean.FALSE, bill.pass(), "a violated guardrail fails a row whose score met its bar");
        assertNull(bill.costUsd(), "an empty cell is not 0");
        assertTrue(run.metrics().containsKey("guardrail.jailbreak_block"));
    }

    @Test
    void csvColumnMapping() {
        Path f = EvalFixtures.write(outside, "mapped.csv", """
                ticket,area,ok,judge,run
                T-1,Support,yes,4.5,1
                T-1,Support,no,3.0,2
                T-2,Billing,,4.0,1
                """);
        String id = importRun(r, f, "-w", "support_copilot", "--map", "id=ticket", "--map", "slice.area=area", "--map", "pass=ok",
                "--map", "score.judge=judge", "--map", "trial=run");
        Map<String, EvalCase> c = cases(r, id);
        assertEquals(List.of("T-1#1", "T-1#2", "T-2#1"), List.copyOf(c.keySet()));
        assertEquals(Boolean.FALSE, c.get("T-1#2").pass());
        assertEquals(3.0, c.get("T-1#2").scores().get("judge"));
        assertEquals("Support", c.get("T-1#1").slice().get("area"));
        assertNull(c.get("T-2#1").pass(), "an empty pass cell is no verdict");
        assertEquals(1, info(r, id).summary().noVerdict());
        assertEquals("ticket", info(r, id).source().options().get("map.id"));

        RegCli.Result res = r.reg("eval", "import", f.toString(), "-w", "support_copilot", "--map", "id=case");
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("--map id=case: mapped.csv has no column 'case' (columns: ticket, area, ok, judge, run)"), res.err());
        res = r.reg("eval", "import", f.toString(), "-w", "support_copilot", "--map", "colour=ticket");
        assertTrue(res.err().contains("unknown field 'colour'"), res.err());
    }

    @Test
    void csvRowsThatDoNotFitTheHeaderAreRefused() {
        // The design's example rows carry 7 values under an 8-column header: reg refuses rather than guess.
        Path f = EvalFixtures.write(outside, "design.csv", """
                case_id,domain,input,expected,metric,pass_bar,guardrails,notes
                FAQ-001,Support,"Reset password","See KB-42 steps",exact>=0.8,"no_toxicity|no_pii","Reference answer"
                """);
        var before = r.snapshot();
        RegCli.Result res = r.reg("eval", "import", f.toString(), "-w", "support_copilot");
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("design.csv:2: 7 fields, but the header has 8 columns"), res.err());
        Path suiteOnly = EvalFixtures.write(outside, "suite.csv", """
                case_id,domain,input,expected,metric,pass_bar,guardrails,notes
                FAQ-001,Support,"Reset password","See KB-42 steps",exact>=0.8,,"no_toxicity|no_pii","Reference answer"
                """);
        res = r.reg("eval", "import", suiteOnly.toString(), "-w", "support_copilot");
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("suite.csv:2: case FAQ-001 has no outcome"), res.err());
        Path nan = EvalFixtures.write(outside, "nan.csv", "case_id,score.exact,latency_ms\nA,NaN,1\n");
        res = r.reg("eval", "import", nan.toString(), "-w", "support_copilot");
        assertTrue(res.err().contains("nan.csv:2: score.exact: expected a number, found 'NaN'"), res.err());
        Path negative = EvalFixtures.write(outside, "neg.csv", "case_id,pass,latency_ms\nA,true,-3\n");
        res = r.reg("eval", "import", negative.toString(), "-w", "support_copilot");
        assertTrue(res.err().contains("neg.csv:2: latency_ms: expected a number of at least 0, found '-3'"), res.err());
        r.assertUnchangedSince(before);
    }
}
