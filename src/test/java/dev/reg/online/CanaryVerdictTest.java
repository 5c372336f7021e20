package dev.reg.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per verdict and for the precedence between them, on arm summaries whose intervals are
 * clear by construction (the interval arithmetic itself is checked in CanaryFixtureTest).
 */
class CanaryVerdictTest {
    static final String BARS = """
              bars:
                - {metric: grounded_judge, min_uplift: 0.08, relative: true}
                - {metric: cost_usd, max_increase: 0.05, relative: true}
                - {metric: guardrail.jailbreak, no_regression: true}
                - {metric: grounded_judge, stop_loss: -0.05, relative: true}
            """;

    static CanarySpec spec(double split, long minEvents) {
        return CanaryFixtureTest.spec("canary:\n  split: " + split + "\n  min_events: " + minEvents + "\n" + BARS);
    }

    /**
     * An arm: grounded_judge mean {@code judge} (sd 0.5), cost mean {@code cost} (sd 0.002), jailbreak hits
     * {@code jailbreaks} in {@code n}.
     */
    static ArmSummary arm(long n, double judge, double cost, long jailbreaks) {
        Map<MetricId, MetricSample> m = new HashMap<>();
        m.put(MetricId.score("grounded_judge"), new MetricSample.Mean(n, judge, 0.25));
        m.put(MetricId.COST, new MetricSample.Mean(n, cost, 0.002 * 0.002));
        m.put(MetricId.guardrailFlag("jailbreak"), new MetricSample.Binary(n, jailbreaks));
        return new ArmSummary(n, m);
    }

    static CanaryReadout read(CanarySpec spec, ArmSummary control, ArmSummary treatment) {
        return CanaryAnalysis.analyze(spec, control, treatment, null, null, 0);
    }

    static final ArmSummary CONTROL = arm(1000, 4.0, 0.0100, 10);

    @Test
    void promoteWhenEveryBarIsMet() {
        // judge +10 % (interval about [+8.8 %, +11.2 %] > +8 %), cost -2 % (< +5 %), jailbreak 9 vs 10 hits, no stop-loss
        CanaryReadout r = read(spec(0.5, 500), CONTROL, arm(1000, 4.4, 0.0098, 9));
        assertEquals(Verdict.PROMOTE, r.verdict(), r.reasons().toString());
        assertTrue(r.bars().stream().allMatch(b -> b.status() == BarStatus.PASS), r.bars().toString());
        assertEquals(4, r.reasons().size());
    }

    @Test
    void continueWhileAnIntervalStraddlesABar() {
        // judge +8 % exactly: the interval straddles the +8 % bar
        CanaryReadout r = read(spec(0.5, 500), CONTROL, arm(1000, 4.32, 0.0098, 9));
        assertEquals(Verdict.CONTINUE, r.verdict());
        assertTrue(r.reasons().get(0).contains("straddles +8%"), r.reasons().toString());
    }

    @Test
    void continueBelowMinEventsAndExactlyMinEventsIsEnough() {
        CanarySpec spec = spec(0.5, 1000);
        assertEquals(Verdict.CONTINUE, read(spec, CONTROL, arm(999, 4.4, 0.0098, 9)).verdict());
        assertTrue(read(spec, CONTROL, arm(999, 4.4, 0.0098, 9)).reasons().get(0).startsWith("too few events"));
        assertEquals(Verdict.PROMOTE, read(spec, CONTROL, arm(1000, 4.4, 0.0098, 9)).verdict());
    }

    @Test
    void rollbackWhenAStopLossIsCrossed() {
        // judge -10 %: the relative interval lies entirely below the -5 % stop-loss
        CanaryReadout r = read(spec(0.5, 500), CONTROL, arm(1000, 3.6, 0.0098, 9));
        assertEquals(Verdict.ROLLBACK, r.verdict(), r.reasons().toString());
        assertEquals(List.of("grounded_judge stop_loss -5%"), r.reasons().stream().map(s -> s.substring(0, s.indexOf(':'))).toList());
    }

    @Test
    void tooFewEventsGiveContinueNeverRollback() {
        CanaryReadout r = read(spec(0.5, 2000), CONTROL, arm(1000, 3.6, 0.0098, 9));
        assertEquals(Verdict.CONTINUE, r.verdict());
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("below min_events a canary continues")), r.reasons().toString());
    }

    @Test
    void holdWhenANoRegressionMetricGetsWorse() {
        // jailbreak 10/1000 -> 60/1000: the difference interval lies entirely above 0 (higher is worse)
        CanaryReadout r = read(spec(0.5, 500), CONTROL, arm(1000, 4.4, 0.0098, 60));
        assertEquals(Verdict.HOLD, r.verdict());
        assertTrue(r.reasons().get(0).startsWith("guardrail.jailbreak no_regression: "), r.reasons().toString());
    }

    @Test
    void holdForARegressionBeatsRollbackAndFewEvents() {
        // a safety regression and a crossed stop-loss: hold comes first; so it does below min_events
        assertEquals(Verdict.HOLD, read(spec(0.5, 500), CONTROL, arm(1000, 3.6, 0.0098, 60)).verdict());
        assertEquals(Verdict.HOLD, read(spec(0.5, 5000), CONTROL, arm(1000, 3.6, 0.0098, 60)).verdict());
    }

    @Test
    void sampleRatioMismatchHoldsAndBeatsEverything() {
        // planned 50/50, observed 1000 control / 800 treatment: chi-square 22.2, p 2.4e-6 < 0.001
        CanaryReadout promote = read(spec(0.5, 500), CONTROL, arm(800, 4.4, 0.0098, 8));
        assertEquals(Verdict.HOLD, promote.verdict());
        assertTrue(promote.srm().mismatch());
        assertEquals(1, promote.reasons().size());
        assertTrue(promote.reasons().get(0).startsWith("sample ratio mismatch"), promote.reasons().get(0));
        // it beats a rollback, and it beats too few events
        assertEquals(Verdict.HOLD, read(spec(0.5, 500), CONTROL, arm(800, 3.6, 0.0098, 8)).verdict());
        assertEquals(Verdict.HOLD, read(spec(0.5, 5000), CONTROL, arm(800, 4.4, 0.0098, 8)).verdict());
        // the same counts are fine against the split they were planned with
        assertEquals(Verdict.PROMOTE, read(spec(800.0 / 1800, 500), CONTROL, arm(800, 4.4, 0.0098, 8)).verdict());
    }

    @Test
    void holdWhenAPromoteBarCanNoLongerBeMet() {
        // judge +3 % with a tight interval: entirely below +8 %, but clear of the -5 % stop-loss
        CanaryReadout r = read(spec(0.5, 500), arm(100_000, 4.0, 0.0100, 1000), arm(100_000, 4.12, 0.0098, 990));
        assertEquals(Verdict.HOLD, r.verdict(), r.reasons().toString());
        assertTrue(r.reasons().get(0).contains("entirely below +8%") && r.reasons().get(0).endsWith("the bar cannot be met"),
                r.reasons().toString());
    }

    @Test
    void aStraddledStopLossKeepsTheCanaryRunning() {
        // judge -5 %: the interval straddles the stop-loss; not a rollback, not a promote
        CanaryReadout r = read(spec(0.5, 500), CONTROL, arm(1000, 3.8, 0.0098, 9));
        assertEquals(Verdict.CONTINUE, r.verdict(), r.reasons().toString());
    }
}
