package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.online.DriftJson;
import dev.reg.online.ReadOptions;
import dev.reg.online.RecordedProfiles;
import dev.reg.online.ReferenceProfiler;
import dev.reg.online.TelemetryInput;
import dev.reg.testing.Golden;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reg canary}, {@code reg canary plan}, {@code reg drift} and {@code reg budget} as a user
 * runs them, on a real registry whose gate files are committed: text and JSON pinned by golden files,
 * every exit code, bad input (exit 2 naming the file and line), and a repository left exactly as it
 * was. The statistics themselves are checked against numpy and scipy in dev.reg.online's tests; here
 * the readouts come from the same committed fixtures (src/test/resources/online) and from events
 * generated below with a fixed seed.
 */
class OnlineCommandsTest {
    static final String WF = "support_copilot";
    static final String GATE = """
            gates:
              - {metric: exact, agg: mean, min: 0.8}
            canary:
              split: 0.20
              min_events: 200
              bars:
                - {metric: grounded_judge, min_uplift: 0.01, relative: true}
                - {metric: cost_usd, max_increase: 0.15, relative: true}
                - {metric: guardrail.jailbreak, no_regression: true}
                - {metric: grounded_judge, stop_loss: -0.05, relative: true}
                - {metric: success, min_uplift: -0.03, baseline: 0.88}
            drift:
              psi: {yellow: 0.10, red: 0.25}
              min_events: 100
            slo:
              objective: 0.95
              window: 30d
              good: success && latency_ms <= 1100
            """;
    /** The control arm's fixture file (1,200 events, plain), the treatment's (300, gzip), drift's reference and current set. */
    static final String CONTROL = "../telemetry/control.jsonl";
    static final String TREATMENT = "../telemetry/treatment.jsonl.gz";
    static final String REFERENCE = "../telemetry/reference.jsonl";
    static final String CURRENT = "../telemetry/current.jsonl.gz";
    /** Both arms in one file with arm and release fields (control: release 3, treatment: release 4), generated. */
    static final String ARMS = "../telemetry/arms.jsonl";
    /** 30 days of events every 10 minutes, the last day 20 % bad; and a last hour of bad events. */
    static final String HISTORY = "../telemetry/history.jsonl";
    static final String BURST = "../telemetry/burst.jsonl";

    @TempDir
    static Path tmp;
    static TestRegistry reg;

    @BeforeAll
    static void registry() throws IOException {
        Path telemetry = Files.createDirectories(tmp.resolve("telemetry"));
        copy("canary-control.jsonl", telemetry.resolve("control.jsonl"));
        copy("canary-treatment.jsonl.gz", telemetry.resolve("treatment.jsonl.gz"));
        copy("drift-reference.jsonl", telemetry.resolve("reference.jsonl"));
        copy("drift-current.jsonl.gz", telemetry.resolve("current.jsonl.gz"));
        Files.writeString(telemetry.resolve("arms.jsonl"), armEvents());
        Files.writeString(telemetry.resolve("history.jsonl"), history());
        Files.writeString(telemetry.resolve("burst.jsonl"), burst());
        reg = registry(tmp.resolve("repo"));
    }

    /** A support_copilot registry with the online sections committed, and two more workflows: contradictory bars, no online sections. */
    static TestRegistry registry(Path dir) throws IOException {
        Files.createDirectories(dir);
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.write("registry/registry.yaml", """
                registry: 1
                workflows:
                  support_copilot:
                    components: [model/cust-copilot, prompt/billing_refund, dataset/golden]
                    gate: gates/support_copilot.yaml
                  contradictory:
                    components: [model/cust-copilot, prompt/billing_refund, dataset/golden]
                    gate: gates/contradictory.yaml
                  offline_only:
                    components: [model/cust-copilot, prompt/billing_refund, dataset/golden]
                    gate: gates/offline_only.yaml
                """);
        r.write("registry/gates/support_copilot.yaml", GATE);
        r.write("registry/gates/contradictory.yaml", """
                canary:
                  split: 0.20
                  bars:
                    - {metric: cost_usd, max_increase: 0.05, relative: true}
                    - {metric: cost_usd, min_uplift: 0.10, relative: true}
                """);
        r.write("registry/gates/offline_only.yaml", "gates:\n  - {metric: exact, agg: mean, min: 0.8}\n");
        r.commitAll("gate files with the online sections");
        return r;
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = OnlineCommandsTest.class.getResourceAsStream("/online/" + resource)) {
            Files.copy(in, to);
        }
    }

    /**
     * 1,600 control and 400 treatment events (the planned 20 %), every fifth a treatment event, whose
     * grounded_judge is 0.5 lower (about -12 %, beyond the -5 % stop-loss); plus one event of release
     * 5 with arm shadow, which belongs to neither arm.
     */
    static String armEvents() {
        SplittableRandom rnd = new SplittableRandom(20261120);
        Instant t0 = Instant.parse("2026-11-19T00:00:00Z");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            boolean treatment = i % 5 == 0;
            double judge = (treatment ? 3.7 : 4.2) + (rnd.nextInt(11) - 5) / 10.0;
            sb.append(String.format(Locale.ROOT, "{\"event_id\":\"e-%04d\",\"timestamp\":\"%s\",\"arm\":\"%s\",\"release\":%d,\"latency_ms\":%d,"
                    + "\"cost_usd\":%.5f,\"success\":%s,\"guardrail\":{\"jailbreak\":false},\"scores\":{\"grounded_judge\":%.1f}}%n", i,
                    t0.plusSeconds(60L * i), treatment ? "treatment" : "control", treatment ? 4 : 3, 300 + rnd.nextInt(600),
                    0.004 + 0.004 * rnd.nextDouble(), rnd.nextInt(10) < 9, judge));
        }
        sb.append("{\"event_id\":\"e-shadow\",\"timestamp\":\"2026-11-20T09:00:00Z\",\"arm\":\"shadow\",\"release\":5,\"latency_ms\":500}\n");
        return sb.toString();
    }

    static final Instant HISTORY_END = Instant.parse("2026-11-20T10:00:00Z");

    /** An event every 10 minutes for 30 days up to 2026-11-20T10:00Z; in the last day every fifth is a failure. */
    static String history() {
        StringBuilder sb = new StringBuilder();
        int n = 30 * 144;
        for (int i = 0; i < n; i++) {
            Instant t = HISTORY_END.minus(Duration.ofMinutes(10L * (n - 1 - i)));
            boolean lastDay = i >= n - 144;
            boolean good = !(lastDay && i % 5 == 0);
            sb.append("{\"timestamp\":\"").append(t).append("\",\"success\":").append(good).append(",\"latency_ms\":").append(good ? 480 : 2300)
                    .append("}\n");
        }
        return sb.toString();
    }

    /** An event a minute in the last hour, every one a failure: a page-level burn. */
    static String burst() {
        StringBuilder sb = new StringBuilder();
        for (int i = 59; i >= 0; i--) {
            sb.append("{\"timestamp\":\"").append(HISTORY_END.minus(Duration.ofMinutes(i))).append("\",\"success\":false}\n");
        }
        return sb.toString();
    }

    static RegCli.Result reg(String... args) {
        return reg.reg(args);
    }

    /** Runs reg and checks that the repository is byte for byte as it was. */
    static RegCli.Result readOnly(String... args) {
        Map<String, String> before = reg.snapshot();
        RegCli.Result r = reg(args);
        reg.assertUnchangedSince(before);
        return r;
    }

    static void golden(String name, RegCli.Result r) {
        Golden.assertMatches("outputs/" + name, "exit " + r.exit() + "\n" + normalise(r.out()) + (r.err().isEmpty() ? "" : "--- stderr\n"
                + normalise(r.err())));
    }

    /** Replaces what changes from run to run (the temporary folder, commit ids); nothing else. */
    static String normalise(String s) {
        return s.replace(tmp.toString(), "<tmp>").replaceAll("\\b[0-9a-f]{40}\\b", "<commit>").replaceAll("\\b[0-9a-f]{12}\\b", "<short>");
    }

    static JsonNode json(RegCli.Result r) {
        try {
            return new ObjectMapper().readTree(r.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- canary

    @Test
    void canaryPromotesAndExitsZero() {
        RegCli.Result r = readOnly("canary", WF, "--control", CONTROL, "--treatment", TREATMENT);
        golden("canary.txt", r);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("canary support_copilot: gate file registry/gates/support_copilot.yaml as committed at HEAD ("), r.out());
        assertTrue(r.out().contains("verdict: PROMOTE"), r.out());
    }

    @Test
    void canaryJson() {
        RegCli.Result r = readOnly("canary", WF, "--control", CONTROL, "--treatment", TREATMENT, "--json");
        golden("canary.json", r);
        JsonNode j = json(r);
        assertEquals("reg.canary/1", j.get("format").asText());
        assertEquals("promote", j.get("verdict").asText());
        assertEquals(1200, j.at("/arms/control/events").asLong());
        assertEquals(300, j.at("/arms/treatment/events").asLong());
        assertEquals(WF, j.get("workflow").asText());
        assertEquals("registry/gates/support_copilot.yaml", j.at("/gate_file/path").asText());
        assertEquals(reg.git("rev-parse", "HEAD").strip(), j.at("/gate_file/commit").asText());
        assertEquals("HEAD", j.at("/gate_file/read_from").asText());
    }

    @Test
    void canaryWritesJUnitOutsideTheRepository() throws IOException {
        Path xml = tmp.resolve("canary-junit.xml");
        RegCli.Result r = readOnly("canary", WF, "--control", CONTROL, "--treatment", TREATMENT, "--junit", xml.toString());
        assertEquals(0, r.exit(), r.all());
        String text = Files.readString(xml);
        Golden.assertMatches("outputs/canary-junit.xml", normalise(text));
        assertEquals(6, text.split("<testcase ", -1).length - 1, "the sample ratio and five bars");
        assertTrue(text.contains("failures=\"0\""), text);
    }

    /** The same file split by the arm field and by the release field gives the same readout; the shadow event is in neither arm. */
    @Test
    void canaryByArmFieldRollsBackAndExitsOne() throws IOException {
        Path xml = tmp.resolve("rollback-junit.xml");
        RegCli.Result byArm = readOnly("canary", WF, "--events", ARMS, "--junit", xml.toString());
        golden("canary-by-arm.txt", byArm);
        assertEquals(1, byArm.exit(), byArm.all());
        String junit = Files.readString(xml);
        assertTrue(junit.contains("<testsuite name=\"reg canary support_copilot: rollback\" tests=\"6\" failures=\"2\""), junit);
        assertTrue(junit.contains("<failure message=\"grounded_judge stop_loss -5% (relative): -12.37% [-13.18%, -11.57%] lies entirely beyond"), junit);
        assertTrue(byArm.out().contains("verdict: ROLLBACK"), byArm.out());
        assertTrue(byArm.out().contains("in neither arm 1"), byArm.out());

        RegCli.Result json = readOnly("canary", WF, "--events", ARMS, "--json");
        golden("canary-by-arm.json", json);
        RegCli.Result byRelease = readOnly("canary", WF, "--events", ARMS, "--control-release", "3", "--treatment-release", "4", "--json");
        assertEquals(1, byRelease.exit(), byRelease.all());
        JsonNode a = json(json);
        JsonNode b = json(byRelease);
        assertEquals(a.get("metrics"), b.get("metrics"));
        assertEquals(a.get("verdict"), b.get("verdict"));
        assertEquals("rollback", b.get("verdict").asText());
        assertEquals(1, b.at("/arms/unassigned").asLong());
        assertEquals("by the events' release field (control 3, treatment 4)", b.at("/arms/assigned").asText());
    }

    @Test
    void canaryWithTooFewEventsContinuesAndExitsOne() {
        // the first 500 events: 400 control, 100 treatment, below min_events 200 in the treatment arm
        Path few = tmp.resolve("telemetry/few.jsonl");
        write(few, String.join("\n", armEvents().lines().limit(500).toList()) + "\n");
        RegCli.Result r = readOnly("canary", WF, "--events", "../telemetry/few.jsonl", "--json");
        assertEquals(1, r.exit(), r.all());
        assertEquals("continue", json(r).get("verdict").asText());
        assertTrue(json(r).get("reasons").get(0).asText().startsWith("too few events: control 400, treatment 100"), r.out());
    }

    @Test
    void canaryPlanText() {
        RegCli.Result r = readOnly("canary", "plan", WF, "--control", CONTROL);
        golden("canary-plan.txt", r);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("canary plan support_copilot: gate file registry/gates/support_copilot.yaml as committed at HEAD"), r.out());
    }

    @Test
    void canaryPlanJson() {
        RegCli.Result r = readOnly("canary", "plan", WF, "--control", CONTROL, "--json");
        golden("canary-plan.json", r);
        assertEquals(0, r.exit(), r.all());
        JsonNode j = json(r);
        assertEquals("reg.canary-plan/1", j.get("format").asText());
        assertEquals("control events", j.at("/bars/0/baseline_source").asText());
        assertEquals("bar", j.at("/bars/4/baseline_source").asText());
    }

    @Test
    void canaryPlanWithoutControlEventsUsesTheBarsOwnBaselines() {
        RegCli.Result r = readOnly("canary", "plan", WF, "--json");
        assertEquals(0, r.exit(), r.all());
        JsonNode j = json(r);
        assertTrue(j.at("/bars/0/note").asText().contains("needs the control's mean"), r.out());
        assertEquals("bar", j.at("/bars/4/baseline_source").asText());
        assertTrue(j.at("/bars/4/events/control").asLong() > 0, r.out());
    }

    /** The design is what is committed: an edited, uncommitted gate file is not used, and the user is told. */
    @Test
    void canaryJudgesAgainstTheCommittedGateFile(@TempDir Path dir) throws IOException {
        TestRegistry own = registry(dir.resolve("repo"));
        Files.createDirectories(dir.resolve("telemetry"));
        copy("canary-control.jsonl", dir.resolve("telemetry/control.jsonl"));
        copy("canary-treatment.jsonl.gz", dir.resolve("telemetry/treatment.jsonl.gz"));
        // a cost cut of 10 % would be needed: the interval [-7.1 %, +11.1 %] lies entirely above it
        own.write("registry/gates/support_copilot.yaml", GATE.replace("max_increase: 0.15", "max_increase: -0.10"));
        Map<String, String> before = own.snapshot();
        RegCli.Result r = own.reg("canary", WF, "--control", CONTROL, "--treatment", TREATMENT);
        own.assertUnchangedSince(before);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("verdict: PROMOTE"), r.out());
        assertEquals("reg: registry/gates/support_copilot.yaml has uncommitted changes; the readout uses the version committed at HEAD "
                + "(commit the file to change the canary: section)\n", r.err());

        own.commitAll("tighten the cost bar");
        RegCli.Result after = own.reg("canary", WF, "--control", CONTROL, "--treatment", TREATMENT);
        assertEquals(1, after.exit(), after.all());
        assertTrue(after.out().contains("verdict: HOLD"), after.out());
        assertEquals("", after.err());
    }

    // ---------------------------------------------------------------- drift

    @Test
    void driftRedExitsOne() {
        RegCli.Result r = readOnly("drift", WF, "--reference", REFERENCE, "--current", CURRENT, "--window", "1h");
        golden("drift.txt", r);
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().startsWith("drift support_copilot: gate file registry/gates/support_copilot.yaml as committed at HEAD"), r.out());
        assertTrue(r.out().contains("drift: RED"), r.out());
        assertTrue(r.out().contains("rates over the last 1h:"), r.out());
    }

    @Test
    void driftJson() {
        RegCli.Result r = readOnly("drift", WF, "--reference", REFERENCE, "--current", CURRENT, "--window", "1h", "--json");
        golden("drift.json", r);
        JsonNode j = json(r);
        assertEquals("reg.drift/1", j.get("format").asText());
        assertEquals("red", j.get("level").asText());
        assertEquals("1h", j.at("/window/length").asText());
        assertEquals(100, j.at("/thresholds/min_events").asLong());
        assertEquals("drift", j.at("/gate_file/section").asText());
    }

    @Test
    void driftGreenAndUnknownExitZero() {
        RegCli.Result same = readOnly("drift", WF, "--reference", REFERENCE, "--current", REFERENCE, "--json");
        assertEquals(0, same.exit(), same.all());
        assertEquals("green", json(same).get("level").asText());

        // 40 current events: below min_events 100 in every field, so unknown, never red
        Path few = tmp.resolve("telemetry/current-few.jsonl");
        write(few, "{\"journey\":\"route\",\"latency_ms\":9000,\"decision\":\"block\"}\n".repeat(40));
        RegCli.Result unknown = readOnly("drift", WF, "--reference", REFERENCE, "--current", "../telemetry/current-few.jsonl", "--json");
        assertEquals(0, unknown.exit(), unknown.all());
        assertEquals("unknown", json(unknown).get("level").asText());
    }

    @Test
    void driftWithoutADriftSectionUsesTheDefaultsAndSaysSo() {
        RegCli.Result r = readOnly("drift", "offline_only", "--reference", REFERENCE, "--current", CURRENT);
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().startsWith("drift offline_only: default thresholds: the gate file registry/gates/offline_only.yaml as committed at HEAD ("),
                r.out());
        assertTrue(r.out().contains(") has no drift: section\n"), r.out());
    }

    @Test
    void driftAgainstARecordedReferenceNeedsOne() {
        RegCli.Result r = readOnly("drift", WF, "--reference-release", "1", "--current", CURRENT);
        assertEquals(2, r.exit(), r.all());
        assertEquals("reg: no recorded reference for release 1 (record one with reg drift support_copilot --reference FILE… --current FILE… --record): "
                + "registry/online/support_copilot/drift-profile-release-1.json is not committed\n", r.err());
        assertEquals("", r.out());
    }

    /** A profile committed where RecordedProfiles reads it gives the same drift as the reference files it was made from. */
    @Test
    void driftAgainstARecordedReferenceEqualsTheFiles(@TempDir Path dir) throws IOException {
        TestRegistry own = registry(dir.resolve("repo"));
        Path telemetry = Files.createDirectories(dir.resolve("telemetry"));
        copy("drift-reference.jsonl", telemetry.resolve("reference.jsonl"));
        copy("drift-current.jsonl.gz", telemetry.resolve("current.jsonl.gz"));
        String profile = DriftJson.profile(ReferenceProfiler.profile(List.of(TelemetryInput.typed(own.root(), Path.of(REFERENCE), null)),
                ReadOptions.STRICT));
        own.write(RecordedProfiles.path(WF, 1), profile);
        RegCli.Result uncommitted = own.reg("drift", WF, "--reference-release", "1", "--current", CURRENT);
        assertEquals(2, uncommitted.exit(), "a profile that is not committed is not read: " + uncommitted.all());
        own.commitAll("record the reference of release 1");

        Map<String, String> before = own.snapshot();
        RegCli.Result recorded = own.reg("drift", WF, "--reference-release", "1", "--current", CURRENT, "--json");
        own.assertUnchangedSince(before);
        RegCli.Result files = own.reg("drift", WF, "--reference", REFERENCE, "--current", CURRENT, "--json");
        assertEquals(1, recorded.exit(), recorded.all());
        JsonNode a = json(recorded);
        JsonNode b = json(files);
        for (String part : List.of("fields", "embedding", "level", "rates", "reference")) {
            assertEquals(b.get(part), a.get(part), part);
        }

        own.write(RecordedProfiles.path(WF, 2), profile.replace("\"counts\" : [ ", "\"counts\" : [ 1, "));
        own.commitAll("a profile whose counts do not add up");
        RegCli.Result broken = own.reg("drift", WF, "--reference-release", "2", "--current", CURRENT);
        assertEquals(2, broken.exit(), broken.all());
        assertTrue(broken.err().startsWith("reg: registry/online/support_copilot/drift-profile-release-2.json: "), broken.err());
        assertTrue(broken.err().contains("the counts add up to"), broken.err());
    }

    // ---------------------------------------------------------------- budget

    @Test
    void budgetPageExitsOne() {
        RegCli.Result r = readOnly("budget", WF, "--events", HISTORY, "--events", BURST);
        golden("budget.txt", r);
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("error budget: PAGE\n"), r.out());
    }

    @Test
    void budgetJson() {
        RegCli.Result r = readOnly("budget", WF, "--events", HISTORY, "--events", BURST, "--json");
        golden("budget.json", r);
        JsonNode j = json(r);
        assertEquals("reg.budget/1", j.get("format").asText());
        assertEquals("page", j.get("status").asText());
        assertFalse(j.get("freeze").asBoolean());
        assertEquals("slo", j.at("/gate_file/section").asText());
    }

    @Test
    void budgetTicketExitsZeroAndAnExhaustedBudgetExitsOne() {
        RegCli.Result ticket = readOnly("budget", WF, "--events", HISTORY, "--json");
        assertEquals(0, ticket.exit(), ticket.all());
        assertEquals("ticket", json(ticket).get("status").asText());
        assertFalse(json(ticket).get("freeze").asBoolean());

        // the fixture's control arm: a fifth of its events are bad against a 5 % budget, so it is spent, though no page fires
        RegCli.Result exhausted = readOnly("budget", WF, "--events", CONTROL, "--json");
        assertEquals(1, exhausted.exit(), exhausted.all());
        assertTrue(json(exhausted).get("freeze").asBoolean(), exhausted.out());
        assertEquals("ticket", json(exhausted).get("status").asText());
    }

    @Test
    void budgetOkAndUnknownExitZero() {
        RegCli.Result ok = readOnly("budget", WF, "--events", HISTORY, "--now", "2026-11-19T09:00Z", "--json");
        assertEquals(0, ok.exit(), ok.all());
        assertEquals("ok", json(ok).get("status").asText());
        assertEquals(150, json(ok).get("after_now").asLong(), "the events of the 25 hours after --now are left out");

        RegCli.Result unknown = readOnly("budget", WF, "--events", HISTORY, "--now", "2020-01-01T00:00Z");
        assertEquals(0, unknown.exit(), unknown.all());
        assertTrue(unknown.out().contains("error budget: UNKNOWN\n"), unknown.out());
    }

    // ---------------------------------------------------------------- bad input

    /** One malformed telemetry line of each kind: exit 2 naming the file and line; nothing written. */
    @Test
    void malformedTelemetryIsBadInputNamingFileAndLine() {
        String good = "{\"arm\":\"control\",\"latency_ms\":500,\"embedding\":[0.1,0.2,0.3,0.4]}\n";
        List<String[]> cases = List.of(
                new String[] {"truncated.jsonl", good + good + "{\"arm\":\"treatment\",\"latency_ms\":", "truncated.jsonl:3: "},
                new String[] {"nan.jsonl", good + "{\"arm\":\"treatment\",\"latency_ms\":NaN}\n", "nan.jsonl:2: "},
                new String[] {"embedding.jsonl", good + good + good + "{\"arm\":\"treatment\",\"embedding\":[0.1,0.2,0.3]}\n", "embedding.jsonl:4: "});
        for (String[] c : cases) {
            write(tmp.resolve("telemetry/" + c[0]), c[1]);
            for (List<String> args : List.of(List.of("canary", WF, "--events", "../telemetry/" + c[0]),
                    List.of("drift", WF, "--reference", REFERENCE, "--current", "../telemetry/" + c[0]),
                    List.of("budget", WF, "--events", "../telemetry/" + c[0]))) {
                RegCli.Result r = readOnly(args.toArray(String[]::new));
                assertEquals(2, r.exit(), args + ": " + r.all());
                assertTrue(r.err().startsWith("reg: ../telemetry/" + c[2]), args + ": " + r.err());
                assertEquals("", r.out(), args.toString());
                assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            }
        }
    }

    @Test
    void skipBadSkipsAndCountsMalformedLines() {
        write(tmp.resolve("telemetry/one-bad.jsonl"), armEvents() + "{\"arm\":\"treatment\",\"latency_ms\":NaN}\n");
        RegCli.Result strict = readOnly("canary", WF, "--events", "../telemetry/one-bad.jsonl");
        assertEquals(2, strict.exit(), strict.all());
        assertTrue(strict.err().startsWith("reg: ../telemetry/one-bad.jsonl:2002: "), strict.err());
        RegCli.Result skipping = readOnly("canary", WF, "--events", "../telemetry/one-bad.jsonl", "--skip-bad", "1", "--json");
        assertEquals(1, skipping.exit(), skipping.all());
        assertEquals(1, json(skipping).at("/skipped/count").asLong());
        assertEquals(2002, json(skipping).at("/skipped/lines/0/line").asLong());
    }

    /**
     * Every refusal, with its message: usage that makes no sense, an arm without events, a section
     * the gate file lacks, contradictory bars (the gate file and line). All exit 2, nothing written.
     */
    @Test
    void badInputExitsTwoWithAClearMessage() {
        write(tmp.resolve("telemetry/control-only.jsonl"), "{\"arm\":\"control\",\"latency_ms\":500}\n".repeat(3));
        write(tmp.resolve("telemetry/blank.jsonl"), "\n\n");
        List<List<String>> runs = List.of(
                List.of("canary", WF, "--events", "../telemetry/control-only.jsonl"),
                List.of("canary", WF, "--control", CONTROL, "--treatment", "../telemetry/blank.jsonl"),
                List.of("canary", "contradictory", "--control", CONTROL, "--treatment", TREATMENT),
                List.of("canary", "offline_only", "--control", CONTROL, "--treatment", TREATMENT),
                List.of("canary", "nope", "--control", CONTROL, "--treatment", TREATMENT),
                List.of("canary", WF, "--control", CONTROL, "--events", ARMS),
                List.of("canary", WF, "--control", CONTROL),
                List.of("canary", WF),
                List.of("canary", WF, "--events", ARMS, "--control-release", "3"),
                List.of("canary", WF, "--events", ARMS, "--control-release", "3", "--treatment-release", "3"),
                List.of("canary", WF, "--control", CONTROL, "--treatment", TREATMENT, "--control-release", "3", "--treatment-release", "4"),
                List.of("canary", WF, "--control", CONTROL, "--treatment", "../telemetry/missing.jsonl"),
                List.of("canary", WF, "--events", ARMS, "--skip-bad", "-1"),
                List.of("canary", "plan", "contradictory"),
                List.of("drift", WF, "--current", CURRENT),
                List.of("drift", WF, "--reference", REFERENCE, "--reference-release", "1", "--current", CURRENT),
                List.of("drift", WF, "--reference", REFERENCE, "--current", CURRENT, "--window", "an hour"),
                List.of("drift", WF, "--reference-release", "0", "--current", CURRENT),
                List.of("budget", "offline_only", "--events", HISTORY),
                List.of("budget", WF, "--events", HISTORY, "--now", "yesterday"),
                List.of("budget", WF));
        StringBuilder transcript = new StringBuilder();
        for (List<String> args : runs) {
            RegCli.Result r = readOnly(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.all());
            assertEquals("", r.out(), args.toString());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            transcript.append("$ reg ").append(String.join(" ", args)).append('\n').append(normalise(r.err()));
        }
        Golden.assertMatches("outputs/online-bad-input.txt", transcript.toString());
        String all = transcript.toString();
        assertTrue(all.contains("reg: ../telemetry/control-only.jsonl: the treatment arm has no events"), all);
        assertTrue(all.contains("reg: registry/gates/contradictory.yaml:5: contradictory bars on cost_usd"), all);
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
