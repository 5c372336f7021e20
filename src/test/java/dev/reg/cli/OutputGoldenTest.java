package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reg.testing.GitCli;
import dev.reg.testing.Golden;
import dev.reg.testing.RegCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every output format is part of reg's contract: text tables, {@code --json}, JUnit, SARIF and
 * GitHub annotations are pinned here by golden files, on the registry {@code reg demo} leaves behind.
 * What differs from run to run (paths, times, commit ids) is replaced by placeholders; everything
 * else must match byte for byte. Rewrite with {@code -Dreg.golden.update=true} and review the diff.
 */
class OutputGoldenTest {
    private static final String WF = "support_copilot";

    @TempDir
    static Path dir;

    static Path story;
    static String transcript;

    @BeforeAll
    static void demo() {
        transcript = RegCli.ok(dir, "demo", "--dir", "story").out();
        story = dir.resolve("story");
    }

    /** The demo prints the text output of every command it runs: release, gate, rollback, history, adr list … */
    @Test
    void demoTranscript() {
        Golden.assertMatches("outputs/demo.txt", normalise(transcript));
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                read("show.txt", "show"),
                read("show.json", "show", "--json"),
                read("show-artifact.txt", "show", "prompt/billing_refund"),
                read("show-artifact.json", "show", "prompt/billing_refund", "--json"),
                read("show-version.txt", "show", "prompt/billing_refund@2.4.0"),
                read("show-version.json", "show", "prompt/billing_refund@2.4.0", "--json"),
                read("log.txt", "log", "prompt/billing_refund"),
                read("log.json", "log", "prompt/billing_refund", "--json"),
                read("diff.txt", "diff", "prompt/billing_refund", "2.3.0", "2.4.0"),
                read("diff.json", "diff", "prompt/billing_refund", "2.3.0", "2.4.0", "--json"),
                read("history.txt", "history", WF),
                read("history.json", "history", WF, "--json"),
                read("live.txt", "live", WF),
                read("live.json", "live", WF, "--json"),
                read("composite.txt", "composite", WF),
                read("composite.json", "composite", WF, "--json"),
                read("gate.txt", "gate", WF),
                read("gate.json", "gate", WF, "--json"),
                read("rollback-dry-run.txt", "rollback", WF, "--dry-run"),
                read("rollback-dry-run.json", "rollback", WF, "--dry-run", "--json"),
                read("verify.txt", "verify"),
                read("verify.json", "verify", "--json"),
                read("eval-list.txt", "eval", "list"),
                read("eval-list.json", "eval", "list", "--json"),
                read("adr-list.txt", "adr", "list"),
                read("adr-list.json", "adr", "list", "--json"),
                read("memo-2.json", "memo", WF, "2", "--json"));
    }

    private static Arguments read(String golden, String... args) {
        return Arguments.of(golden, List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void readingCommand(String golden, List<String> args) {
        RegCli.Result r = RegCli.run(story, args.toArray(String[]::new));
        Golden.assertMatches("outputs/" + golden, "exit " + r.exit() + "\n" + normalise(r.out()) + stderrPart(r));
    }

    /**
     * {@code reg watch} without {@code --apply} on the demo's registry, with telemetry generated as the
     * demo's: drift against the same events is green, no SLO is watched, no canary runs.
     */
    @ParameterizedTest(name = "watch {0}")
    @MethodSource("watchFormats")
    void watchReadout(String format) throws IOException {
        Path events = dir.resolve("watch-events.jsonl");
        synchronized (OutputGoldenTest.class) {
            if (!Files.exists(events)) {
                Files.writeString(events, dev.reg.demo.DemoTelemetry.betterCanary());
            }
        }
        List<String> args = new java.util.ArrayList<>(List.of("watch", WF, "--events", events.toString(), "--reference", events.toString()));
        if (format.equals("json")) {
            args.add("--json");
        }
        RegCli.Result r = RegCli.run(story, args.toArray(String[]::new));
        Golden.assertMatches("outputs/watch." + format, "exit " + r.exit() + "\n" + normalise(r.out()) + stderrPart(r));
    }

    static Stream<String> watchFormats() {
        return Stream.of("txt", "json");
    }

    @Test
    void gateJUnitXml() throws IOException {
        Path xml = dir.resolve("gate.xml");
        RegCli.Result r = RegCli.run(story, "gate", WF, "--junit", xml.toString());
        assertEquals(0, r.exit(), r.all());
        Golden.assertMatches("outputs/gate-junit.xml", normalise(Files.readString(xml)));
    }

    static Stream<String> validateFormats() {
        return Stream.of("text", "json", "github", "sarif");
    }

    /** A registry with findings of several rules: an edit without a bump, a bad gate file, a broken link. */
    @ParameterizedTest(name = "validate --format {0}")
    @MethodSource("validateFormats")
    void validateWithFindings(String format) throws IOException {
        Path broken = brokenCopy();
        RegCli.Result r = RegCli.run(broken, "validate", "--format", format, "--step-summary", dir.resolve("summary-" + format + ".md").toString());
        Golden.assertMatches("outputs/validate-" + format + "." + (format.equals("text") || format.equals("github") ? "txt" : "json"),
                "exit " + r.exit() + "\n" + normalise(r.out().replace(broken.toString(), "<repo>")) + stderrPart(r));
    }

    private static Path brokenCopy() throws IOException {
        Path copy = dir.resolve("broken");
        synchronized (OutputGoldenTest.class) {
            if (!Files.exists(copy)) {
                GitCli.ok(dir, "clone", "-q", story.toString(), copy.toString());
                Files.writeString(copy.resolve("registry/prompts/billing_refund/template.md"), "edited without a bump\n",
                        java.nio.file.StandardOpenOption.APPEND);
                Files.writeString(copy.resolve("registry/gates/support_copilot.yaml"),
                        "gates:\n  - {metric: exact, agg: median, min: 0.8}\n");
                String yaml = Files.readString(copy.resolve("registry/models/cust-copilot/artifact.yaml"));
                Files.writeString(copy.resolve("registry/models/cust-copilot/artifact.yaml"), yaml.replace("version: 1.4.2", "version: 1.4.02"));
            }
        }
        return copy;
    }

    /** reg doctor, text and JSON, with the launcher's values fixed: otherwise its JVM lines name this machine's java. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("doctorFormats")
    void doctor(String golden, List<String> args) {
        java.util.Map<String, String> launcher = java.util.Map.of("REG_LAUNCHER_JAVA", "/opt/jdk-25/bin/java",
                "REG_LAUNCHER_JAVA_VERSION", "25.0.3+9-LTS", "REG_LAUNCHER_ARCHIVE", "/opt/reg/target/archives/reg-1.jdk25-2.aot",
                "REG_LAUNCHER_ARCHIVE_STATUS", "aot", "REG_LAUNCHER_JVM_OPTIONS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("-C", story.toString()));
        all.addAll(args);
        int code = Main.run(all.toArray(String[]::new), new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), false,
                RegCli.CLOCK, launcher);
        Golden.assertMatches("outputs/" + golden, "exit " + code + "\n" + normalise(out.toString())
                + (err.toString().isEmpty() ? "" : "--- stderr\n" + normalise(err.toString())));
    }

    static Stream<Arguments> doctorFormats() {
        return Stream.of(read("doctor.txt", "doctor"), read("doctor.json", "doctor", "--json"));
    }

    private static String stderrPart(RegCli.Result r) {
        return r.err().isEmpty() ? "" : "--- stderr\n" + normalise(r.err());
    }

    /** Replaces what changes from run to run; nothing else. */
    static String normalise(String s) {
        return Golden.withoutTimesAndCommits(s.replace(story.toString(), "<repo>")
                .replace(dir.toString(), "<tmp>")
                .replaceAll("/tmp/reg-demo-tool-[0-9]+", "<tool>")
                .replaceAll("\\b[0-9]{8}T[0-9]{6}Z\\b", "<stamp>"));
    }
}
