package dev.reg.eval;

import static dev.reg.testing.EvalFixtures.fixture;
import static dev.reg.testing.EvalFixtures.importRun;
import static dev.reg.testing.EvalFixtures.info;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.EvalFixtures;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same input, same subject, same bytes: an import is a function of what was imported, not of when or where. */
class ReproducibleImportTest {
    @TempDir
    Path dir;

    @Test
    void twoClonesImportingOneFileWriteTheSameBytesAndPullCleanly() throws Exception {
        TestRegistry origin = TestRegistry.supportCopilot(dir.resolve("origin"));
        GitCli.ok(dir, "clone", "-q", "--bare", origin.root().toString(), dir.resolve("shared.git").toString());
        GitCli.ok(dir, "clone", "-q", dir.resolve("shared.git").toString(), dir.resolve("alice").toString());
        GitCli.ok(dir, "clone", "-q", dir.resolve("shared.git").toString(), dir.resolve("bob").toString());
        TestRegistry alice = TestRegistry.open(dir.resolve("alice"));
        TestRegistry bob = TestRegistry.open(dir.resolve("bob"));
        bob.write("notes.txt", "an unrelated change: bob's HEAD is not alice's\n").commitAll("notes");

        Path results = fixture("promptfoo/results.json");
        String a = importRun(alice, RegCli.CLOCK, results, "-w", "support_copilot", "--provider", "echo");
        String b = importRun(bob, Clock.offset(RegCli.CLOCK, Duration.ofHours(5)), results, "-w", "support_copilot", "--provider", "echo");
        assertEquals(a, b);
        String path = "registry/evals/" + a + ".json";
        assertArrayEquals(Files.readAllBytes(alice.path(path)), Files.readAllBytes(bob.path(path)), "same input, same bytes");
        assertEquals("2026-11-23T09:38:27.804Z", info(alice, a).created(), "when promptfoo ran the eval, as its output records it");

        alice.git("push", "-q", "origin", "main");
        GitCli.Result pull = GitCli.run(bob.root(), "pull", "-q", "--no-rebase", "--no-edit", "origin", "main");
        assertEquals(0, pull.exit(), pull.err() + pull.out());
        assertEquals("", bob.git("status", "--porcelain"));
    }

    @Test
    void aFileThatRecordsNoTimeHasNoCreatedAndTheNewestRunIsTheOneCommittedLast() {
        TestRegistry r = TestRegistry.supportCopilot(dir.resolve("r"));
        Path out = dir.resolve("out");
        String first = importRun(r, Clock.offset(RegCli.CLOCK, Duration.ofDays(2)), EvalFixtures.write(out, "a.jsonl", "{\"id\":\"A\",\"pass\":true}\n"),
                "-w", "support_copilot");
        String second = importRun(r, RegCli.CLOCK, EvalFixtures.write(out, "b.jsonl", "{\"id\":\"A\",\"pass\":false}\n"), "-w", "support_copilot");
        assertNull(info(r, first).created(), "reg's own JSONL records no time: none is made up");
        assertTrue(!r.read("registry/evals/" + first + ".json").contains("\"created\""));
        RegCli.Result list = r.regOk("eval", "list");
        List<String> lines = list.out().lines().filter(l -> l.startsWith("support_copilot-")).toList();
        assertEquals(2, lines.size(), list.out());
        assertTrue(lines.get(0).startsWith(second) && lines.get(1).startsWith(first), "newest first, by commit order:\n" + list.out());
    }
}
