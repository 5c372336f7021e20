package dev.reg.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading telemetry: what an event holds, plain and gzip files, and every kind of malformed line. */
class TelemetryReaderTest {
    @TempDir
    Path dir;

    static final String GOOD = """
            {"event_id":"a","timestamp":"2025-09-30T12:00:00Z","journey":"copilot","arm":"control","release":3,"latency_ms":734,"cost_usd":0.0068,"success":true,"guardrail":{"toxicity":false,"pii":false,"jailbreak":false},"scores":{"exact":0.82,"grounded_judge":4.4},"decision":"allow","embedding":[0.12,-0.03,0.5,1],"citations":["doc://kb/42"],"http_status":200}
            {"event_id":"b","timestamp":"2025-09-30T14:00:00.250+02:00","arm":"treatment","release":"4","latency_ms":null,"success":false,"guardrail":{"jailbreak":true},"scores":{"exact":0.5},"severity":"sev2"}

            {"event_id":"c","timestamp":"2025-09-30T12:00:01Z","arm":"control"}
            """;

    List<String> read(Path file, ReadOptions options) {
        List<String> out = new ArrayList<>();
        TelemetryReader.read(List.of(new TelemetryInput(file, file.getFileName().toString(), null)), options, e -> out.add(
                e.eventId() + " line " + e.line() + " latency " + e.latencyMs() + " success " + e.success() + " jailbreak " + e.guardrail("jailbreak")
                        + " exact " + e.score("exact") + " judge " + e.score("grounded_judge") + " emb " + e.embeddingLength() + " t "
                        + (e.hasTimestamp() ? e.timestampMillis() : "-") + " release " + e.release() + " status " + e.extra("http_status")));
        return out;
    }

    @Test
    void readsEventsAndKeepsAbsentFieldsAbsent() {
        Path f = Fixtures.write(dir, "events.jsonl", GOOD);
        List<String> events = read(f, ReadOptions.STRICT);
        long t1 = OffsetDateTime.parse("2025-09-30T12:00:00Z").toInstant().toEpochMilli();
        assertEquals(List.of(
                "a line 1 latency 734.0 success 1 jailbreak 0 exact 0.82 judge 4.4 emb 4 t " + t1 + " release 3 status 200.0",
                "b line 2 latency NaN success 0 jailbreak 1 exact 0.5 judge NaN emb -1 t " + (t1 + 250) + " release 4 status null",
                "c line 4 latency NaN success -1 jailbreak -1 exact NaN judge NaN emb -1 t " + (t1 + 1000) + " release null status null"), events);
    }

    @Test
    void absentValuesDoNotCountInAMetricsN() {
        Path f = Fixtures.write(dir, "events.jsonl", GOOD);
        CanaryAccumulator acc = new CanaryAccumulator(ArmSource.ARM_FIELD);
        TelemetryReader.read(List.of(TelemetryInput.of(f)), ReadOptions.STRICT, acc);
        assertEquals(2, acc.control().events());
        assertEquals(1, acc.control().metric(MetricId.LATENCY).n()); // event c has no latency: not a 0
        assertEquals(1, acc.control().metric(MetricId.SUCCESS).n());
        assertNull(acc.treatment().metric(MetricId.LATENCY)); // latency_ms: null is absent
        assertEquals(1, acc.treatment().metric(MetricId.guardrailFlag("jailbreak")).n());
        assertNull(acc.treatment().metric(MetricId.guardrailFlag("pii")));
    }

    @Test
    void gzipIsRecognisedByItsBytesNotItsName() throws IOException {
        Path gz = dir.resolve("really-gzip.jsonl");
        Files.write(gz, gzip(GOOD));
        Path plain = Fixtures.write(dir, "not-gzip.jsonl.gz", GOOD);
        assertEquals(read(Fixtures.write(dir, "ref.jsonl", GOOD), ReadOptions.STRICT), read(gz, ReadOptions.STRICT));
        assertEquals(3, read(plain, ReadOptions.STRICT).size());
        ReadResult r = TelemetryReader.read(List.of(TelemetryInput.of(gz), TelemetryInput.of(plain)), ReadOptions.STRICT, e -> { });
        assertTrue(r.inputs().get(0).gzip());
        assertFalse(r.inputs().get(1).gzip());
        assertEquals(sha256(Files.readAllBytes(gz)), r.inputs().get(0).sha256());
        assertEquals(Files.size(gz), r.inputs().get(0).bytes());
        assertEquals(4, r.inputs().get(0).lines());
        assertEquals(3, r.inputs().get(0).events());
        assertEquals(6, r.events());
    }

    @Test
    void windowsLineEndsAndAMissingFinalNewlineAreFine() {
        Path f = Fixtures.write(dir, "crlf.jsonl", "{\"event_id\":\"x\"}\r\n  \r\n{\"event_id\":\"y\"}");
        assertEquals(2, read(f, ReadOptions.STRICT).size());
    }

    static void refused(Path file, int line, String fragment) {
        BadInputException e = assertThrows(BadInputException.class, () -> TelemetryReader.read(List.of(TelemetryInput.of(file)), ReadOptions.STRICT,
                x -> { }));
        assertEquals(file.toString(), e.file().orElseThrow());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.detail().contains(fragment), e.getMessage());
    }

    @Test
    void malformedLinesNameFileAndLine() throws IOException {
        String ok = "{\"event_id\":\"ok\",\"embedding\":[1,2,3,4]}\n";
        refused(Fixtures.write(dir, "truncated.jsonl", ok + "{\"event_id\":\"t\",\"latency_ms\":73\n"), 2, "truncated JSON");
        refused(Fixtures.write(dir, "cut.jsonl", ok + ok + "{\"event_id\":\"t\",\"scores\":{\"exact\":0.5"), 3, "truncated JSON");
        refused(Fixtures.write(dir, "text.jsonl", ok + "this is not JSON\n"), 2, "invalid JSON");
        refused(Fixtures.write(dir, "array.jsonl", "[1,2]\n"), 1, "expected a JSON object");
        refused(Fixtures.write(dir, "two.jsonl", ok + "{} {}\n"), 2, "more than one JSON value");
        refused(Fixtures.write(dir, "nan.jsonl", ok + "{\"latency_ms\":NaN}\n"), 2, "NaN and Infinity are not JSON numbers");
        refused(Fixtures.write(dir, "inf.jsonl", ok + "{\"latency_ms\":-Infinity}\n"), 2, "NaN and Infinity are not JSON numbers");
        refused(Fixtures.write(dir, "huge.jsonl", ok + "{\"cost_usd\":1e999}\n"), 2, "cost_usd: 1e999 is not a finite number");
        refused(Fixtures.write(dir, "type.jsonl", ok + "{\"latency_ms\":\"734\"}\n"), 2, "latency_ms: expected a number, found a string");
        refused(Fixtures.write(dir, "flag.jsonl", ok + "{\"guardrail\":{\"pii\":\"no\"}}\n"), 2, "guardrail.pii: expected true or false");
        refused(Fixtures.write(dir, "score.jsonl", ok + "{\"scores\":{\"exact\":\"high\"}}\n"), 2, "scores.exact: expected a number");
        refused(Fixtures.write(dir, "succ.jsonl", ok + "{\"success\":1}\n"), 2, "success: expected true or false, found a number");
        refused(Fixtures.write(dir, "emb.jsonl", ok + ok + "{\"embedding\":[1,2,3]}\n"), 3,
                "embedding has 3 values, but this file's first embedding (line 1) has 4");
        refused(Fixtures.write(dir, "embtype.jsonl", "{\"embedding\":[1,\"x\"]}\n"), 1, "embedding[1]: expected a number");
        refused(Fixtures.write(dir, "time.jsonl", ok + "{\"timestamp\":\"2025-09-30 12:00:00\"}\n"), 2, "timestamp: expected an ISO-8601");
        refused(Fixtures.write(dir, "nooffset.jsonl", "{\"timestamp\":\"2025-09-30T12:00:00\"}\n"), 1, "with offset");
        refused(Fixtures.write(dir, "feb30.jsonl", "{\"timestamp\":\"2025-02-30T12:00:00Z\"}\n"), 1, "timestamp");
        Path gz = dir.resolve("short.jsonl.gz");
        byte[] full = gzip(ok.repeat(2000));
        Files.write(gz, java.util.Arrays.copyOf(full, full.length / 2));
        BadInputException e = assertThrows(BadInputException.class, () -> TelemetryReader.read(List.of(TelemetryInput.of(gz)), ReadOptions.STRICT,
                x -> { }));
        assertTrue(e.getMessage().contains("the gzip stream ends early"), e.getMessage());
        refused(dir.resolve("missing.jsonl"), 0, "not found");
    }

    @Test
    void aSinkThatReadsLessStillHasEveryLineChecked() {
        // the canary reads no strings and no embedding values, yet a wrong type or length there is still an error
        CanaryAccumulator acc = new CanaryAccumulator(ArmSource.FILES);
        assertTrue(acc.reads().isEmpty());
        Path type = Fixtures.write(dir, "journey.jsonl", "{\"journey\":\"copilot\"}\n{\"journey\":5}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> TelemetryReader.read(List.of(new TelemetryInput(type, "journey.jsonl",
                Arm.CONTROL)), ReadOptions.STRICT, acc));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("journey: expected a string, found a number"), e.getMessage());
        Path emb = Fixtures.write(dir, "emb.jsonl", "{\"embedding\":[1,2]}\n{\"embedding\":[1,2,3]}\n");
        BadInputException f = assertThrows(BadInputException.class, () -> TelemetryReader.read(List.of(new TelemetryInput(emb, "emb.jsonl",
                Arm.CONTROL)), ReadOptions.STRICT, acc));
        assertTrue(f.getMessage().contains("embedding has 3 values"), f.getMessage());
        // what it does not read reads as absent
        List<String> seen = new ArrayList<>();
        TelemetryReader.read(List.of(TelemetryInput.of(type)), ReadOptions.skipping(1), EventSink.reading(java.util.Set.of(), x -> seen.add(x.journey())));
        assertEquals(java.util.Collections.singletonList(null), seen);
    }

    @Test
    void embeddingLengthIsFixedPerFileNotAcrossFiles() {
        Path a = Fixtures.write(dir, "a.jsonl", "{\"embedding\":[1,2,3,4]}\n");
        Path b = Fixtures.write(dir, "b.jsonl", "{\"embedding\":[1,2]}\n{\"embedding\":[3,4]}\n");
        assertEquals(3, TelemetryReader.read(List.of(TelemetryInput.of(a), TelemetryInput.of(b)), ReadOptions.STRICT, e -> { }).events());
    }

    @Test
    void aSkipBudgetSkipsAndCountsUpToNAndTheNextIsAnError() {
        Path f = Fixtures.write(dir, "bad.jsonl", "{\"event_id\":\"1\"}\nnot json\n{\"event_id\":\"2\"}\n{\"latency_ms\":NaN}\n{\"event_id\":\"3\"}\n");
        ReadResult r = TelemetryReader.read(List.of(TelemetryInput.of(f)), ReadOptions.skipping(2), e -> { });
        assertEquals(3, r.events());
        assertEquals(2, r.skipped());
        assertEquals(List.of(2L, 4L), r.skippedSamples().stream().map(SkippedLine::line).toList());
        assertTrue(r.skippedSamples().get(0).reason().startsWith("invalid JSON"));
        assertEquals(2, r.inputs().get(0).skipped());
        BadInputException e = assertThrows(BadInputException.class, () -> TelemetryReader.read(List.of(TelemetryInput.of(f)), ReadOptions.skipping(1),
                x -> { }));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("the budget of 1 skipped malformed lines is used up"), e.getMessage());
        // the budget spans files
        Path g = Fixtures.write(dir, "bad2.jsonl", "oops\n");
        assertThrows(BadInputException.class, () -> TelemetryReader.read(List.of(TelemetryInput.of(f), TelemetryInput.of(g)), ReadOptions.skipping(2),
                x -> { }));
    }

    @Test
    void timestampsParseLikeOffsetDateTime() {
        for (String t : new String[] {"2025-09-30T12:00:00Z", "2025-09-30T12:00:00.1Z", "2025-09-30T12:00:00.123456789Z", "2024-02-29T23:59:59-07:30",
            "1969-12-31T23:59:59.999Z", "2025-09-30T12:00+02:00", "2025-09-30T12:00:00+0530"}) {
            char[] c = t.toCharArray();
            long expected;
            try {
                expected = OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (java.time.format.DateTimeParseException x) {
                expected = IsoTimestamps.INVALID;
            }
            assertEquals(expected, IsoTimestamps.parse(c, 0, c.length), t);
        }
    }

    @Test
    void anArmWithoutEventsIsBadInputNamingTheFiles() {
        Path c = Fixtures.write(dir, "control.jsonl", "{\"scores\":{\"exact\":0.5}}\n".repeat(3));
        Path t = Fixtures.write(dir, "treatment.jsonl", "\n");
        CanarySpec spec = CanaryFixtureTest.spec("canary:\n  split: 0.5\n  bars: [{metric: exact, min_uplift: 0.01}]\n");
        BadInputException e = assertThrows(BadInputException.class, () -> CanaryAnalysis.run(spec, List.of(new TelemetryInput(c, "control.jsonl",
                Arm.CONTROL), new TelemetryInput(t, "treatment.jsonl", Arm.TREATMENT)), ArmSource.FILES, ReadOptions.STRICT));
        assertEquals("treatment.jsonl", e.file().orElseThrow());
        assertTrue(e.getMessage().contains("the treatment arm has no events in treatment.jsonl"), e.getMessage());
        // by the arm field: events with another arm value belong to neither arm and are said so
        Path mixed = Fixtures.write(dir, "mixed.jsonl", "{\"arm\":\"control\"}\n{\"arm\":\"canary\"}\n");
        BadInputException f = assertThrows(BadInputException.class, () -> CanaryAnalysis.run(spec, List.of(TelemetryInput.of(mixed)),
                ArmSource.ARM_FIELD, ReadOptions.STRICT));
        assertTrue(f.getMessage().contains("1 events belonged to neither arm"), f.getMessage());
    }

    @Test
    void armsFromTheReleaseField() {
        Path f = Fixtures.write(dir, "rel.jsonl", "{\"release\":3,\"latency_ms\":10}\n{\"release\":\"4\",\"latency_ms\":20}\n{\"release\":5}\n");
        CanaryAccumulator acc = new CanaryAccumulator(ArmSource.byRelease("3", "4"));
        TelemetryReader.read(List.of(TelemetryInput.of(f)), ReadOptions.STRICT, acc);
        assertEquals(1, acc.control().events());
        assertEquals(1, acc.treatment().events());
        assertEquals(1, acc.unassigned());
        assertEquals(20, acc.treatment().metric(MetricId.LATENCY).mean());
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
