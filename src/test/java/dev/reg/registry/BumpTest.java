package dev.reg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BumpTest {
    @TempDir
    Path dir;

    @Test
    void minorBumpWritesVersionChecksumsChangelogCommitAndTag() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.append("registry/prompts/billing_refund/template.md", "Cite the policy.\n");

        RegCli.Result res = r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "tighten refund exceptions");

        assertTrue(res.out().contains("prompt/billing_refund@1.1.0"), res.out());
        String yaml = r.read("registry/prompts/billing_refund/artifact.yaml");
        assertTrue(yaml.contains("version: 1.1.0"), yaml);
        assertTrue(yaml.contains("rollback_to: 1.0.0"), yaml);
        assertTrue(yaml.contains("summary: tighten refund exceptions"), yaml);
        assertEquals("prompt/billing_refund@1.1.0\n", r.git("tag", "-l", "prompt/billing_refund@1.1.*"));
        assertEquals("", r.git("status", "--porcelain"));
    }
}
