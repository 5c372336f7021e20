package dev.reg.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.BadInputException;
import org.junit.jupiter.api.Test;

/** The gate file's canary: section: what it reads, and every malformed or contradictory design refused with file and line. */
class CanarySpecTest {
    static BadInputException refused(String yaml) {
        return assertThrows(BadInputException.class, () -> CanaryFixtureTest.spec(yaml));
    }

    static void refused(String yaml, int line, String fragment) {
        BadInputException e = refused(yaml);
        assertEquals("registry/gates/support_copilot.yaml", e.file().orElseThrow(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void readsDesignsExample() {
        CanarySpec s = CanaryFixtureTest.spec("""
                canary:
                  split: 0.10                  # planned treatment share
                  min_events: 500
                  alpha: 0.05
                  power: 0.80
                  bars:
                    - {metric: grounded_judge, min_uplift: 0.08, relative: true}
                    - {metric: cost_usd, max_increase: 0.05, relative: true}
                    - {metric: guardrail.jailbreak, no_regression: true}
                    - {metric: grounded_judge, stop_loss: -0.05, relative: true}
                """);
        assertEquals(0.10, s.split());
        assertEquals(500, s.minEvents());
        assertFalse(s.sequential());
        assertEquals(4, s.bars().size());
        CanaryBar first = s.bars().get(0);
        assertEquals(MetricId.score("grounded_judge"), first.metric());
        assertEquals(BarKind.MIN_UPLIFT, first.kind());
        assertEquals(0.08, first.threshold());
        assertTrue(first.relative());
        assertEquals(7, first.line());
        assertEquals(MetricId.guardrailFlag("jailbreak"), s.bars().get(2).metric());
        assertEquals(BarKind.STOP_LOSS, s.bars().get(3).kind());
        assertEquals("grounded_judge min_uplift +8%", first.describe());
    }

    @Test
    void defaultsAndSequential() {
        CanarySpec s = CanaryFixtureTest.spec("""
                canary:
                  split: 0.5
                  sequential: true
                  bars: [{metric: scores.exact, min_uplift: 0.01}]
                """);
        assertEquals(CanarySpec.DEFAULT_MIN_EVENTS, s.minEvents());
        assertEquals(0.05, s.alpha());
        assertEquals(0.8, s.power());
        assertTrue(s.sequential());
        assertEquals(5000, s.sequentialTuning());
        assertEquals(MetricId.score("exact"), s.bars().get(0).metric());
    }

    @Test
    void contradictoryBarsAreRefusedWithTheirLines() {
        refused("""
                canary:
                  split: 0.1
                  bars:
                    - {metric: cost_usd, min_uplift: 0.10, relative: true}
                    - {metric: cost_usd, max_increase: 0.05, relative: true}
                """, 5, "contradictory bars on cost_usd (cost_usd min_uplift +10% on line 4)");
        refused("""
                canary:
                  split: 0.1
                  bars:
                    - {metric: grounded_judge, min_uplift: 0.02, relative: true}
                    - {metric: grounded_judge, stop_loss: 0.05, relative: true}
                """, 5, "stop_loss: a stop-loss lies on the worse side of 0");
        refused("""
                canary:
                  split: 0.1
                  bars:
                    - {metric: grounded_judge, stop_loss: -0.01}
                    - {metric: grounded_judge, min_uplift: -0.02}
                """, 5, "the stop-loss -0.01 lies above the min_uplift -0.02");
        refused("""
                canary:
                  split: 0.1
                  bars:
                    - {metric: latency_ms, max_increase: 50}
                    - {metric: latency_ms, stop_loss: 20}
                """, 5, "the stop-loss +20 lies below the max_increase +50");
        refused("""
                canary:
                  split: 0.1
                  bars:
                    - {metric: latency_ms, max_increase: 50}
                    - {metric: latency_ms, max_increase: 80}
                """, 5, "a second max_increase bar on latency_ms");
    }

    @Test
    void barsOnDifferentScalesDoNotContradict() {
        // +10 % relative and +0.05 absolute are different scales: nothing to compare
        CanaryFixtureTest.spec("""
                canary:
                  split: 0.1
                  bars:
                    - {metric: cost_usd, min_uplift: 0.10, relative: true}
                    - {metric: cost_usd, max_increase: 0.05}
                """);
    }

    @Test
    void malformedSectionsAreRefusedWithTheirLines() {
        refused("canary:\n  split: 0.1\n  min_event: 500\n  bars: [{metric: exact, min_uplift: 0.01}]\n", 3, "unknown key 'canary.min_event'");
        refused("canary:\n  min_events: 500\n  bars: [{metric: exact, min_uplift: 0.01}]\n", 2, "missing split");
        refused("canary:\n  split: 1.5\n  bars: [{metric: exact, min_uplift: 0.01}]\n", 2, "between 0 and 1");
        refused("canary:\n  split: 0.1\n  alpha: 0.7\n  bars: [{metric: exact, min_uplift: 0.01}]\n", 3, "significance level");
        refused("canary:\n  split: 0.1\n  min_events: 10.5\n  bars: [{metric: exact, min_uplift: 0.01}]\n", 3, "whole number");
        refused("canary:\n  split: 0.1\n  bars: []\n", 3, "pre-register at least one bar");
        refused("canary:\n  split: 0.1\n  bars:\n    - {metric: exact}\n", 4, "no bar: give one of");
        refused("canary:\n  split: 0.1\n  bars:\n    - {metric: exact, min_uplift: 0.1, stop_loss: -0.1}\n", 4, "one bar per entry");
        refused("canary:\n  split: 0.1\n  bars:\n    - {metric: exact, min_uplift: 0.1, relativ: true}\n", 4, "unknown key 'canary.bars[0].relativ'");
        refused("canary:\n  split: 0.1\n  bars:\n    - {metric: guardrail.pii, no_regression: true, relative: true}\n", 4,
                "relative does not apply");
        refused("canary:\n  split: 0.1\n  bars:\n    - {metric: guardrail.pii, no_regression: false}\n", 4, "only no_regression: true");
        refused("canary:\n  split: 0.1\n  bars:\n    - {metric: cost_usd, stop_loss: -0.1}\n", 4, "0 or positive");
        refused("canary:\n  split: 0.1\n  bars:\n    - {metric: success, min_uplift: 0.01, baseline: 1.2}\n", 4, "between 0 and 1");
        refused("canary:\n  split: 0.1\n  bars:\n    - {metric: success, min_uplift: 0.01, sd: 0.3}\n", 4, "leave sd out");
        refused("canary:\n  split: 0.1\n  sequential_tuning: 1000\n  bars: [{metric: exact, min_uplift: 0.01}]\n", 3, "sequential: true");
    }
}
