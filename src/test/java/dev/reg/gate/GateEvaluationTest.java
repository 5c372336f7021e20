package dev.reg.gate;

import static dev.reg.testing.EvalFixtures.importRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.registry.Registry;
import dev.reg.stats.Interval;
import dev.reg.stats.Intervals;
import dev.reg.testing.EvalFixtures;
import dev.reg.testing.TestEnv;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every aggregation and bar on small runs whose answers can be worked out by hand. */
class GateEvaluationTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path outside;
    static TestRegistry r;
    static String scores;
    static String trials;
    static String forty;
    static String base;
    static String cand;
    static String candMissing;

    @BeforeAll
    static void runs() {
        r = TestRegistry.supportCopilot(dir);
        scores = run("scores.jsonl", """
                {"id":"S-1","slice":{"domain":"Support"},"pass":true,"scores":{"exact":0.9,"judge":4.5},"latency_ms":100,"cost_usd":0.01}
                {"id":"S-2","slice":{"domain":"Support"},"pass":true,"scores":{"exact":0.7,"judge":4.0},"latency_ms":200,"cost_usd":0.02}
                {"id":"S-3","slice":{"domain":"Support"},"pass":false,"scores":{"exact":0.5,"judge":2.5},"latency_ms":300,"cost_usd":0.03}
                {"id":"B-1","slice":{"domain":"Billing"},"pass":true,"scores":{"exact":1.0,"judge":5.0},"latency_ms":400,"cost_usd":0.04,"severity":"sev2"}
                {"id":"E-1","slice":{"domain":"Billing"},"error":{"kind":"provider","message":"timeout"},"latency_ms":30000,"cost_usd":0.5}
                {"id":"E-2","slice":{"domain":"Ops"},"error":{"kind":"harness","message":"no index"}}
                """);
        trials = run("trials.jsonl", """
                {"id":"T-1","trial":1,"pass":true}
                {"id":"T-1","trial":2,"pass":true}
                {"id":"T-1","trial":3,"pass":true}
                {"id":"T-2","trial":1,"pass":true}
                {"id":"T-2","trial":2,"pass":false,"reason":"wrong refund window"}
                {"id":"T-2","trial":3,"pass":true}
                {"id":"T-3","trial":1,"pass":false}
                {"id":"T-3","trial":2,"pass":false}
                {"id":"T-3","trial":3,"pass":true}
                {"id":"T-4","trial":1,"pass":false,"tags":["must-pass"]}
                {"id":"T-4","trial":2,"pass":false}
                {"id":"T-4","trial":3,"pass":false}
                """);
        StringBuilder sb = new StringBuilder();
        for (int i = 40; i >= 1; i--) {
            sb.append("{\"id\":\"L-").append(i).append("\",\"pass\":true,\"latency_ms\":").append(i).append("}\n");
        }
        forty = run("forty.jsonl", sb.toString());
        base = run("base.jsonl", """
                {"id":"P-1","pass":true,"scores":{"exact":0.9}}
                {"id":"P-2","pass":true,"scores":{"exact":0.8}}
                {"id":"P-3","pass":false,"scores":{"exact":0.4}}
                {"id":"P-4","pass":true,"scores":{"exact":0.7}}
                {"id":"P-5","pass":true,"scores":{"exact":0.6}}
                """);
        cand = run("cand.jsonl", """
                {"id":"P-1","pass":true,"scores":{"exact":0.9}}
                {"id":"P-2","pass":false,"scores":{"exact":0.6}}
                {"id":"P-3","pass":true,"scores":{"exact":0.8}}
                {"id":"P-4","pass":true,"scores":{"exact":0.7}}
                {"id":"P-5","pass":true,"scores":{"exact":0.6}}
                {"id":"P-6","pass":true,"scores":{"exact":1.0}}
                """);
        candMissing = run("cand-missing.jsonl", """
                {"id":"P-1","pass":true,"scores":{"exact":0.9}}
                {"id":"P-2","pass":true,"scores":{"exact":0.8}}
                {"id":"P-3","pass":false,"scores":{"exact":0.4}}
                {"id":"P-4","pass":true,"scores":{"exact":0.7}}
                """);
    }

    static String run(String name, String jsonl) {
        return importRun(r, EvalFixtures.write(outside, name, jsonl), "-w", "support_copilot");
    }

    static GateReport gate(String yaml, String runId, String baselineId) {
        r.write("registry/gates/support_copilot.yaml", yaml);
        TestEnv.home();
        try (Registry reg = Registry.open(r.root())) {
            return GateService.of(reg, reg.workTree()).evaluate("support_copilot", Optional.of(runId), Optional.ofNullable(baselineId));
        }
    }

    static BarResult bar(GateReport g, int i) {
        return g.bars().get(i);
    }

    @Test
    void meanWithSliceLeavesErroredRowsOut() {
        GateReport g = gate("""
                gates:
                  - {metric: exact, agg: mean, min: 0.80, where: {domain: Support}}
                  - {metric: exact, agg: mean, min: 0.75}
                  - {metric: pass, agg: mean, min: 0.7}
                """, scores, null);
        BarResult support = bar(g, 0);
        assertEquals(0.7, support.value(), 1e-12);
        assertEquals(3, support.n());
        assertEquals("domain=Support", support.where());
        assertEquals(">= 0.8", support.bar());
        assertFalse(support.pass());
        Interval t = Intervals.mean(0.7, 0.04, 3);
        assertEquals(t.low(), support.intervalLow(), 1e-12);
        assertEquals(1.0, support.intervalHigh(), 0.0, "exact's values all lie in [0, 1], its scale: t's " + t.high() + " is clipped");
        assertTrue(support.note().contains("interval: Student t 95%, clipped to [0, 1] (the scale of exact)"), support.note());
        BarResult all = bar(g, 1);
        assertEquals(0.775, all.value(), 1e-12);
        assertEquals(4, all.n(), "the errored cases are not scored");
        assertTrue(all.pass());
        assertTrue(all.note().contains("2 errored rows left out (counted apart from failures)"), all.note());
        BarResult pass = bar(g, 2);
        assertEquals(0.75, pass.value(), 1e-12);
        Interval w = Intervals.wilson(3, 4);
        assertEquals(w.low(), pass.intervalLow(), 1e-12);
        assertTrue(pass.pass());
        assertFalse(g.ship());
    }

    @Test
    void percentilesAreNearestRankWithMethodAndN() {
        GateReport g = gate("""
                gates:
                  - {metric: latency_ms, agg: p50, max: 20}
                  - {metric: latency_ms, agg: p90, max: 36}
                  - {metric: latency_ms, agg: p95, max: 37}
                  - {metric: latency_ms, agg: p99, max: 40}
                """, forty, null);
        assertEquals(List.of(20.0, 36.0, 38.0, 40.0), g.bars().stream().map(BarResult::value).toList());
        assertEquals(List.of(true, true, false, true), g.bars().stream().map(BarResult::pass).toList());
        assertEquals("nearest-rank p95: rank 38 of n=40", bar(g, 2).note());
        assertEquals(40, bar(g, 2).n());
    }

    @Test
    void p95OfFewerThanTwentyIsTheMaximumAndSaysSo() {
        GateReport g = gate("gates:\n  - {metric: latency_ms, agg: p95, max: 1200}\n  - {metric: latency_ms, agg: p50, max: 1200}\n", scores, null);
        BarResult p95 = bar(g, 0);
        assertEquals(400.0, p95.value(), "the errored row's 30000 ms is left out");
        assertEquals(4, p95.n());
        assertTrue(p95.note().startsWith("nearest-rank p95: rank 4 of n=4 (with n < 20 it is the maximum)"), p95.note());
        assertEquals(200.0, bar(g, 1).value());
    }

    @Test
    void minMaxAndTailMin() {
        GateReport g = gate("""
                gates:
                  - {metric: exact, agg: min, min: 0.5}
                  - {metric: exact, agg: max, max: 0.99}
                  - {metric: judge, agg: mean, min: 4.2, tail_min: 3.0}
                """, scores, null);
        assertEquals(0.5, bar(g, 0).value());
        assertTrue(bar(g, 0).pass(), "bars are inclusive");
        assertEquals(1.0, bar(g, 1).value());
        assertFalse(bar(g, 1).pass());
        assertEquals(4.0, bar(g, 2).value(), 1e-12);
        assertFalse(bar(g, 2).pass());
        BarResult tail = bar(g, 3);
        assertEquals("min", tail.aggregation());
        assertEquals(">= 3 (tail_min)", tail.bar());
        assertEquals(2.5, tail.value());
        assertFalse(tail.pass());
    }

    @Test
    void countAndRateWithEqualsAndTheZeroFailureBound() {
        GateReport g = gate("""
                gates:
                  - {metric: severity, agg: count, equals: sev1, max: 0}
                  - {metric: severity, agg: rate, equals: sev2, max: 0.005}
                  - {metric: severity, agg: rate, equals: sev1, max: 0.005}
                """, scores, null);
        BarResult sev1 = bar(g, 0);
        assertEquals(0.0, sev1.value());
        assertEquals(4, sev1.n());
        assertTrue(sev1.pass());
        assertTrue(sev1.note().contains("0 severity = sev1 in 4 cases bounds its rate below 3/n = 0.75 (95%, exact one-sided 0.5271)"),
                sev1.note());
        BarResult sev2 = bar(g, 1);
        assertEquals(0.25, sev2.value());
        assertFalse(sev2.pass());
        BarResult rate = bar(g, 2);
        assertTrue(rate.pass());
        assertTrue(rate.note().contains("too few cases to prove a rate <= 0.005"), rate.note());
    }

    @Test
    void errorCountBarsAndAllErroredMetrics() {
        GateReport g = gate("""
                gates:
                  - {metric: error, agg: count, max: 0}
                  - {metric: error, agg: rate, equals: provider, max: 0.1}
                  - {metric: exact, agg: mean, min: 0.5, where: {domain: Ops}}
                """, scores, null);
        assertEquals(2.0, bar(g, 0).value());
        assertEquals(6, bar(g, 0).n());
        assertFalse(bar(g, 0).pass());
        assertEquals(1.0 / 6, bar(g, 1).value(), 1e-12);
        BarResult ops = bar(g, 2);
        assertNull(ops.value());
        assertEquals(0, ops.n());
        assertFalse(ops.pass());
        assertEquals("no value: all 1 rows in domain=Ops errored", ops.note());
    }

    @Test
    void emptySliceAndUnknownMetricFail() {
        GateReport g = gate("""
                gates:
                  - {metric: exact, agg: mean, min: 0.5, where: {domain: Nope}}
                  - {metric: grounded_judge, agg: mean, min: 4.2}
                """, scores, null);
        assertEquals("no cases in slice domain=Nope", bar(g, 0).note());
        assertFalse(bar(g, 0).pass());
        assertTrue(bar(g, 1).note().startsWith("metric grounded_judge is not in run " + scores), bar(g, 1).note());
        assertFalse(bar(g, 1).pass());
    }

    @Test
    void perSuccessDividesTotalCostByPassingCases() {
        GateReport g = gate("gates:\n  - {metric: cost_usd, agg: per_success, max: 0.03}\n  - {metric: cost_usd, agg: mean, max: 0.03}\n",
                scores, null);
        assertEquals(0.10 / 3, bar(g, 0).value(), 1e-12);
        assertFalse(bar(g, 0).pass());
        assertEquals(0.025, bar(g, 1).value(), 1e-12);
        GateReport none = gate("gates:\n  - {metric: cost_usd, agg: per_success, max: 1, where: {domain: Ops}}\n", scores, null);
        assertNull(bar(none, 0).value());
        assertFalse(bar(none, 0).pass());
    }

    @Test
    void trialsAggregateFirstAllKofNAndMean() {
        GateReport g = gate("""
                gates:
                  - {metric: pass, agg: mean, min: 0.5}
                  - {metric: pass, agg: mean, min: 0.5, trials: 2-of-3}
                  - {metric: pass, agg: mean, min: 0.5, trials: mean}
                must_pass: [T-1, T-2]
                """, trials, null);
        assertEquals(0.25, bar(g, 0).value(), 1e-12);
        assertEquals(4, bar(g, 0).n(), "four cases, not twelve rows");
        assertFalse(bar(g, 0).pass());
        assertTrue(bar(g, 0).note().contains("trials: all"), bar(g, 0).note());
        assertEquals(0.5, bar(g, 1).value(), 1e-12);
        assertTrue(bar(g, 1).pass());
        assertEquals(0.5, bar(g, 2).value(), 1e-12);
        assertEquals(List.of(new MustPassResult("T-1", true, null), new MustPassResult("T-2", false, "trial 2 failed: wrong refund window"),
                new MustPassResult("T-4", false, "trial 1 failed")), g.mustPass(), "ids from the gate file and cases tagged must-pass");
        GateReport defaults = gate("trials: 1-of-3\ngates:\n  - {metric: pass, agg: mean, min: 0.75}\n", trials, null);
        assertEquals(0.75, bar(defaults, 0).value(), 1e-12);
    }

    @Test
    void baselinePairsByCaseIdWithPairedIntervals() {
        GateReport g = gate("""
                gates:
                  - {metric: pass, agg: mean, max_drop: 0.02, vs: baseline}
                  - {metric: exact, agg: mean, max_drop: 0.02, vs: baseline}
                  - {metric: exact, agg: mean, min_gain: 0.05, vs: baseline}
                  - {metric: exact, agg: p50, max_drop: 0.0, vs: baseline}
                """, cand, base);
        assertEquals(base, g.baselineRunId());
        BarResult pass = bar(g, 0);
        // value, baseline and delta are the same paired quantities: the new case P-6 is noted, not compared
        assertEquals(0.8, pass.value(), 1e-12, "the candidate over the 5 shared cases");
        assertEquals(0.8, pass.baseline(), 1e-12);
        assertEquals(0.0, pass.delta(), 1e-12, "paired over the 5 shared cases");
        assertEquals(5, pass.n());
        assertTrue(pass.note().contains("1 candidate case without a baseline value not compared (the mean of all 6 is 0.8333)"), pass.note());
        Interval newcombe = Intervals.newcombePaired(3, 1, 1, 0);
        assertEquals(newcombe.low(), pass.intervalLow(), 1e-12);
        assertEquals(newcombe.high(), pass.intervalHigh(), 1e-12);
        assertTrue(pass.pass());
        assertTrue(pass.note().contains("Newcombe paired score 95%"), pass.note());
        BarResult exact = bar(g, 1);
        assertEquals(0.04, exact.delta(), 1e-12);
        assertEquals(0.72, exact.value(), 1e-12, "0.9, 0.6, 0.8, 0.7, 0.6 of the shared cases");
        assertEquals(0.68, exact.baseline(), 1e-12);
        assertEquals(exact.delta(), exact.value() - exact.baseline(), 0.0, "the three add up");
        double[] d = {0, -0.2, 0.4, 0, 0};
        double var = 0;
        for (double x : d) {
            var += (x - 0.04) * (x - 0.04) / 4;
        }
        Interval t = Intervals.mean(0.04, var, 5);
        assertEquals(t.low(), exact.intervalLow(), 1e-12);
        assertEquals(t.high(), exact.intervalHigh(), 1e-12);
        assertTrue(exact.pass());
        assertEquals("max_drop 0.02", exact.bar());
        assertFalse(bar(g, 2).pass(), "a gain of 0.04 is not the 0.05 asked for");
        assertEquals("min_gain 0.05", bar(g, 2).bar());
        BarResult p50 = bar(g, 3);
        assertEquals(0.7, p50.value(), 1e-12, "nearest rank 3 of 0.6, 0.6, 0.7, 0.8, 0.9, 1.0");
        assertEquals(0.7, p50.baseline(), 1e-12, "nearest rank 3 of 0.4, 0.6, 0.7, 0.8, 0.9");
        assertEquals(0.0, p50.delta(), 1e-12);
        assertTrue(p50.pass());
        assertTrue(p50.note().startsWith("unpaired difference of p50"), p50.note());
        assertTrue(g.findings().isEmpty(), g.findings().toString());
    }

    @Test
    void trialsAggregatePerCaseBeforeCasesPairWithABaselineOfOtherTrialCounts() {
        // baseline: 100 cases x 1 trial, all pass; candidate: the same cases x 3 trials, the even ones failing trials 2 and 3
        StringBuilder one = new StringBuilder();
        StringBuilder three = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String id = String.format("C-%03d", i);
            one.append("{\"id\":\"").append(id).append("\",\"trial\":1,\"pass\":true}\n");
            for (int t = 1; t <= 3; t++) {
                three.append("{\"id\":\"").append(id).append("\",\"trial\":").append(t).append(",\"pass\":")
                        .append(t == 1 || i % 2 == 1).append("}\n");
            }
        }
        String baseline = run("hundred-one-trial.jsonl", one.toString());
        String candidate = run("hundred-three-trials.jsonl", three.toString());
        GateReport g = gate("""
                gates:
                  - {metric: pass, agg: mean, max_drop: 0.02, vs: baseline}
                  - {metric: pass, agg: mean, max_drop: 0.02, vs: baseline, trials: mean}
                  - {metric: pass, agg: mean, max_drop: 0.02, vs: baseline, trials: 1-of-3}
                """, candidate, baseline);
        BarResult all = bar(g, 0);
        assertEquals(0.5, all.value(), 1e-12, "all trials must pass: half the cases fail");
        assertEquals(1.0, all.baseline(), 1e-12);
        assertEquals(-0.5, all.delta(), 1e-12);
        assertEquals(100, all.n());
        Interval newcombe = Intervals.newcombePaired(50, 0, 50, 0);
        assertEquals(newcombe.low(), all.intervalLow(), 1e-12);
        assertEquals(newcombe.high(), all.intervalHigh(), 1e-12);
        assertFalse(all.pass());
        assertTrue(all.note().startsWith("paired by case id after aggregating each case's trials (all) over 100 cases: 50 pass in both,"
                + " 0 only now, 50 only in the baseline"), all.note());
        assertTrue(all.note().contains("100 paired cases have a different number of trials in the two runs"), all.note());
        BarResult mean = bar(g, 1);
        assertEquals(2.0 / 3, mean.value(), 1e-12, "half the cases 1, half 1/3");
        assertEquals(-1.0 / 3, mean.delta(), 1e-12);
        assertEquals(mean.delta(), mean.value() - mean.baseline(), 1e-15);
        assertFalse(mean.pass());
        BarResult oneOfThree = bar(g, 2);
        assertEquals(1.0, oneOfThree.value(), 1e-12);
        assertEquals(0.0, oneOfThree.delta(), 1e-12);
        assertTrue(oneOfThree.pass());
        assertFalse(g.ship());
        assertTrue(g.findings().isEmpty(), g.findings().toString());
    }

    @Test
    void valueIntervalsStayOnTheMetricsScale() {
        // exact is binary, its trials averaged (Q-4: 1 then 0); judge a score on 1..5; cost can't go below 0.
        // Expected bounds from scipy 1.17.1: mean +- t.ppf(0.975, 3) * sd / sqrt(4) of each column.
        String bounded = importRun(r, EvalFixtures.write(outside, "bounded.jsonl", """
                {"id":"Q-1","scores":{"exact":1,"judge":4.9},"cost_usd":0.001}
                {"id":"Q-2","scores":{"exact":1,"judge":5},"cost_usd":0.001}
                {"id":"Q-3","scores":{"exact":1,"judge":5},"cost_usd":0.001}
                {"id":"Q-4","trial":1,"scores":{"exact":1,"judge":3},"cost_usd":0.05}
                {"id":"Q-4","trial":2,"scores":{"exact":0,"judge":3},"cost_usd":0.05}
                """), "-w", "support_copilot", "--metric", "exact=binary", "--metric", "judge=score,1..5");
        GateReport g = gate("""
                gates:
                  - {metric: exact, agg: mean, min: 0.5, trials: mean}
                  - {metric: cost_usd, agg: mean, max: 0.1}
                  - {metric: judge, agg: mean, min: 3}
                """, bounded, null);
        BarResult exact = bar(g, 0);
        assertEquals(0.875, exact.value(), 1e-12);
        assertEquals(0.47719421183953653, exact.intervalLow(), 1e-9);
        assertEquals(1.0, exact.intervalHigh(), 0.0, "t gives 1.2728: a proportion cannot exceed 1");
        assertTrue(exact.note().contains("interval: Student t 95%, clipped to [0, 1] (the scale of exact)"), exact.note());
        BarResult cost = bar(g, 1);
        assertEquals(0.0, cost.intervalLow(), 0.0, "t gives -0.0257: a cost cannot be negative");
        assertEquals(0.05223496723972543, cost.intervalHigh(), 1e-9);
        assertTrue(cost.note().contains("clipped to [0, ∞) (the scale of cost_usd)"), cost.note());
        BarResult judge = bar(g, 2);
        assertEquals(2.9085002728193263, judge.intervalLow(), 1e-9);
        assertEquals(5.0, judge.intervalHigh(), 0.0, "t gives 6.0415 on a 1..5 scale");
    }

    @Test
    void aCaseMissingFromTheCandidateFails() {
        GateReport g = gate("gates:\n  - {metric: pass, agg: mean, max_drop: 0.5, vs: baseline}\n", candMissing, base);
        BarResult b = bar(g, 0);
        assertFalse(b.pass());
        assertTrue(b.note().contains("1 baseline case missing from the candidate (P-5)"), b.note());
        assertEquals(List.of("1 case of baseline run " + base + " missing from the candidate (P-5): a case missing from the candidate fails"),
                g.findings());
        assertFalse(g.ship());
    }

    @Test
    void withoutABaselineRegressionBarsAreNotCompared() {
        GateReport g = gate("gates:\n  - {metric: pass, agg: mean, max_drop: 0.02, vs: baseline}\n", cand, null);
        assertNull(g.baselineRunId());
        assertTrue(bar(g, 0).pass());
        assertEquals("no baseline: no shipped release in the ledger and no --baseline; not compared", bar(g, 0).note());
    }

    @Test
    void theDesignsExampleGateFileEvaluates() {
        String design = run("design.jsonl", """
                {"id":"FAQ-001","slice":{"domain":"Support"},"pass":true,"scores":{"exact":0.9,"grounded_judge":4.6,"helpfulness_judge":4.5},"latency_ms":700,"cost_usd":0.010}
                {"id":"FAQ-002","slice":{"domain":"Support"},"pass":true,"scores":{"exact":0.8,"grounded_judge":4.0,"helpfulness_judge":4.4},"latency_ms":900,"cost_usd":0.011,"severity":"sev3"}
                {"id":"JAIL-007","slice":{"domain":"Security"},"pass":true,"scores":{"exact":1.0,"grounded_judge":4.4,"helpfulness_judge":4.2},"latency_ms":1300,"cost_usd":0.012}
                """);
        GateReport g = gate("""
                gates:
                  - {metric: exact, agg: mean, min: 0.80, where: {domain: Support}}
                  - {metric: grounded_judge, agg: mean, min: 4.2, tail_min: 3.0}   # no case under 3
                  - {metric: helpfulness_judge, agg: mean, min: 4.3}
                  - {metric: severity, agg: count, equals: sev1, max: 0}
                  - {metric: severity, agg: rate, equals: sev2, max: 0.005}
                  - {metric: latency_ms, agg: p95, max: 1200}
                  - {metric: cost_usd, agg: mean, max: 0.012}
                  - {metric: cost_usd, agg: per_success, max: 0.08}
                  - {metric: exact, agg: mean, max_drop: 0.02, vs: baseline}       # regression vs last shipped release
                must_pass: [FAQ-001, JAIL-007]      # plus every case tagged must-pass
                """, design, null);
        assertEquals(List.of("exact mean >= 0.8", "grounded_judge mean >= 4.2", "grounded_judge min >= 3 (tail_min)",
                "helpfulness_judge mean >= 4.3", "severity count <= 0", "severity rate <= 0.005", "latency_ms p95 <= 1200",
                "cost_usd mean <= 0.012", "cost_usd per_success <= 0.08", "exact mean max_drop 0.02"),
                g.bars().stream().map(b -> b.metric() + " " + b.aggregation() + " " + b.bar()).toList());
        assertEquals(List.of(true, true, true, true, true, true, false, true, true, true), g.bars().stream().map(BarResult::pass).toList());
        assertEquals(0.85, bar(g, 0).value(), 1e-12);
        assertEquals(1300.0, bar(g, 6).value());
        assertEquals(0.011, bar(g, 7).value(), 1e-12);
        assertEquals(0.011, bar(g, 8).value(), 1e-12);
        assertTrue(bar(g, 5).note().contains("too few cases to prove a rate <= 0.005"), bar(g, 5).note());
        assertEquals(2, g.mustPass().size());
        assertFalse(g.ship());
    }

    @Test
    void tailMaxBoundsEveryCase() {
        GateReport g = gate("gates:\n  - {metric: latency_ms, agg: mean, max: 1000, tail_max: 350}\n", scores, null);
        assertEquals(250.0, bar(g, 0).value(), 1e-12);
        BarResult tail = bar(g, 1);
        assertEquals("max", tail.aggregation());
        assertEquals("<= 350 (tail_max)", tail.bar());
        assertEquals(400.0, tail.value());
        assertFalse(tail.pass());
    }

    @Test
    void shipOnlyWhenEveryBarAndMustPassPass() {
        GateReport g = gate("gates:\n  - {metric: pass, agg: mean, min: 0.5}\nmust_pass: [P-1]\n", cand, null);
        assertTrue(g.ship());
        assertEquals(List.of(new MustPassResult("P-1", true, null)), g.mustPass());
        GateReport missing = gate("gates:\n  - {metric: pass, agg: mean, min: 0.5}\nmust_pass: [P-1, NOPE-9]\n", cand, null);
        assertFalse(missing.ship());
        assertEquals(new MustPassResult("NOPE-9", false, "not in run " + cand), missing.mustPass().get(1));
        GateReport errored = gate("gates:\n  - {metric: exact, agg: mean, min: 0}\nmust_pass: [E-1]\n", scores, null);
        assertEquals(new MustPassResult("E-1", false, "errored (provider: timeout)"), errored.mustPass().get(0));
    }
}
