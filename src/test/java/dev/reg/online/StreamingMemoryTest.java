package dev.reg.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.testing.TestEnv;
import dev.reg.testing.TestRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers do not hold events: 2,000,000 generated events (a 500 MB JSON Lines stream, gzip)
 * go through {@code reg canary}, {@code reg budget} and {@code reg drift} in a child JVM whose heap
 * is 32 MB, where merely keeping one short string per event does not fit (the control run,
 * {@link HoldEvents}, runs out of memory).
 */
class StreamingMemoryTest {
    static final int EVENTS = 2_000_000;
    static final String HEAP = "-Xmx32m";
    @TempDir
    static Path dir;
    static Path events;
    static Path repo;

    @BeforeAll
    static void generate() throws IOException {
        events = dir.resolve("events.jsonl.gz");
        SplittableRandom rnd = new SplittableRandom(20250930);
        long t0 = Instant.parse("2025-09-01T00:00:00Z").getEpochSecond();
        String[] journeys = {"copilot", "extract", "route"};
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(events), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder sb = new StringBuilder(300);
            for (int i = 0; i < EVENTS; i++) {
                sb.setLength(0);
                sb.append("{\"event_id\":\"e-").append(i).append("\",\"timestamp\":\"").append(Instant.ofEpochSecond(t0 + i))
                        .append("\",\"journey\":\"").append(journeys[i % 3]).append("\",\"arm\":\"")
                        .append(rnd.nextDouble() < 0.5 ? "treatment" : "control").append("\",\"latency_ms\":").append(300 + rnd.nextInt(900))
                        .append(",\"cost_usd\":").append(String.format(Locale.ROOT, "%.5f", 0.004 + 0.006 * rnd.nextDouble()))
                        .append(",\"success\":").append(rnd.nextDouble() < 0.9).append(",\"guardrail\":{\"jailbreak\":")
                        .append(rnd.nextDouble() < 0.002).append(",\"pii\":false},\"scores\":{\"exact\":").append(rnd.nextInt(101) / 100.0)
                        .append(",\"grounded_judge\":").append(3 + rnd.nextInt(21) / 10.0).append("},\"decision\":\"")
                        .append(rnd.nextDouble() < 0.1 ? "block" : "allow").append("\"}\n");
                w.append(sb);
            }
        }
        repo = Files.createDirectories(dir.resolve("repo"));
        TestRegistry reg = TestRegistry.supportCopilot(repo);
        reg.write("registry/gates/support_copilot.yaml", """
                canary:
                  split: 0.5
                  bars:
                    - {metric: grounded_judge, min_uplift: 0.05, relative: true}
                    - {metric: guardrail.jailbreak, no_regression: true}
                slo:
                  objective: 0.95
                  good: success && latency_ms <= 1100
                """);
        reg.commitAll("gate file");
    }

    record Run(int exit, String out, String err) {
    }

    /** reg in a JVM of its own with a 32 MB heap, in the registry. */
    static Run reg(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("-Duser.home=" + TestEnv.home(), "dev.reg.cli.Main", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        return child(cmd);
    }

    static Run child(List<String> mainAndArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(mainAndArgs);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        TestEnv.isolate(pb.environment());
        Process p = pb.start();
        int code = p.waitFor();
        return new Run(code, Files.readString(out), Files.readString(err));
    }

    @Test
    void canaryBudgetAndDriftStreamInASmallHeap() throws Exception {
        assertTrue(Files.size(events) > 20_000_000, "a real file: " + Files.size(events) + " bytes");
        Run canary = reg("canary", "support_copilot", "--events", events.toString(), "--json");
        assertEquals("", canary.err());
        JsonNode c = new ObjectMapper().readTree(canary.out());
        assertEquals(EVENTS, c.at("/arms/control/events").asLong() + c.at("/arms/treatment/events").asLong());
        assertEquals(c.get("verdict").asText().equals("promote") ? 0 : 1, canary.exit(), canary.err());

        Run budget = reg("budget", "support_copilot", "--events", events.toString(), "--json");
        assertEquals("", budget.err());
        JsonNode b = new ObjectMapper().readTree(budget.out());
        assertEquals(EVENTS, b.at("/inputs/0/events").asLong());
        assertEquals(b.get("status").asText().equals("page") || b.get("freeze").asBoolean() ? 1 : 0, budget.exit(), budget.out());

        // drift profiles the 2,000,000 events as its reference (the part that could grow); a small current set
        Path current = Fixtures.write(dir, "current.jsonl", "{\"latency_ms\":500,\"journey\":\"copilot\"}\n".repeat(300));
        Run drift = reg("drift", "support_copilot", "--reference", events.toString(), "--current", current.toString(), "--json");
        assertEquals(1, drift.exit(), drift.err());
        JsonNode d = new ObjectMapper().readTree(drift.out());
        assertEquals(EVENTS, d.at("/reference/events").asLong());
        assertEquals("red", d.at("/fields/0/level").asText()); // journey: all copilot now
    }

    @Test
    void holdingTheEventsWouldNotFit() throws Exception {
        Run hold = child(List.of(HoldEvents.class.getName(), events.toString()));
        assertNotEquals(0, hold.exit(), "keeping a string per event should not fit in " + HEAP + ": " + hold.out());
        assertTrue(hold.err().contains("OutOfMemoryError"), hold.err());
    }

    /** The control: reads the events as the readouts do, but keeps one short string per event. */
    public static final class HoldEvents {
        private HoldEvents() {
        }

        public static void main(String[] args) {
            List<String> held = new ArrayList<>();
            TelemetryReader.read(List.of(TelemetryInput.of(Path.of(args[0]))), ReadOptions.STRICT,
                    e -> held.add(e.eventId() + " " + e.latencyMs() + " " + e.journey()));
            System.out.println(held.size() + " events held");
        }
    }
}
