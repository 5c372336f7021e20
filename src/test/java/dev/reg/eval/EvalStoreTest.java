package dev.reg.eval;

import static dev.reg.testing.EvalFixtures.cases;
import static dev.reg.testing.EvalFixtures.fixture;
import static dev.reg.testing.EvalFixtures.importRun;
import static dev.reg.testing.EvalFixtures.info;
import static dev.reg.testing.EvalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.testing.EvalFixtures;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.util.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where runs are stored, that they are content-addressed and immutable, and that importing is all or nothing. */
class EvalStoreTest {
    @TempDir
    Path dir;
    @TempDir
    Path outside;

    @Test
    void sameFileSameSubjectTwiceIsANoOpAndANewSubjectIsANewRun() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        Path f = fixture("promptfoo/results.json");
        String id = importRun(r, f, "-w", "support_copilot", "--provider", "echo");
        assertTrue(id.matches("support_copilot-[0-9a-f]{16}"), id);
        String head = r.git("rev-parse", "HEAD");
        var before = r.snapshot();
        RegCli.Result again = r.regOk("eval", "import", f.toString(), "-w", "support_copilot", "--provider", "echo");
        assertTrue(again.out().contains("already imported: " + id), again.out());
        r.assertUnchangedSince(before);
        assertEquals(head, r.git("rev-parse", "HEAD"));
        assertEquals("eval: import " + id, r.git("log", "-1", "--format=%s").strip());
        assertEquals("", r.git("status", "--porcelain"));

        r.append("registry/prompts/billing_refund/template.md", "Cite the policy.\n");
        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite");
        String second = importRun(r, f, "-w", "support_copilot", "--provider", "echo");
        assertNotEquals(id, second, "a different subject makes a different run");
        assertEquals("1.1.0", info(r, second).subject().components().get(1).version().version().toString());
        assertEquals("1.0.0", info(r, id).subject().components().get(1).version().version().toString(), "runs are immutable");
    }

    @Test
    void importCommitsOnlyTheRunAndLeavesTheUsersWorkAlone() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.append("registry/prompts/billing_refund/template.md", "work in progress\n");
        r.write("notes.txt", "mine\n");
        r.git("add", "notes.txt");
        RegCli.Result res = r.regOk("eval", "import", fixture("pytest/pytest-junit.xml").toString(), "-w", "support_copilot");
        assertTrue(res.err().contains("reg: the run is recorded against the committed component versions, but "
                + "registry/prompts/billing_refund/template.md has uncommitted changes"), res.err());
        String id = info(r, res.out().lines().findFirst().orElseThrow().split(" ")[1]).id();
        assertEquals(List.of("registry/evals/" + id + ".json"), r.git("show", "--format=", "--name-only", "HEAD").lines().toList());
        assertEquals("A  notes.txt\n M registry/prompts/billing_refund/template.md\n", r.git("status", "--porcelain"));
        assertTrue(r.read("registry/prompts/billing_refund/template.md").endsWith("work in progress\n"));
    }

    @Test
    void explicitComponentsNameTheSubject() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.append("registry/prompts/billing_refund/template.md", "v2\n");
        r.regOk("bump", "prompt", "billing_refund", "major", "-m", "v2");
        Path f = EvalFixtures.write(outside, "r.jsonl", "{\"id\":\"A\",\"pass\":true}\n");
        String old = importRun(r, f, "-w", "support_copilot", "--component", "prompt/billing_refund@1.0.0");
        EvalRunInfo run = info(r, old);
        assertEquals("model/cust-copilot@1.0.0 + prompt/billing_refund@1.0.0 + dataset/golden@1.0.0", run.subject().composite());
        assertEquals(null, run.subject().commit(), "not the composite as committed at HEAD");
        String bare = importRun(r, f, "--component", "prompt/billing_refund@2.0.0");
        assertTrue(bare.startsWith("run-"), bare);
        assertEquals(1, info(r, bare).subject().components().size());
    }

    @Test
    void largeRunIsAFolderWithRunJsonAndCasesJsonlSortedAcrossSpills() throws Exception {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        int n = CaseSorter.CHUNK_ROWS + 5_000;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add("{\"id\":\"C-" + i + "\",\"trial\":" + (1 + i % 2) + ",\"pass\":" + (i % 10 != 0) + ",\"latency_ms\":" + i + "}");
        }
        Collections.shuffle(lines, new Random(42));
        Path f = outside.resolve("big.jsonl");
        Files.write(f, lines);
        String id = importRun(r, f, "-w", "support_copilot");
        EvalRunInfo run = info(r, id);
        assertTrue(run.large());
        assertEquals("registry/evals/" + id, run.path());
        assertEquals(n, run.summary().rows());
        assertEquals(n / 10, run.summary().failed());
        assertEquals(List.of("registry/evals/" + id + "/cases.jsonl", "registry/evals/" + id + "/run.json"),
                r.git("show", "--format=", "--name-only", "HEAD").lines().sorted().toList());
        assertEquals("", r.git("status", "--porcelain"));
        Map<String, EvalCase> c = cases(r, id);
        assertEquals(n, c.size());
        List<String> keys = new ArrayList<>(c.keySet());
        List<String> sortedIds = keys.stream().map(k -> k.substring(0, k.indexOf('#'))).sorted().toList();
        assertEquals(sortedIds, keys.stream().map(k -> k.substring(0, k.indexOf('#'))).toList(), "stored sorted by case id");
        assertEquals(7.0, c.get("C-7#2").latencyMs());
        JsonNode shown = json(r.regOk("eval", "show", id, "--json", "--cases", "2").out());
        assertEquals(id, shown.path("run").path("id").asText());
        assertEquals("C-0", shown.path("cases").get(0).path("id").asText());
        assertEquals(2, shown.path("cases").size());
    }

    @Test
    void failedPublishWritesNothing() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            many.add("{\"id\":\"K-" + i + "\",\"pass\":true}");
        }
        for (Path f : List.of(EvalFixtures.write(outside, "small.jsonl", "{\"id\":\"A\",\"pass\":true}\n"),
                EvalFixtures.write(outside, "large.jsonl", String.join("\n", many) + "\n"))) {
            var before = r.snapshot();
            System.setProperty(Faults.PROPERTY, "before-refs");
            RegCli.Result res;
            try {
                res = r.reg("eval", "import", f.toString(), "-w", "support_copilot");
            } finally {
                System.clearProperty(Faults.PROPERTY);
            }
            assertEquals(70, res.exit(), res.all());
            r.assertUnchangedSince(before);
            assertFalse(Files.exists(r.path("registry/evals")), "no run file or folder left behind");
        }
        assertEquals("", GitCli.ok(dir, "fsck", "--no-dangling", "--no-progress").strip());
    }

    @Test
    void killedLargeImportLeavesNoCommitAndTheNextCommandRemovesItsLeftover() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            many.add("{\"id\":\"K-" + i + "\",\"pass\":true}");
        }
        Path f = EvalFixtures.write(outside, "large.jsonl", String.join("\n", many) + "\n");
        String head = r.git("rev-parse", "HEAD");
        RegCli.Result killed = RegCli.runProcess(dir, List.of(Faults.PROPERTY + "=before-refs:halt"), "eval", "import", f.toString(), "-w",
                "support_copilot");
        assertEquals(137, killed.exit(), killed.all());
        assertEquals(head, r.git("rev-parse", "HEAD"), "nothing was committed");
        RegCli.Result again = r.reg("eval", "import", f.toString(), "-w", "support_copilot");
        assertEquals(0, again.exit(), again.all());
        assertTrue(again.err().contains("discarded an interrupted change that was never published"), again.err());
        assertEquals("", r.git("status", "--porcelain", "--untracked-files=all"));
    }

    @Test
    void listAndShow() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        String a = importRun(r, fixture("pytest/pytest-junit.xml"), "-w", "support_copilot");
        RegCli.Result list = r.regOk("eval", "list");
        assertTrue(list.out().contains(a) && list.out().contains("pytest pytest-junit.xml"), list.out());
        assertTrue(list.out().contains("7 cases: 3 passed, 1 failed, 1 errored, 2 skipped"), list.out());
        JsonNode runs = json(r.regOk("eval", "list", "--json").out());
        assertEquals(a, runs.get(0).path("id").asText());
        assertEquals(7, runs.get(0).path("summary").path("cases").asInt());
        assertEquals(0, json(r.regOk("eval", "list", "--json", "-w", "other").out()).size());
        RegCli.Result show = r.regOk("eval", "show", a);
        assertTrue(show.out().contains("source    pytest, pytest-junit.xml (sha256:"), show.out());
        assertTrue(show.out().contains("prompt/billing_refund@1.0.0  sha256:"), show.out());
        assertTrue(show.out().contains("exact  score 0..1, higher is better"), show.out());
        RegCli.Result missing = r.reg("eval", "show", "nope-1");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no eval run 'nope-1'"), missing.err());
        assertEquals(2, r.reg("eval", "show", "../../etc/passwd").exit());
    }

    @Test
    void handEditedRunOutOfOrderIsRefusedWhenRead() throws Exception {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        String id = importRun(r, EvalFixtures.write(outside, "r.jsonl", "{\"id\":\"A\",\"pass\":true}\n{\"id\":\"B\",\"pass\":true}\n"),
                "-w", "support_copilot");
        Path file = r.path("registry/evals/" + id + ".json");
        String doc = Files.readString(file);
        Files.writeString(file, doc.replace("\"id\":\"A\"", "\"id\":\"C\""));
        RegCli.Result res = r.reg("eval", "show", id, "--cases", "5");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("case 'B' trial 1 is out of order"), res.err());
    }
}
