package dev.reg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped workflow, kind or artifact: the error says what exists that is a typo away, and nothing is written. */
class NameSuggestionsTest {
    @TempDir
    static Path dir;

    static TestRegistry r;

    /** Read-only for every test: each asserts that nothing was written. */
    @BeforeAll
    static void registry() {
        r = TestRegistry.supportCopilot(dir);
        r.artifact("prompt", "billing_summary").file("template.md", "Summarise the bill.\n").add();
        r.artifact("dataset", "escalations").file("cases.jsonl", "{\"id\": \"E-1\"}\n").add();
        r.git("rm", "-rq", "registry/datasets/escalations");
        r.git("commit", "-qm", "retire dataset escalations");
    }

    private String refused(String... args) {
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg(args);
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().startsWith("reg: ") && !res.err().contains("\tat "), res.err());
        r.assertUnchangedSince(before);
        return res.err();
    }

    @Test
    void aMistypedWorkflow() {
        assertEquals("reg: unknown workflow 'suport_copilot' (registry/registry.yaml defines: support_copilot);"
                + " did you mean 'support_copilot'?\n", refused("gate", "suport_copilot"));
        assertTrue(refused("history", "support-copilot").contains("did you mean 'support_copilot'?"));
        assertTrue(refused("release", "support_copilto").contains("did you mean 'support_copilot'?"));
        assertFalse(refused("composite", "triage").contains("did you mean"));
    }

    @Test
    void aMistypedArtifactNameInEveryCommandThatTakesOne() {
        assertEquals("reg: no artifact prompt/biling_refund (registry/prompts/biling_refund/artifact.yaml does not exist);"
                + " did you mean 'prompt/billing_refund'?\n", refused("show", "prompt/biling_refund"));
        assertTrue(refused("bump", "prompt", "billing_refnd", "patch", "-m", "x").endsWith("did you mean 'prompt/billing_refund'?\n"));
        assertTrue(refused("log", "prompt/billing-refund").endsWith("did you mean 'prompt/billing_refund'?\n"));
        assertTrue(refused("diff", "prompt/billing_refun", "1.0.0", "1.0.1").endsWith("did you mean 'prompt/billing_refund'?\n"));
        assertTrue(refused("show", "prompt/biling_refund@1.0.0").endsWith("did you mean 'prompt/billing_refund'?\n"));
    }

    @Test
    void severalCloseNamesAreAllOffered() {
        assertTrue(refused("show", "prompt/billing_").endsWith("did you mean 'prompt/billing_refund' or 'prompt/billing_summary'?\n"));
    }

    @Test
    void theRightNameUnderTheWrongKind() {
        assertTrue(refused("show", "model/billing_refund").endsWith("did you mean 'prompt/billing_refund'?\n"));
    }

    @Test
    void anArtifactKnownOnlyFromItsTagsIsOffered() {
        assertTrue(refused("log", "dataset/escalation").endsWith("did you mean 'dataset/escalations'?\n"));
    }

    @Test
    void aMistypedKind() {
        assertEquals("reg: unknown kind 'promt': expected prompt, model or dataset; did you mean 'prompt'?\n",
                refused("show", "promt/billing_refund"));
        assertTrue(refused("bump", "prompts", "billing_refund", "patch").endsWith("did you mean 'prompt'?\n"));
    }

    @Test
    void nothingCloseAddsNothing() {
        assertFalse(refused("show", "prompt/onboarding").contains("did you mean"));
        assertFalse(refused("show", "prompt/billing_refund@9.9.9").contains("did you mean"), "the artifact exists; the version does not");
    }
}
