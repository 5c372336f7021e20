package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command tells the whole story and leaves a registry a user can open. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void demoBuildsANarratedRegistry() {
        RegCli.Result res = RegCli.ok(dir, "demo", "--dir", "story");
        Path repo = dir.resolve("story");
        assertTrue(res.out().contains("== 1. A new registry =="), res.out());
        assertTrue(res.out().contains("$ reg bump prompt billing_refund minor"), res.out());
        assertTrue(res.out().contains("nothing to release"), "the refusal step is shown: " + res.out());
        assertEquals("dataset/golden@2025.9.0\nmodel/cust-copilot@1.4.2\nprompt/billing_refund@2.3.0\nprompt/billing_refund@2.4.0\n",
                GitCli.ok(repo, "tag", "-l"));
        assertEquals("", GitCli.ok(repo, "status", "--porcelain"));
        GitCli.Result fsck = GitCli.run(repo, "fsck", "--strict", "--no-dangling");
        assertEquals(0, fsck.exit(), fsck.err());
    }

    @Test
    void demoRefusesANonEmptyDirectory() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("keep.txt"), "mine");
        RegCli.Result res = RegCli.run(dir, "demo", "--dir", ".");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("is not empty"), res.err());
    }
}
