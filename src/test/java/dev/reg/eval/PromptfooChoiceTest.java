package dev.reg.eval;

import static dev.reg.testing.EvalFixtures.assertCounts;
import static dev.reg.testing.EvalFixtures.cases;
import static dev.reg.testing.EvalFixtures.fixture;
import static dev.reg.testing.EvalFixtures.importRun;
import static dev.reg.testing.EvalFixtures.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing one provider and one prompt out of promptfoo output that compares several (real output of
 * promptfoo 0.121.20: fixtures/promptfoo with two providers, fixtures/promptfoo-two-prompts with two
 * prompts under echo, fixtures/promptfoo-provider-throws with a provider call that threw).
 */
class PromptfooChoiceTest {
    private static final String TERSE_ID = "22ae9df4ee0c428c0d8b81b6db27dbf8aa18229b014fd9bc9c81609ba2222ed7";

    @TempDir
    Path dir;

    @Test
    void junitOfTwoProvidersIsRefusedWithoutAProviderLikeTheJsonImporter() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        var before = r.snapshot();
        RegCli.Result junit = r.reg("eval", "import", fixture("promptfoo/results.junit.xml").toString(), "-w", "support_copilot");
        RegCli.Result json = r.reg("eval", "import", fixture("promptfoo/results.json").toString(), "-w", "support_copilot");
        assertEquals(2, junit.exit(), junit.all());
        assertEquals(2, json.exit(), json.all());
        String hint = "results of 2 providers (echo, support-bot): import one at a time with --provider ID|LABEL";
        assertTrue(junit.err().contains("results.junit.xml holds the " + hint), junit.err());
        assertTrue(json.err().contains("results.json holds the " + hint), json.err());
        r.assertUnchangedSince(before);
    }

    @Test
    void junitHonoursProvider() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        String id = importRun(r, fixture("promptfoo/results.junit.xml"), "-w", "support_copilot", "--provider", "support-bot");
        EvalRunInfo run = info(r, id);
        assertCounts(run, 12, 12, 8, 2, 2, 0);
        assertEquals("support-bot", run.source().options().get("provider"));
        Map<String, EvalCase> c = cases(r, id);
        assertTrue(c.keySet().stream().allMatch(k -> k.startsWith("[support-bot] prompt 1::")), c.keySet().toString());
        assertTrue(c.get("[support-bot] prompt 1::test 9: outage question#1").errored());

        RegCli.Result byId = r.reg("eval", "import", fixture("promptfoo/results.junit.xml").toString(), "-w", "support_copilot",
                "--provider", "file://support_bot.js");
        assertEquals(2, byId.exit(), byId.all());
        assertTrue(byId.err().contains("no rows from provider 'file://support_bot.js' (the file has: echo, support-bot;"
                + " promptfoo's JUnit output names a provider by its label, or by its id when it has none)"), byId.err());
    }

    @Test
    void providerIdAndLabelGiveTheSameRun() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        String byLabel = importRun(r, fixture("promptfoo/results.json"), "-w", "support_copilot", "--provider", "support-bot");
        RegCli.Result again = r.reg("eval", "import", fixture("promptfoo/results.json").toString(), "-w", "support_copilot",
                "--provider", "file://support_bot.js", "--json");
        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().contains("\"imported\" : false"), again.out());
        assertTrue(again.out().contains("\"id\" : \"" + byLabel + "\""), again.out());
        assertEquals("file://support_bot.js", info(r, byLabel).source().options().get("provider"), "recorded by its id");
    }

    @Test
    void twoPromptsUnderOneProviderNeedAPrompt() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        Path file = fixture("promptfoo-two-prompts/results.json");
        var before = r.snapshot();
        RegCli.Result res = r.reg("eval", "import", file.toString(), "-w", "support_copilot");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("results.json holds the results of 2 prompts under provider echo (terse = " + TERSE_ID.substring(0, 12)
                + "…, cite-kb = ef7a6c81f797…): import one at a time with --prompt ID|LABEL"), res.err());
        r.assertUnchangedSince(before);

        String terse = importRun(r, file, "-w", "support_copilot", "--prompt", "terse");
        assertCounts(info(r, terse), 3, 3, 1, 2, 0, 0);
        assertEquals(Boolean.FALSE, cases(r, terse).get("FAQ-001#1").pass());
        assertEquals(TERSE_ID, info(r, terse).source().options().get("prompt"));
        String citeKb = importRun(r, file, "-w", "support_copilot", "--prompt", "cite-kb");
        assertCounts(info(r, citeKb), 3, 3, 2, 1, 0, 0);
        assertEquals(Boolean.TRUE, cases(r, citeKb).get("FAQ-001#1").pass());
        assertEquals(terse, importRun(r, file, "-w", "support_copilot", "--prompt", TERSE_ID), "a prompt's id and label are one choice");

        RegCli.Result unknown = r.reg("eval", "import", file.toString(), "-w", "support_copilot", "--prompt", "verbose");
        assertEquals(2, unknown.exit(), unknown.all());
        assertTrue(unknown.err().contains("no rows from prompt 'verbose' (the file has: terse, cite-kb)"), unknown.err());
    }

    @Test
    void junitOfTwoPromptsPointsToTheJsonOutput() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        RegCli.Result res = r.reg("eval", "import", fixture("promptfoo-two-prompts/results.junit.xml").toString(), "-w", "support_copilot");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("results.junit.xml holds the results of 2 prompts under provider echo (prompt 1, prompt 2):"
                + " promptfoo's JUnit output does not name its prompts; import its -o results.json with --prompt ID|LABEL"), res.err());
    }

    @Test
    void providerCallThatThrewHasNoLatency() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        String id = importRun(r, fixture("promptfoo-provider-throws/results.json"), "-w", "support_copilot");
        Map<String, EvalCase> c = cases(r, id);
        EvalCase ops = c.get("OPS-001#1");
        assertTrue(ops.errored());
        assertTrue(ops.error().message().startsWith("Error: ECONNRESET"), ops.error().message());
        assertNull(ops.latencyMs(), "promptfoo writes latencyMs 0 for a call that threw: nothing was measured");
        assertTrue(!EvalJson.caseLine(ops).contains("latency_ms"), EvalJson.caseLine(ops));
        assertEquals(2.0, c.get("FAQ-001#1").latencyMs());
    }
}
