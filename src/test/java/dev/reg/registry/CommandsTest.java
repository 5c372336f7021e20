package dev.reg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void initCreatesTheRepositoryScaffoldsAndCommitsOnce() throws Exception {
        Path repo = dir.resolve("new-registry");
        RegCli.Result res = RegCli.ok(dir, "init", "new-registry");
        assertTrue(res.out().contains("Initialized registry in " + repo.toRealPath()), res.out());
        assertEquals("adr\n", Files.readString(repo.resolve(".adr-dir")));
        assertTrue(Files.readString(repo.resolve("adr/0001-record-architecture-decisions.md")).startsWith("# 1. Record architecture decisions\n"));
        assertEquals("1\n", GitCli.ok(repo, "rev-list", "--count", "HEAD"));
        assertEquals("", GitCli.ok(repo, "status", "--porcelain"));

        RegCli.Result again = RegCli.ok(repo, "init");
        assertTrue(again.out().contains("already a registry"), again.out());
        assertEquals("1\n", GitCli.ok(repo, "rev-list", "--count", "HEAD"));
    }

    @Test
    void initOfAFolderInsideAnotherRepositoryNeverTouchesTheEnclosingOne() throws Exception {
        GitCli.ok(dir, "init", "-q");
        GitCli.ok(dir, "commit", "-q", "--allow-empty", "-m", "outer");
        RegCli.ok(dir, "init", "inner/registry");
        assertEquals("1\n", GitCli.ok(dir, "rev-list", "--count", "HEAD"));
        assertEquals("", GitCli.ok(dir, "tag", "-l"));
        assertTrue(Files.isDirectory(dir.resolve("inner/registry/.git")));
        assertEquals("1\n", GitCli.ok(dir.resolve("inner/registry"), "rev-list", "--count", "HEAD"));
    }

    @Test
    void initInAnExistingRepositoryKeepsTheUsersStagedWork() throws Exception {
        GitCli.ok(dir, "init", "-q");
        Files.writeString(dir.resolve("mine.txt"), "work in progress\n");
        GitCli.ok(dir, "add", "mine.txt");
        RegCli.ok(dir, "init");
        assertEquals("A  mine.txt\n", GitCli.ok(dir, "status", "--porcelain"));
        assertFalse(GitCli.ok(dir, "show", "--name-only", "--format=", "HEAD").contains("mine.txt"));
    }

    @Test
    void addCopiesFilesTagsTheFirstVersionAndRefusesToAddTwice() throws Exception {
        TestRegistry r = TestRegistry.initWithCli(dir);
        Path src = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-src"));
        Files.writeString(src.resolve("cases.jsonl"), "{\"id\": \"FAQ-001\"}\n");
        Files.writeString(src.resolve("suite.csv"), "case_id,domain\nFAQ-001,Support\n");
        r.regOk("add", "dataset", "golden", src.resolve("cases.jsonl").toString(), src.resolve("suite.csv").toString(),
                "--label", "golden_2025_09", "--owner", "eval-team", "-m", "golden set");

        String yaml = r.read("registry/datasets/golden/artifact.yaml");
        assertTrue(yaml.startsWith("id: golden\nkind: dataset\nversion: 0.1.0\nowner: eval-team\nlabel: golden_2025_09\n"), yaml);
        assertEquals("{\"id\": \"FAQ-001\"}\n", r.read("registry/datasets/golden/cases.jsonl"));
        assertEquals("dataset/golden@0.1.0\n", r.git("tag", "-l"));
        assertEquals("", r.git("status", "--porcelain"));

        RegCli.Result twice = r.reg("add", "dataset", "golden");
        assertEquals(2, twice.exit());
        assertTrue(twice.err().contains("already exists"), twice.err());
    }

    @Test
    void failedAddRemovesWhatItCopied() throws Exception {
        TestRegistry r = TestRegistry.initWithCli(dir);
        Path src = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-src2"));
        Files.writeString(src.resolve("template.md"), "hi\n");
        Map<String, String> before = r.snapshot();
        System.setProperty(dev.reg.util.Faults.PROPERTY, "before-refs");
        try {
            assertEquals(70, r.reg("add", "prompt", "greeting", src.resolve("template.md").toString()).exit());
        } finally {
            System.clearProperty(dev.reg.util.Faults.PROPERTY);
        }
        r.assertUnchangedSince(before);
        assertFalse(Files.exists(r.path("registry/prompts/greeting")));
    }

    @Test
    void showLogAndDiffAsJson() throws Exception {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.append("registry/prompts/billing_refund/template.md", "Always cite the policy.\n");
        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite policy");

        JsonNode show = JSON.readTree(r.regOk("show", "prompt/billing_refund", "--json").out());
        assertEquals("1.1.0", show.get("version").asText());
        assertEquals("clean", show.get("state").asText());
        assertEquals("[\"1.0.0\",\"1.1.0\"]", show.get("versions").toString());
        assertEquals("1.0.0", show.get("rollbackTo").asText());

        r.append("registry/prompts/billing_refund/template.md", "draft\n");
        assertEquals("modified", JSON.readTree(r.regOk("show", "prompt/billing_refund", "--json").out()).get("state").asText());

        JsonNode atTag = JSON.readTree(r.regOk("show", "prompt/billing_refund@1.0.0", "--json").out());
        assertEquals("1.0.0", atTag.get("version").asText());
        assertEquals("tagged", atTag.get("state").asText());
        assertEquals(atTag.get("digest").asText(), atTag.get("tag").get("digest").asText());

        JsonNode log = JSON.readTree(r.regOk("log", "prompt/billing_refund", "--json").out());
        assertEquals("1.1.0", log.get("versions").get(0).get("version").asText());
        assertEquals("cite policy", log.get("versions").get(0).get("summary").asText());
        assertEquals(2, log.get("versions").size());

        JsonNode diff = JSON.readTree(r.regOk("diff", "prompt/billing_refund", "1.0.0", "1.1.0", "--json").out());
        assertEquals("registry/prompts/billing_refund/template.md", diff.get("files").get(0).get("path").asText());
        assertTrue(diff.get("files").get(0).get("patch").asText().contains("+Always cite the policy."));
        assertEquals("version", diff.get("fields").get(0).get("field").asText());

        JsonNode overview = JSON.readTree(r.regOk("show", "--json").out());
        assertEquals("support_copilot", overview.get("workflows").get(0).get("name").asText());
        assertEquals(3, overview.get("artifacts").size());

        String text = r.regOk("diff", "prompt/billing_refund", "1.0.0", "1.1.0").out();
        assertTrue(text.startsWith("prompt/billing_refund 1.0.0 -> 1.1.0\n  version: 1.0.0 -> 1.1.0\n"), text);
    }

    @Test
    void aModelsIdentityFieldsArePartOfItsContent() {
        TestRegistry r = TestRegistry.initWithCli(dir);
        r.regOk("add", "model", "cust-copilot", "--provider", "openai", "--model-id", "gpt-4.1-mini", "--version", "1.0.0");
        RegCli.Result unchanged = r.reg("bump", "model", "cust-copilot", "patch");
        assertEquals(2, unchanged.exit(), unchanged.all());
        String yaml = r.read("registry/models/cust-copilot/artifact.yaml");
        r.write("registry/models/cust-copilot/artifact.yaml", yaml.replace("model_id: gpt-4.1-mini", "model_id: gpt-4.1"));
        r.regOk("bump", "model", "cust-copilot", "minor", "-m", "move to gpt-4.1");
        assertEquals("model/cust-copilot@1.0.0\nmodel/cust-copilot@1.1.0\n", r.git("tag", "-l"));
    }

    @Test
    void tagSigningRequestedWithoutAKeyIsAClearErrorAndWritesNothing() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.git("config", "tag.gpgSign", "true");
        r.git("config", "user.signingKey", "0xDEADBEEF");
        r.append("registry/prompts/billing_refund/template.md", "x\n");
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg("bump", "prompt", "billing_refund", "patch", "-m", "x");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("sign"), res.err());
        assertFalse(res.err().contains("\tat "), res.err());
        r.assertUnchangedSince(before);
    }

    @Test
    void aDetachedHeadIsRefusedWithoutTouchingAnything() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.git("checkout", "-q", "--detach");
        r.append("registry/prompts/billing_refund/template.md", "x\n");
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg("bump", "prompt", "billing_refund", "patch", "-m", "x");
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("HEAD is detached; check out a branch"), res.err());
        r.assertUnchangedSince(before);
    }

    @Test
    void worksInALinkedWorktree() throws Exception {
        TestRegistry r = TestRegistry.supportCopilot(dir.resolve("main"));
        r.git("worktree", "add", "-q", "-b", "feature", dir.resolve("wt").toString());
        TestRegistry wt = TestRegistry.open(dir.resolve("wt"));
        wt.append("registry/prompts/billing_refund/template.md", "from the worktree\n");
        wt.regOk("bump", "prompt", "billing_refund", "minor", "-m", "in a worktree");
        assertTrue(wt.regOk("show", "prompt/billing_refund", "--json").out().contains("\"1.1.0\""));
        assertEquals("prompt/billing_refund@1.1.0\n", r.git("tag", "-l", "prompt/billing_refund@1.1.0"));
        assertEquals("", wt.git("status", "--porcelain"));
        assertEquals("prompt/billing_refund@1.1.0: in a worktree\n", r.git("log", "-1", "--format=%s", "feature"));
        assertEquals(r.git("rev-parse", "main"), r.git("rev-parse", "feature~1"), "the worktree's branch moved, main did not");
    }

    @Test
    void bumpAfterAnOlderVersionIsRestoredGoesAboveEveryTag() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        String v1 = r.read("registry/prompts/billing_refund/artifact.yaml");
        String t1 = r.read("registry/prompts/billing_refund/template.md");
        r.append("registry/prompts/billing_refund/template.md", "v2\n");
        r.regOk("bump", "prompt", "billing_refund", "major", "-m", "v2");
        // an older version's files brought back by hand (what a rollback does)
        r.write("registry/prompts/billing_refund/artifact.yaml", v1);
        r.write("registry/prompts/billing_refund/template.md", t1 + "v1 fix\n");
        r.regOk("bump", "prompt", "billing_refund", "patch", "-m", "fix on the old line");
        assertEquals("prompt/billing_refund@1.0.0\nprompt/billing_refund@2.0.0\nprompt/billing_refund@2.0.1\n", r.git("tag", "-l", "prompt/*"));
        assertTrue(r.read("registry/prompts/billing_refund/artifact.yaml").contains("rollback_to: 1.0.0"));
    }
}
