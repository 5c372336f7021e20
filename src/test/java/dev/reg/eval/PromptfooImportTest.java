package dev.reg.eval;

import static dev.reg.testing.EvalFixtures.assertCounts;
import static dev.reg.testing.EvalFixtures.cases;
import static dev.reg.testing.EvalFixtures.fixture;
import static dev.reg.testing.EvalFixtures.importRun;
import static dev.reg.testing.EvalFixtures.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests on output of promptfoo 0.121.20 (fixtures/promptfoo, made with its README's command):
 * echo and a file:// provider, 6 tests x --repeat 2, with passing, failing, threshold-passing and
 * erroring tests.
 */
class PromptfooImportTest {
    @TempDir
    static Path dir;
    static TestRegistry r;
    static String supportBot;
    static String echo;
    static String supportBotJsonl;

    @BeforeAll
    static void importFixtures() {
        r = TestRegistry.supportCopilot(dir);
        supportBot = importRun(r, fixture("promptfoo/results.json"), "-w", "support_copilot", "--provider", "support-bot");
        echo = importRun(r, fixture("promptfoo/results.json"), "-w", "support_copilot", "--provider", "echo");
        supportBotJsonl = importRun(r, fixture("promptfoo/results.jsonl"), "-w", "support_copilot", "--provider", "file://support_bot.js");
    }

    @Test
    void countsRecomputedFromRowsSeparateErrorsFromFailures() {
        EvalRunInfo run = info(r, supportBot);
        assertCounts(run, 6, 12, 8, 2, 2, 0);
        assertEquals(2, run.summary().maxTrials());
        assertEquals("promptfoo", run.source().tool());
        assertEquals("0.121.20", run.source().version());
        assertEquals("results.json", run.source().file());
        assertEquals("promptfoo-json/1", run.source().importer());
        assertEquals("support_copilot", run.subject().workflow());
        assertEquals(3, run.subject().components().size());
        assertTrue(run.path().endsWith(supportBot + ".json"));
        assertCounts(info(r, echo), 6, 12, 4, 8, 0, 0);
    }

    @Test
    void repeatsBecomeTrialsInTestIndexOrder() {
        Map<String, EvalCase> c = cases(r, supportBot);
        assertEquals(List.of("BILL-003#1", "BILL-003#2", "FAQ-001#1", "FAQ-001#2", "FAQ-002#1", "FAQ-002#2", "JAIL-007#1", "JAIL-007#2",
                "OPS-001#1", "OPS-001#2", "greeting without a case id#1", "greeting without a case id#2"), List.copyOf(c.keySet()));
        assertEquals(0, c.get("FAQ-001#1").extra().path("promptfoo").path("testIdx").asInt());
        assertEquals(1, c.get("FAQ-001#2").extra().path("promptfoo").path("testIdx").asInt());
        assertEquals(2.0, c.get("FAQ-001#1").latencyMs());
        assertEquals(1.0, c.get("FAQ-001#2").latencyMs());
    }

    @Test
    void exactValuesPerCase() {
        Map<String, EvalCase> c = cases(r, supportBot);
        EvalCase faq = c.get("FAQ-001#1");
        assertEquals(Boolean.TRUE, faq.pass());
        assertEquals(Map.of("exact", 1.0, "score", 1.0), faq.scores());
        assertEquals(0.0042, faq.costUsd());
        assertEquals(new EvalCase.Tokens(40L, 12L, 52L), faq.tokens());
        assertEquals(Map.of("domain", "Support"), faq.slice());
        assertEquals("metadata.case_id", faq.extra().path("promptfoo").path("id_from").asText());
        assertEquals("Follow the steps in KB-42 to reset your password.", faq.extra().path("promptfoo").path("output").asText());

        EvalCase jail = c.get("JAIL-007#2");
        assertEquals(List.of("must-pass"), jail.tags());
        assertEquals(Map.of("domain", "Security"), jail.slice());
        assertEquals(0.0011, jail.costUsd());
        assertEquals(1.0, jail.scores().get("guardrail_pass"));

        EvalCase greeting = c.get("greeting without a case id#1");
        assertEquals("description", greeting.extra().path("promptfoo").path("id_from").asText());
        assertEquals(0.75, greeting.scores().get("helpfulness"));
        assertEquals(new EvalCase.Tokens(10L, 5L, 15L), greeting.tokens());
    }

    @Test
    void thresholdPassKeepsTheFailedAssertion() {
        EvalCase bill = cases(r, supportBot).get("BILL-003#1");
        assertEquals(Boolean.TRUE, bill.pass(), "promptfoo's verdict (score 0.5 >= threshold 0.5) is the verdict");
        assertEquals(0.0, bill.scores().get("citation"));
        assertEquals(1.0, bill.scores().get("exact"));
        assertEquals(0.5, bill.scores().get("score"));
        var components = bill.extra().path("promptfoo").path("componentResults");
        assertEquals(2, components.size());
        assertFalse(components.get(1).path("pass").asBoolean());
        assertEquals("citation", components.get(1).path("assertion").path("metric").asText());
    }

    @Test
    void providerErrorIsAnErrorNotAFailure() {
        EvalCase ops = cases(r, supportBot).get("OPS-001#1");
        assertTrue(ops.errored());
        assertNull(ops.pass());
        assertEquals("provider", ops.error().kind());
        assertEquals("upstream timeout after 30000 ms (simulated outage)", ops.error().message());
        assertTrue(ops.scores().isEmpty(), "an errored row has no scores");
        EvalCase faq2 = cases(r, supportBot).get("FAQ-002#1");
        assertEquals(Boolean.FALSE, faq2.pass());
        assertEquals("Expected output to contain \"INV-\"", faq2.reason());
        assertFalse(faq2.errored(), "an assertion failure is a failure, though promptfoo puts it in the error field");
    }

    @Test
    void missingCostIsAbsentNotZeroButAReportedZeroStays() {
        assertNull(cases(r, supportBot).get("FAQ-002#1").costUsd(), "row cost 0 without response.cost is no cost reported");
        assertNull(cases(r, supportBot).get("FAQ-002#1").tokens());
        assertEquals(0.0, cases(r, echo).get("FAQ-001#1").costUsd(), "echo reports response.cost 0");
        assertFalse(info(r, supportBot).metrics().isEmpty());
        assertTrue(info(r, supportBot).metrics().containsKey("cost_usd"));
    }

    @Test
    void jsonlRowsImportToTheSameCases() {
        Map<String, String> fromJson = cases(r, supportBot).values().stream()
                .collect(Collectors.toMap(x -> x.id() + "#" + x.trial(), EvalJson::caseLine));
        Map<String, String> fromJsonl = cases(r, supportBotJsonl).values().stream()
                .collect(Collectors.toMap(x -> x.id() + "#" + x.trial(), EvalJson::caseLine));
        assertEquals(fromJson, fromJsonl);
        EvalRunInfo jsonl = info(r, supportBotJsonl);
        assertEquals("promptfoo-jsonl/1", jsonl.source().importer());
        assertNull(jsonl.source().version(), "results.jsonl does not record promptfoo's version");
        assertCounts(jsonl, 6, 12, 8, 2, 2, 0);
    }

    @Test
    void severalProvidersWithoutAChoiceAreRefused() {
        var before = r.snapshot();
        RegCli.Result res = r.reg("eval", "import", fixture("promptfoo/results.json").toString(), "-w", "support_copilot");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("results.json holds the results of 2 providers (echo, support-bot): import one at a time with --provider ID|LABEL"),
                res.err());
        r.assertUnchangedSince(before);
    }

    @Test
    void unknownProviderIsRefusedNamingTheProviders() {
        RegCli.Result res = r.reg("eval", "import", fixture("promptfoo/results.json").toString(), "-w", "support_copilot", "--provider", "gpt");
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("no rows from provider 'gpt' (the file has: echo, support-bot)"), res.err());
    }
}
