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

import dev.reg.testing.EvalFixtures;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests on JUnit XML written by pytest 9.0.3, Maven Surefire 3.5.4 and promptfoo 0.121.20. */
class JUnitImportTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path outside;
    static TestRegistry r;
    static String pytest;

    @BeforeAll
    static void setUp() {
        r = TestRegistry.supportCopilot(dir);
        pytest = importRun(r, fixture("pytest/pytest-junit.xml"), "-w", "support_copilot");
    }

    @Test
    void pytestOutcomesScoresAndSlices() {
        EvalRunInfo run = info(r, pytest);
        assertCounts(run, 7, 7, 3, 1, 1, 2);
        assertEquals("pytest", run.source().tool());
        assertEquals("junit-xml/1", run.source().importer());
        Map<String, EvalCase> c = cases(r, pytest);
        EvalCase faq = c.get("test_support_copilot::test_answer_contains_reference[FAQ-001-KB-42]#1");
        assertEquals(Boolean.TRUE, faq.pass());
        assertEquals(Map.of("exact", 1.0), faq.scores());
        assertEquals("Support", faq.slice().get("domain"));
        assertEquals("pytest", faq.slice().get("suite"));
        assertEquals(1.0, faq.latencyMs(), 1e-9);

        EvalCase failed = c.get("test_support_copilot::test_answer_contains_reference[FAQ-002-INV-]#1");
        assertEquals(Boolean.FALSE, failed.pass());
        assertEquals("AssertionError: assert 'INV-' in 'I am not sure.'", failed.reason());
        assertEquals(0.0, failed.scores().get("exact"));

        EvalCase error = c.get("test_support_copilot::test_refund_policy_lookup#1");
        assertTrue(error.errored());
        assertNull(error.pass());
        assertEquals("harness", error.error().kind());
        assertEquals("failed on setup with \"ConnectionError: policy index unavailable (simulated harness outage)\"", error.error().message());

        EvalCase skipped = c.get("test_support_copilot::test_escalation#1");
        assertTrue(skipped.skipped());
        assertEquals("escalation flow not built yet", skipped.reason());
        EvalCase xfail = c.get("test_support_copilot::test_multi_currency_refund#1");
        assertTrue(xfail.skipped());
        assertEquals("pytest.xfail", xfail.extra().path("junit").path("skipped_type").asText());

        EvalCase greeting = c.get("test_support_copilot.TestGreeting::test_greets_politely#1");
        assertEquals(0.75, greeting.scores().get("helpfulness"));
        assertTrue(run.metrics().containsKey("exact") && run.metrics().containsKey("helpfulness"));
    }

    @Test
    void surefireReport() {
        String id = importRun(r, fixture("surefire/TEST-demo.RefundAnswersTest.xml"), "-w", "support_copilot");
        EvalRunInfo run = info(r, id);
        assertCounts(run, 4, 4, 1, 1, 1, 1);
        assertEquals("surefire", run.source().tool());
        Map<String, EvalCase> c = cases(r, id);
        EvalCase failed = c.get("demo.RefundAnswersTest::invoiceAnswerNamesTheInvoice#1");
        assertEquals("answer should name the invoice ==> expected: <INV-1042> but was: <I am not sure.>", failed.reason());
        assertEquals("org.opentest4j.AssertionFailedError", failed.extra().path("junit").path("failure_type").asText());
        assertEquals(6.0, failed.latencyMs(), 1e-9);
        EvalCase error = c.get("demo.RefundAnswersTest::policyIndexIsReachable#1");
        assertEquals("policy index unavailable (simulated harness outage)", error.error().message());
        assertEquals("java.lang.IllegalStateException", error.extra().path("junit").path("error_type").asText());
        assertTrue(c.get("demo.RefundAnswersTest::escalatesAngryCustomers#1").skipped());
        assertFalse(run.metrics().containsKey("java.home"), "suite-level system properties are not case data");
    }

    @Test
    void promptfooJUnit() {
        String id = importRun(r, fixture("promptfoo/results.junit.xml"), "-w", "support_copilot", "--provider", "support-bot");
        EvalRunInfo run = info(r, id);
        assertCounts(run, 12, 12, 8, 2, 2, 0);
        assertEquals("2026-11-23T09:38:27.804Z", run.created(), "the suites' timestamp");
        assertEquals("promptfoo", run.source().tool());
        EvalCase ops = cases(r, id).get("[support-bot] prompt 1::test 9: outage question#1");
        assertEquals("Evaluation error", ops.error().message());
        assertEquals("[support-bot] prompt 1", ops.slice().get("suite"));
    }

    @Test
    void entityExpansionAttackIsRefusedAndNothingWritten() {
        var before = r.snapshot();
        Path bomb = EvalFixtures.write(outside, "bomb.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <testsuite name="x"><testcase name="&lol3;"/></testsuite>
                """);
        RegCli.Result res = r.reg("eval", "import", bomb.toString(), "-w", "support_copilot");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("bomb.xml:7: DOCTYPE declarations are not allowed"), res.err());
        r.assertUnchangedSince(before);
    }

    @Test
    void externalEntityIsNeverRead() {
        Path secret = EvalFixtures.write(outside, "secret.txt", "TOP-SECRET");
        Path xxe = EvalFixtures.write(outside, "xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY s SYSTEM \"file://" + secret
                + "\">]>\n<testsuite name=\"x\"><testcase name=\"&s;\"/></testsuite>\n");
        RegCli.Result res = r.reg("eval", "import", xxe.toString(), "-w", "support_copilot");
        assertEquals(2, res.exit(), res.all());
        assertFalse(res.all().contains("TOP-SECRET"));
        assertTrue(res.err().contains("DOCTYPE declarations are not allowed"), res.err());
    }

    @Test
    void malformedXmlNamesFileAndLine() {
        Path bad = EvalFixtures.write(outside, "bad.xml", "<testsuite name=\"x\">\n<testcase name=\"a\">\n</testsuite>\n");
        RegCli.Result res = r.reg("eval", "import", bad.toString(), "-w", "support_copilot");
        assertEquals(2, res.exit());
        assertTrue(res.err().startsWith("reg: bad.xml:3: invalid XML"), res.err());
        Path notJunit = EvalFixtures.write(outside, "other.xml", "<html><body/></html>\n");
        res = r.reg("eval", "import", notJunit.toString(), "-w", "support_copilot");
        assertTrue(res.err().contains("other.xml:1: not JUnit XML: the root element is <html>"), res.err());
        Path badTime = EvalFixtures.write(outside, "time.xml", "<testsuite name=\"x\">\n<testcase name=\"a\" time=\"fast\"/>\n</testsuite>\n");
        res = r.reg("eval", "import", badTime.toString(), "-w", "support_copilot");
        assertTrue(res.err().contains("time.xml:2: time: expected seconds as a number of at least 0, found 'fast'"), res.err());
    }

    @Test
    void duplicateTestcaseIsRefused() {
        Path dup = EvalFixtures.write(outside, "dup.xml", "<testsuite name=\"x\">\n<testcase classname=\"c\" name=\"a\"/>\n"
                + "<testcase classname=\"c\" name=\"a\"/>\n</testsuite>\n");
        RegCli.Result res = r.reg("eval", "import", dup.toString(), "-w", "support_copilot");
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("duplicate case 'c::a' trial 1: dup.xml:2 and dup.xml:3"), res.err());
    }
}
