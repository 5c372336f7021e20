package dev.reg.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readout's JSON (DESIGN's reg.canary/1 fields), JUnit XML and text table, and the plan. */
class CanaryRenderTest {
    static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void jsonHasDesignsFieldsAndTheInputs() throws Exception {
        CanaryReadout r = CanaryFixtureTest.readout(false);
        JsonNode j = json(CanaryJson.render(r));
        assertEquals("reg.canary/1", j.get("format").asText());
        List<String> names = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("format", "srm", "metrics", "verdict", "reasons"), names.subList(0, 5));
        assertEquals(r.srm().p(), j.at("/srm/p").asDouble());
        JsonNode judge = null;
        for (JsonNode m : j.get("metrics")) {
            if (m.get("metric").asText().equals("grounded_judge")) {
                judge = m;
            }
        }
        assertEquals("score", judge.get("type").asText());
        assertEquals(1061, judge.at("/control/n").asLong());
        assertEquals(Fixtures.expected().at("/canary/metrics/grounded_judge/difference/low").asDouble(), judge.at("/difference/low").asDouble(), 1e-12);
        assertTrue(judge.at("/difference/method").asText().startsWith("Welch t with Welch-Satterthwaite df"));
        assertTrue(judge.at("/relative/method").asText().startsWith("delta method"));
        assertEquals(r.verdict().label(), j.get("verdict").asText());
        assertEquals(r.reasons().size(), j.get("reasons").size());
        assertEquals(3, j.get("bars").size());
        assertEquals("control.jsonl", j.at("/inputs/0/name").asText());
        assertEquals(TelemetryReaderTest.sha256(java.nio.file.Files.readAllBytes(Fixtures.resource("canary-treatment.jsonl.gz"))),
                j.at("/inputs/1/sha256").asText());
        assertTrue(j.at("/inputs/1/gzip").asBoolean());
        assertEquals(0, j.at("/skipped/count").asLong());
        // a metric whose control rate is 0 has no relative lift: null, with the reason
        for (JsonNode m : j.get("metrics")) {
            if (m.get("metric").asText().equals("guardrail.toxicity")) {
                assertTrue(m.get("relative").isNull());
                assertTrue(m.get("note").asText().contains("control's rate is 0"));
            }
        }
        assertTrue(CanaryJson.render(r).indexOf("NaN") < 0);
    }

    @Test
    void junitHasOneTestcasePerBarAndTheSampleRatio() {
        CanaryReadout r = CanaryVerdictTest.read(CanaryVerdictTest.spec(0.5, 500), CanaryVerdictTest.CONTROL, CanaryVerdictTest.arm(1000, 3.6, 0.0098, 60));
        String xml = CanaryJUnit.render("support_copilot", r);
        assertEquals(5, xml.split("<testcase ", -1).length - 1);
        assertTrue(xml.contains("tests=\"5\" failures=\"3\""), xml); // min_uplift, no_regression, stop_loss fail
        assertTrue(xml.contains("name=\"guardrail.jailbreak no_regression\""), xml);
        assertTrue(xml.contains("<failure message=\"grounded_judge stop_loss -5% (relative): "), xml);
    }

    @Test
    void textTableListsMetricsBarsAndReasons() {
        String text = CanaryText.render(CanaryFixtureTest.readout(false));
        assertTrue(text.startsWith("verdict: "), text);
        assertTrue(text.contains("sample ratio: treatment 20% of 1500 events, planned 20%"), text);
        assertTrue(text.lines().anyMatch(l -> l.trim().startsWith("grounded_judge ")), text);
        assertTrue(text.contains("bars:\n") && text.contains("reasons:\n"), text);
    }

    @Test
    void planFromTheBarsOwnBaselinesAndFromControlEvents() throws Exception {
        CanarySpec spec = CanaryFixtureTest.spec("""
                canary:
                  split: 0.5
                  min_events: 100
                  bars:
                    - {metric: success, min_uplift: 0.05, baseline: 0.5}
                    - {metric: grounded_judge, stop_loss: -0.05, relative: true, baseline: 4.0, sd: 1.0}
                    - {metric: guardrail.jailbreak, no_regression: true}
                    - {metric: cost_usd, max_increase: 0.05, relative: true}
                """);
        CanaryPlan p = CanaryPlanner.plan(spec, null, null);
        // success 0.50 -> 0.55: N = (1.959964 + 0.841621)^2 (0.25/0.5 + 0.2475/0.5) / 0.05^2 = 7.848898 * 0.995 / 0.0025 = 3123.86,
        // so 1562 events per arm
        CanaryPlan.Row success = p.rows().get(0);
        assertEquals(0.05, success.effect(), 1e-15);
        assertEquals(1562, success.control());
        assertEquals(1562, success.treatment());
        assertEquals("bar", success.source());
        // judge: effect 0.05 * 4.0 = 0.2, sd 1: N = 7.848898 * (1/0.5 + 1/0.5) / 0.04 = 784.89 -> 393 per arm
        assertEquals(393, p.rows().get(1).control());
        assertTrue(p.rows().get(2).note().startsWith("no effect size"));
        assertTrue(p.rows().get(3).note().contains("needs the control's mean"), p.rows().get(3).note());
        // with control events the cost bar gets its mean and sd from them
        CanaryPlan q = CanaryPlanner.run(spec, List.of(TelemetryInput.of(Fixtures.resource("canary-control.jsonl"))), ReadOptions.STRICT);
        CanaryPlan.Row cost = q.rows().get(3);
        assertNull(cost.note());
        assertEquals("control events", cost.source());
        JsonNode c = Fixtures.expected().at("/canary/metrics/cost_usd/control");
        assertEquals(c.get("mean").asDouble(), cost.mean(), 1e-12);
        assertEquals(Math.sqrt(c.get("variance").asDouble()), cost.sd(), 1e-12);
        JsonNode j = json(CanaryPlanJson.render(q));
        assertEquals("reg.canary-plan/1", j.get("format").asText());
        assertEquals(cost.total().longValue(), j.at("/bars/3/events/total").asLong());
        assertTrue(CanaryPlanJson.text(q).contains("cost_usd max_increase +5% (relative)"));
    }
}
