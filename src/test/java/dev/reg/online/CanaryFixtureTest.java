package dev.reg.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.online.CanaryReadout.MetricComparison;
import dev.reg.stats.Estimate;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canary readout of the committed fixture arms (control plain, treatment gzip) against the
 * figures numpy and scipy computed from the same events (fixtures-src/online/make_online_fixtures.py):
 * every metric's n and mean, the difference and relative-lift intervals, the MDE, the SRM test, with
 * fixed-n and sequential intervals, to 1e-9.
 */
class CanaryFixtureTest {
    static final JsonNode EXPECTED = Fixtures.expected();

    static CanarySpec spec(String yaml) {
        return CanarySpec.read(Fixtures.gateFile(yaml).rootMap().requireMap("canary"));
    }

    static CanaryReadout readout(boolean sequential) {
        CanarySpec spec = spec("""
                canary:
                  split: 0.20
                  min_events: 200
                  alpha: 0.05
                  power: 0.80
                  sequential: %s
                  bars:
                    - {metric: grounded_judge, min_uplift: 0.01, relative: true}
                    - {metric: cost_usd, max_increase: 0.10, relative: true}
                    - {metric: guardrail.jailbreak, no_regression: true}
                """.formatted(sequential));
        List<TelemetryInput> inputs = List.of(new TelemetryInput(Fixtures.resource("canary-control.jsonl"), "control.jsonl", Arm.CONTROL),
                new TelemetryInput(Fixtures.resource("canary-treatment.jsonl.gz"), "treatment.jsonl.gz", Arm.TREATMENT));
        return CanaryAnalysis.run(spec, inputs, ArmSource.FILES, ReadOptions.STRICT);
    }

    @Test
    void everyMetricMatchesScipy() {
        check(readout(false), false);
    }

    @Test
    void sequentialIntervalsMatchTheFormulaComputedInPython() {
        CanaryReadout r = readout(true);
        check(r, true);
        assertTrue(r.metric(MetricId.score("grounded_judge")).difference().method().contains("confidence sequence"));
    }

    private static void check(CanaryReadout r, boolean sequential) {
        JsonNode c = EXPECTED.get("canary");
        assertEquals(c.at("/srm/control").asLong(), r.controlEvents());
        assertEquals(c.at("/srm/treatment").asLong(), r.treatmentEvents());
        close(c.at("/srm/chi_square").asDouble(), r.srm().chiSquare(), "srm chi-square");
        close(c.at("/srm/p").asDouble(), r.srm().p(), "srm p");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            MetricComparison m = r.metric(MetricId.parse(e.getKey()));
            assertNotNull(m, e.getKey());
            JsonNode x = e.getValue();
            String name = e.getKey();
            assertEquals(x.get("type").asText(), m.metric().type().label(), name);
            assertEquals(x.at("/control/n").asLong(), m.control().n(), name + " control n");
            assertEquals(x.at("/treatment/n").asLong(), m.treatment().n(), name + " treatment n");
            close(x.at("/control/mean").asDouble(), m.control().mean(), name + " control mean");
            close(x.at("/treatment/mean").asDouble(), m.treatment().mean(), name + " treatment mean");
            JsonNode diff = sequential ? x.at("/sequential/difference") : x.get("difference");
            interval(diff, m.difference(), name + " difference");
            if (!sequential && x.get("difference").has("df")) {
                close(x.at("/difference/df").asDouble(), m.difference().df(), name + " Welch df");
            }
            JsonNode rel = sequential ? x.at("/sequential/relative") : x.get("relative");
            if (rel == null || rel.isMissingNode()) {
                assertNull(m.relative(), name + ": the control rate is 0, so no relative lift");
            } else {
                interval(rel, m.relative(), name + " relative");
            }
            close((sequential ? x.at("/sequential/mde") : x.get("mde")).asDouble(), m.mde().absolute(), name + " mde");
            checked++;
        }
        assertEquals(9, checked);
    }

    private static void interval(JsonNode x, Estimate e, String what) {
        close(x.get("value").asDouble(), e.value(), what + " value");
        close(x.get("low").asDouble(), e.low(), what + " low");
        close(x.get("high").asDouble(), e.high(), what + " high");
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }
}
