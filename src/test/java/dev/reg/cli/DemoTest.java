package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command tells the whole story and leaves a registry a user can open. */
class DemoTest {
    @TempDir
    Path dir;

    @Test
    void demoTellsTheWholeStoryAndLeavesAConsistentRegistry() throws Exception {
        RegCli.Result res = RegCli.ok(dir, "demo", "--dir", "story");
        Path repo = dir.resolve("story");
        String out = res.out();
        assertTrue(out.contains("release support_copilot 1: SHIP"), out);
        assertTrue(out.contains("release support_copilot 2: HOLD"), out);
        assertTrue(out.contains("FAIL  must-pass JAIL-007"), out);
        assertTrue(out.contains("nothing to release: the content of prompt/billing_refund is unchanged"), out);
        assertTrue(out.contains("release support_copilot 3: CANARY"), out);
        assertTrue(out.contains("promote support_copilot 3: PROMOTED"), out);
        assertTrue(out.contains("release support_copilot 5: CANARY"), out);
        assertTrue(out.contains("rolled-back  release 5 -> release 4 (as release 6"), "the later canary hits its stop-loss: " + out);
        assertTrue(out.contains("rolled back support_copilot: release 3 -> release 1 (as release 4)"), out);
        assertTrue(out.contains("nothing to do: the live release 4"), "running rollback twice is safe: " + out);
        assertTrue(out.contains("$ reg validate\n  no findings"), out);
        assertTrue(out.contains("$ reg verify\n  verified: 6 version tags, 5 release tags, 6 ledger entries"), out);

        assertEquals("dataset/golden@2025.9.0\nmodel/cust-copilot@1.4.2\nprompt/billing_refund@2.3.0\nprompt/billing_refund@2.4.0\n"
                + "prompt/billing_refund@2.4.1\nprompt/billing_refund@2.4.2\nrelease/support_copilot/1\nrelease/support_copilot/3\n"
                + "release/support_copilot/4\nrelease/support_copilot/5\nrelease/support_copilot/6\n",
                GitCli.ok(repo, "tag", "-l"));
        String ledger = Files.readString(repo.resolve("registry/releases/support_copilot.yaml"));
        assertTrue(ledger.contains("status: held"), ledger);
        assertTrue(ledger.contains("status: rolled-back"), ledger);
        assertTrue(ledger.contains("rollback_from: 3"), ledger);
        assertTrue(Files.readString(repo.resolve("registry/prompts/billing_refund/artifact.yaml")).contains("version: 2.3.0"),
                "the prompt is back at the last good version");
        try (var adrs = Files.list(repo.resolve("adr"))) {
            assertEquals(8, adrs.count());
        }
        assertEquals("", GitCli.ok(repo, "status", "--porcelain"));
        // the rollback lowered the prompt's version: allowed in reg's rollback commit, so a PR check across it passes
        RegCli.Result acrossRollback = RegCli.run(repo, "validate", "--base", "release/support_copilot/3");
        assertEquals(0, acrossRollback.exit(), acrossRollback.all());
        assertTrue(acrossRollback.out().startsWith("no findings"), acrossRollback.out());
        GitCli.Result fsck = GitCli.run(repo, "fsck", "--strict", "--no-dangling");
        assertEquals(0, fsck.exit(), fsck.err());
    }

    @Test
    void demoRefusesANonEmptyDirectory() throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        RegCli.Result res = RegCli.run(dir, "demo", "--dir", ".");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("is not empty"), res.err());
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
    }
}
