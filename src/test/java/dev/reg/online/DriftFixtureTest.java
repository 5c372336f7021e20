package dev.reg.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.BadInputException;
import dev.reg.online.DriftReadout.FieldDrift;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift of the committed fixture sets against numpy/scipy (fixtures-src/online/make_online_fixtures.py):
 * type-7 decile edges, merged equal edges, bin counts and shares, PSI, KL, the Jensen-Shannon
 * distance (scipy.spatial.distance.jensenshannon, base 2), the embedding's cosine distance and the
 * rates; one test per definition detail; the reference profile read back.
 */
class DriftFixtureTest {
    @TempDir
    Path dir;

    static final JsonNode EXPECTED = Fixtures.expected().get("drift");

    static List<TelemetryInput> reference() {
        return List.of(new TelemetryInput(Fixtures.resource("drift-reference.jsonl"), "reference.jsonl", null));
    }

    static List<TelemetryInput> current() {
        return List.of(new TelemetryInput(Fixtures.resource("drift-current.jsonl.gz"), "current.jsonl.gz", null));
    }

    static DriftReadout readout(DriftProfile profile) {
        return DriftAnalysis.compare(profile, current(), DriftSpec.DEFAULTS, ReadOptions.STRICT);
    }

    @Test
    void everyFieldMatchesNumpyAndScipy() {
        check(DriftAnalysis.run(reference(), current(), DriftSpec.DEFAULTS, ReadOptions.STRICT));
    }

    @Test
    void theMultiPassPathGivesTheSameNumbers() {
        // at most 8 distinct values counted per field and 50 values collected at once: every numeric field takes
        // histogram passes over the reference, and the results are the same to the last bit
        check(readout(ReferenceProfiler.profile(reference(), ReadOptions.STRICT, 8, 50)));
    }

    @Test
    void aRecordedProfileReadsBackToTheSameReadout() {
        DriftProfile p = ReferenceProfiler.profile(reference(), ReadOptions.STRICT);
        String json = DriftJson.profile(p);
        DriftProfile back = DriftJson.readProfile(json, "registry/online/support_copilot/reference.json");
        assertEquals(json, DriftJson.profile(back));
        check(readout(back));
        assertEquals(DriftJson.render(readout(p)), DriftJson.render(readout(back)));
    }

    static void check(DriftReadout r) {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = EXPECTED.get("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode x = e.getValue();
            FieldDrift f = r.field(name);
            assertEquals(x.get("type").asText().equals("numeric"), f.numeric(), name);
            assertEquals(x.get("n_reference").asLong(), f.nReference(), name);
            assertEquals(x.get("n_current").asLong(), f.nCurrent(), name);
            if (f.numeric()) {
                double[] edges = OnlineStatisticsTestAccess.doubles(x.get("edges"));
                assertEquals(edges.length, f.edges().length, name + " edges");
                for (int i = 0; i < edges.length; i++) {
                    assertEquals(edges[i], f.edges()[i], 0, name + " edge " + i); // exactly numpy's
                }
                double[] raw = OnlineStatisticsTestAccess.doubles(x.get("raw_edges"));
                double[] mine = r.reference().field(name).rawEdges();
                for (int i = 0; i < raw.length; i++) {
                    assertEquals(raw[i], mine[i], 0, name + " raw edge " + i);
                }
            } else {
                List<String> cats = new java.util.ArrayList<>();
                x.get("categories").forEach(c -> cats.add(c.asText()));
                assertEquals(cats, f.bins(), name);
            }
            for (int i = 0; i < f.referenceCounts().length; i++) {
                assertEquals(x.get("reference_counts").get(i).asLong(), f.referenceCounts()[i], name + " reference bin " + i);
                assertEquals(x.get("current_counts").get(i).asLong(), f.currentCounts()[i], name + " current bin " + i);
            }
            CanaryFixtureTest.close(x.get("psi").asDouble(), f.psi(), name + " psi");
            CanaryFixtureTest.close(x.get("kl").asDouble(), f.kl(), name + " kl");
            CanaryFixtureTest.close(x.get("js").asDouble(), f.js(), name + " js");
            checked++;
        }
        assertEquals(9, checked);
        CanaryFixtureTest.close(EXPECTED.at("/embedding/cosine_distance").asDouble(), r.embedding().cosineDistance(), "cosine distance");
        for (String m : List.of("exact", "refusal", "guardrail.jailbreak")) {
            DriftReadout.RateDrift d = r.rates().stream().filter(x -> x.metric().equals(m)).findFirst().orElseThrow();
            CanaryFixtureTest.close(EXPECTED.at("/rates/" + m.replace("/", "~1")).get(0).asDouble(), d.reference(), m + " reference");
            CanaryFixtureTest.close(EXPECTED.at("/rates/" + m).get(1).asDouble(), d.current(), m + " current");
        }
    }

    @Test
    void equalEdgesMerge() {
        // 60 % of the reference costs exactly 0.005: deciles 1-5 coincide and merge, leaving 4 edges and 5 bins
        DriftReadout r = readout(ReferenceProfiler.profile(reference(), ReadOptions.STRICT));
        FieldDrift cost = r.field("cost_usd");
        assertEquals(9, r.reference().field("cost_usd").rawEdges().length);
        assertEquals(0.005, r.reference().field("cost_usd").rawEdges()[4]);
        assertEquals(4, cost.edges().length);
        assertEquals(5, cost.bins().size());
        assertEquals("(-inf, 0.005]", cost.bins().get(0));
        // the ties all fall in (-inf, 0.005], with the costs below 0.005
        long[] ties = new long[2];
        TelemetryReader.read(reference(), ReadOptions.STRICT, e -> {
            ties[0] += e.costUsd() == 0.005 ? 1 : 0;
            ties[1] += e.costUsd() < 0.005 ? 1 : 0;
        });
        assertTrue(ties[0] > 550, ties[0] + " ties");
        assertEquals(ties[0] + ties[1], cost.referenceCounts()[0]);
    }

    @Test
    void aCategoryOnOneSideOnlyAndAZeroShare() {
        DriftReadout r = readout(ReferenceProfiler.profile(reference(), ReadOptions.STRICT));
        FieldDrift journey = r.field("journey");
        assertEquals(List.of("copilot", "extract", "route", "triage"), journey.bins());
        assertEquals(0, journey.currentCounts()[2]); // route: reference only, a current share of 0 (0.0001 in PSI and KL)
        assertEquals(0, journey.referenceCounts()[3]); // triage: current only
        assertEquals(Level.RED, journey.level());
    }

    @Test
    void levelsFromThePsiAndJsThresholds() {
        DriftReadout r = readout(ReferenceProfiler.profile(reference(), ReadOptions.STRICT));
        assertEquals(Level.YELLOW, r.field("latency_ms").level()); // JS 0.1003 >= 0.10, PSI 0.056 < 0.10
        assertEquals(Level.GREEN, r.field("cost_usd").level()); // JS 0.0991, PSI 0.055
        assertEquals(Level.GREEN, r.field("prompt_version").level()); // identical: 0
        assertEquals(Level.RED, r.field("model").level());
        assertEquals(Level.GREEN, r.embedding().level()); // 0.0096 < 0.05
        assertEquals(Level.RED, r.level());
    }

    @Test
    void tooFewEventsIsUnknownNeverRed() {
        DriftSpec strict = new DriftSpec(DriftSpec.DEFAULTS.psi(), DriftSpec.DEFAULTS.js(), DriftSpec.DEFAULTS.embedding(), 5000, null);
        DriftReadout r = DriftAnalysis.compare(ReferenceProfiler.profile(reference(), ReadOptions.STRICT), current(), strict, ReadOptions.STRICT);
        assertTrue(r.fields().stream().allMatch(f -> f.level() == Level.UNKNOWN));
        assertEquals(Level.UNKNOWN, r.embedding().level());
        assertEquals(Level.UNKNOWN, r.level());
        assertTrue(r.field("journey").note().startsWith("fewer than 5000 events"));
    }

    @Test
    void jsonHasDesignsFields() throws Exception {
        DriftReadout r = readout(ReferenceProfiler.profile(reference(), ReadOptions.STRICT));
        JsonNode j = new ObjectMapper().readTree(DriftJson.render(r));
        assertEquals("reg.drift/1", j.get("format").asText());
        JsonNode first = j.at("/fields/0");
        assertEquals("journey", first.get("field").asText());
        assertEquals("categorical", first.get("type").asText());
        for (String k : List.of("psi", "kl", "js", "level")) {
            assertTrue(first.has(k), k);
        }
        assertEquals(r.embedding().cosineDistance(), j.at("/embedding/cosine_distance").asDouble());
        assertEquals("red", j.get("level").asText());
        assertEquals("reference.jsonl", j.at("/reference/inputs/0/name").asText());
        assertEquals("current.jsonl.gz", j.at("/inputs/0/name").asText());
        assertTrue(DriftText.render(r).startsWith("drift: RED\n"));
    }

    @Test
    void embeddingsOfAnotherLengthThanTheReferencesAreBadInput() {
        Path cur = Fixtures.write(dir, "cur.jsonl", "{\"embedding\":[1,2]}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> DriftAnalysis.compare(
                ReferenceProfiler.profile(reference(), ReadOptions.STRICT), List.of(TelemetryInput.of(cur)), DriftSpec.DEFAULTS, ReadOptions.STRICT));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("embedding has 2 values, but the reference's have 4"), e.getMessage());
        Path a = Fixtures.write(dir, "a.jsonl", "{\"embedding\":[1,2,3]}\n");
        Path b = Fixtures.write(dir, "b.jsonl", "{\"embedding\":[1,2]}\n");
        BadInputException f = assertThrows(BadInputException.class, () -> ReferenceProfiler.profile(List.of(TelemetryInput.of(a),
                TelemetryInput.of(b)), ReadOptions.STRICT));
        assertTrue(f.getMessage().contains("b.jsonl:1: embedding has 2 values, but the reference's first embedding"), f.getMessage());
    }

    @Test
    void aWindowTakesTheRatesOfTheLastMinutesOnly() {
        // three events an hour apart; a 1h window ending with the last event's minute holds only the last one
        Path ref = Fixtures.write(dir, "ref.jsonl", "{\"timestamp\":\"2025-09-01T00:00:00Z\",\"decision\":\"allow\",\"scores\":{\"exact\":0.5}}\n");
        Path cur = Fixtures.write(dir, "cur.jsonl", """
                {"timestamp":"2025-09-30T10:00:30Z","decision":"block","scores":{"exact":0.1}}
                {"timestamp":"2025-09-30T11:00:59Z","decision":"block","scores":{"exact":0.2}}
                {"timestamp":"2025-09-30T12:00:10Z","decision":"allow","scores":{"exact":0.9}}
                {"decision":"block"}
                """);
        DriftSpec hour = DriftSpec.DEFAULTS.withWindow(java.time.Duration.ofHours(1));
        DriftReadout r = DriftAnalysis.run(List.of(TelemetryInput.of(ref)), List.of(TelemetryInput.of(cur)), hour, ReadOptions.STRICT);
        DriftReadout.RateDrift refusal = r.rates().stream().filter(x -> x.metric().equals("refusal")).findFirst().orElseThrow();
        // minutes 11:01 .. 12:00: 11:00:59 lies in minute 11:00, outside
        assertEquals(1, refusal.nCurrent());
        assertEquals(0, refusal.current());
        assertEquals(1, r.window().untimed());
        assertEquals(java.time.Instant.parse("2025-09-30T11:01:00Z").toEpochMilli(), r.window().fromMillis());
        DriftReadout all = DriftAnalysis.run(List.of(TelemetryInput.of(ref)), List.of(TelemetryInput.of(cur)), DriftSpec.DEFAULTS, ReadOptions.STRICT);
        DriftReadout.RateDrift refusalAll = all.rates().stream().filter(x -> x.metric().equals("refusal")).findFirst().orElseThrow();
        assertEquals(4, refusalAll.nCurrent());
        assertEquals(0.75, refusalAll.current());
        DriftReadout.RateDrift exact = all.rates().stream().filter(x -> x.metric().equals("exact")).findFirst().orElseThrow();
        assertEquals(0.4, exact.current(), 1e-15);
        assertEquals(0.5, exact.reference());
    }

    @Test
    void driftSectionOfTheGateFile() {
        DriftSpec s = DriftSpec.fromGateFile(Fixtures.gateFile("drift:\n  psi: {yellow: 0.2, red: 0.3}\n  min_events: 50\n  window: 1h\n"));
        assertEquals(0.2, s.psi().yellow());
        assertEquals(0.20, s.js().red());
        assertEquals(50, s.minEvents());
        assertEquals(java.time.Duration.ofHours(1), s.window());
        BadInputException e = assertThrows(BadInputException.class, () -> DriftSpec.fromGateFile(Fixtures.gateFile(
                "drift:\n  psi: {yellow: 0.3, red: 0.2}\n")));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("red (0.2) must be at least yellow (0.3)"), e.getMessage());
        BadInputException w = assertThrows(BadInputException.class, () -> DriftSpec.fromGateFile(Fixtures.gateFile("drift:\n  window: 1 hour\n")));
        assertEquals(2, w.line());
        BadInputException k = assertThrows(BadInputException.class, () -> DriftSpec.fromGateFile(Fixtures.gateFile("drift:\n  kl: {red: 1}\n")));
        assertTrue(k.getMessage().contains("unknown key 'drift.kl'"), k.getMessage());
    }
}
