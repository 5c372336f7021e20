package dev.reg.cli;

import static dev.reg.testing.EvalFixtures.importRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.EvalFixtures;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reg prints when things go right: no "reg:" prefix (that marks errors), counts in words that agree with the number. */
class MessagesTest {
    @TempDir
    Path dir;
    @TempDir
    Path outside;

    @Test
    void successMessagesDoNotStartWithTheErrorPrefix() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        assertEquals(dir + " is already a registry; nothing to add\n", r.regOk("init").out());
        assertEquals("nothing to recover\n", r.regOk("recover").out());
        releaseOnce(r);
        RegCli.Result memo = r.regOk("memo", "support_copilot", "1");
        assertEquals("adr/0002-release-support-copilot-1.md (accepted)\n", memo.err());
        assertTrue(memo.out().startsWith("# 2. Release support_copilot 1\n"), memo.out());
        r.regOk("hooks", "install");
        RegCli.Result again = r.regOk("hooks", "install");
        assertTrue(again.out().startsWith("the pre-commit hook is already installed ("), again.out());
    }

    @Test
    void countsArePluralised() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        RegCli.Result imported = r.regOk("eval", "import", EvalFixtures.write(outside, "one.jsonl", "{\"id\":\"FAQ-001\",\"pass\":true}\n").toString(),
                "-w", "support_copilot");
        assertTrue(imported.out().contains("\n  1 case: 1 passed, 0 failed, 0 errored\n"), imported.out());
        assertTrue(r.git("log", "-1", "--format=%B").contains("\n1 case, 1 row: 1 passed"), r.git("log", "-1", "--format=%B"));
        releaseOnce(r);
        assertEquals("verified: 3 version tags, 1 release tag, 1 ledger entry; every digest and tag agrees\n", r.regOk("verify").out());
    }

    private void releaseOnce(TestRegistry r) {
        r.write("registry/gates/support_copilot.yaml", "gates:\n  - {metric: pass, agg: mean, min: 0.5}\n");
        r.commitAll("gate");
        importRun(r, EvalFixtures.write(outside, "run.jsonl", "{\"id\":\"FAQ-001\",\"pass\":true}\n{\"id\":\"FAQ-002\",\"pass\":true}\n"),
                "-w", "support_copilot");
        r.regOk("release", "support_copilot");
    }
}
