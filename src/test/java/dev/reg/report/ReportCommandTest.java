package dev.reg.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.testing.GitCli;
import dev.reg.testing.Golden;
import dev.reg.testing.RegCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reg report} as a command: what it writes where, what it reads, its JSON, and its errors. */
class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path story;

    @BeforeAll
    static void registry() {
        story = ReportFixture.demoWithReadouts(dir);
    }

    /** The data behind the page is part of reg's contract: pinned by a golden file (times and commit ids replaced). */
    @Test
    void jsonMatchesGolden() throws IOException {
        RegCli.Result r = RegCli.ok(story, "report", "--json");
        Golden.assertMatches("outputs/report.json", Golden.withoutTimesAndCommits(r.out()));
        JsonNode report = JSON.readTree(r.out());
        assertEquals("reg.report/1", report.path("format").asText());
        assertEquals(GitCli.ok(story, "rev-parse", "HEAD").strip(), report.path("commit").asText(), "built from HEAD");
        assertEquals("", r.err(), "--json writes nothing else");
    }

    @Test
    void writesIntoTheGitDirByDefaultAndNeverCommits() throws IOException {
        String head = GitCli.ok(story, "rev-parse", "HEAD");
        RegCli.Result r = RegCli.ok(story, "report");
        Path file = story.resolve(".git/reg-report/report.html");
        assertTrue(r.out().startsWith("wrote " + file.toRealPath()), r.out());
        assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
        assertTrue(r.err().contains("1 finding (see the report's Findings section): registry/online/support_copilot/notes.json"), r.err());
        assertEquals(head, GitCli.ok(story, "rev-parse", "HEAD"), "a report is a read: no commit");
        assertEquals("", GitCli.ok(story, "status", "--porcelain", "--ignored"), "nothing in the work tree, not even ignored files");
    }

    @Test
    void outIsRelativeToTheDirectoryRegRunsIn() throws IOException {
        RegCli.ok(story, "report", "--out", "../site/reports");
        Path file = dir.resolve("site/reports/report.html");
        assertTrue(Files.isRegularFile(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "one file, no temporary left behind");
        }
    }

    @Test
    void outThatIsAFileIsBadInput() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "mine");
        RegCli.Result r = RegCli.run(story, "report", "--out", blocker.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("is a file, not a folder"), r.err());
        assertEquals("mine", Files.readString(blocker));
    }

    @Test
    void unknownWorkflowIsBadInput() {
        RegCli.Result r = RegCli.run(story, "report", "nope");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("nope"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    /** A report shows what was committed: a readout or memo edit still in the work tree is not in it until committed. */
    @Test
    void readsHeadNotTheWorkTree() throws IOException {
        Path copy = dir.resolve("copy");
        GitCli.ok(dir, "clone", "-q", story.toString(), copy.toString());
        Files.copy(ReportFixture.READOUTS.resolve("drift-2026-12-01.json"), copy.resolve("registry/online/support_copilot/drift-later.json"));
        Path memo = copy.resolve("adr/0002-release-support-copilot-1.md");
        Files.writeString(memo, Files.readString(memo).replaceFirst("# 2\\. Release support_copilot 1", "# 2. Edited title"));
        JsonNode before = JSON.readTree(RegCli.ok(copy, "report", "--json").out());
        assertEquals(3, before.path("workflows").get(0).path("drift").size(), "the uncommitted readout is not reported");
        assertEquals("Release support_copilot 1", before.path("adrs").get(1).path("title").asText());
        GitCli.ok(copy, "add", "-A");
        GitCli.ok(copy, "commit", "-q", "-m", "later readout, edited memo");
        JsonNode after = JSON.readTree(RegCli.ok(copy, "report", "--json").out());
        assertEquals(4, after.path("workflows").get(0).path("drift").size());
        assertEquals("Edited title", after.path("adrs").get(1).path("title").asText());
    }

    /**
     * The gate metrics are 'reg gate's own numbers: at HEAD the composite is release 4's (a rollback
     * to release 1's), gated on the same run against the same baseline run, so each of release 4's
     * points equals the bar 'reg gate --json' prints, interval included.
     */
    @Test
    void gateMetricsAreWhatRegGateComputes() throws IOException {
        JsonNode gate = JSON.readTree(RegCli.ok(story, "gate", "support_copilot", "--json").out());
        JsonNode report = JSON.readTree(RegCli.ok(story, "report", "--json").out());
        JsonNode series = report.path("workflows").get(0).path("gate").path("series");
        assertEquals(gate.path("bars").size(), series.size(), "one series per bar");
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            JsonNode s = series.get(i);
            JsonNode bar = gate.path("bars").get(i);
            assertEquals(bar.path("metric").asText(), s.path("metric").asText());
            assertEquals(bar.path("bar").asText(), s.path("bar").asText());
            JsonNode point = null;
            for (JsonNode p : s.path("points")) {
                if (p.path("release").asInt() == 4) {
                    point = p;
                }
            }
            assertNotNull(point, s.path("id").asText());
            boolean delta = s.path("kind").asText().equals("delta");
            assertEquals(bar.path(delta ? "delta" : "value"), point.path("value"), s.path("id").asText());
            assertEquals(bar.path("intervalLow"), point.path("low"), s.path("id").asText());
            assertEquals(bar.path("intervalHigh"), point.path("high"), s.path("id").asText());
            assertEquals(bar.path("pass"), point.path("pass"), s.path("id").asText());
            checked.add(s.path("metric").asText() + " " + s.path("bar").asText());
        }
        assertTrue(checked.contains("exact max_drop 0.02"), checked.toString());
        // the bar's line comes from the gate file, exactly
        assertEquals(0.8, series.get(0).path("threshold").asDouble());
        assertEquals("min", series.get(0).path("direction").asText());
        JsonNode drop = series.get(series.size() - 1);
        assertEquals("delta", drop.path("kind").asText());
        assertEquals(-0.02, drop.path("threshold").asDouble(), "exact may drop by at most 0.02");
    }

    @Test
    void helpSaysWhatItDoes() {
        RegCli.Result r = RegCli.ok(story, "report", "--help");
        assertTrue(r.out().startsWith("Usage: reg report"), r.out());
        assertTrue(r.out().contains("95% intervals") && r.out().contains(".git/reg-report/report.html"), r.out());
        assertFalse(r.all().contains("WARN"), r.all());
    }

    @Test
    void aRegistryWithoutACommitIsRefused() throws IOException {
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh.resolve("registry"));
        GitCli.ok(fresh, "init", "-q");
        Files.writeString(fresh.resolve("registry/registry.yaml"), "registry: 1\nworkflows: {}\n");
        RegCli.Result r = RegCli.run(fresh, "report");
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.err().contains("no commit yet"), r.err());
        assertFalse(Files.exists(fresh.resolve(".git/reg-report")), "nothing written");
    }
}
