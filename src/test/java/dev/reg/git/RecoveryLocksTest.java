package dev.reg.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.util.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery removes the locks a dead reg change took and no others: its index lock (a hard link to
 * its marker) and the ref locks of the refs it was publishing, never a lock of another process.
 */
class RecoveryLocksTest {
    private static final String[] BUMP = {"bump", "prompt", "billing_refund", "minor", "-m", "cite policy"};

    @TempDir
    Path dir;

    /** A bump killed -9 just before its ref transaction; returns the commit id it journaled. */
    private String killedBeforeRefs(TestRegistry r) throws IOException {
        r.append("registry/prompts/billing_refund/template.md", "Always cite the policy.\n");
        RegCli.Result killed = RegCli.runProcess(r.root(), List.of(Faults.PROPERTY + "=before-refs:halt"), BUMP);
        assertEquals(137, killed.exit(), killed.all());
        try (Stream<Path> s = Files.list(r.path(".git/reg"))) {
            Path change = s.filter(p -> p.getFileName().toString().startsWith("change-")).findFirst().orElseThrow();
            assertTrue(Files.isSameFile(change.resolve("lock"), r.path(".git/index.lock")), "the index lock is the change's marker");
            return Files.readAllLines(change.resolve("journal")).stream().filter(l -> l.startsWith("commit "))
                    .map(l -> l.substring(7)).findFirst().orElseThrow();
        }
    }

    @Test
    void theRefLocksOfTheDeadTransactionAreRemoved() throws IOException {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        String commit = killedBeforeRefs(r);
        // what JGit's PackedBatchRefUpdate holds in the middle of the transaction: empty loose-ref locks and the new packed-refs
        r.write(".git/refs/heads/main.lock", "");
        r.write(".git/refs/tags/prompt/billing_refund@1.1.0.lock", "");
        r.write(".git/packed-refs.lock", r.read(".git/packed-refs") + commit + " refs/heads/main\n");

        RegCli.Result recovered = r.regOk("recover");
        assertTrue(recovered.err().contains("discarded an interrupted change that was never published"), recovered.err());
        for (String lock : List.of(".git/index.lock", ".git/refs/heads/main.lock", ".git/refs/tags/prompt/billing_refund@1.1.0.lock",
                ".git/packed-refs.lock")) {
            assertFalse(Files.exists(r.path(lock)), lock);
        }
        r.regOk(BUMP);
    }

    @Test
    void anotherProcesssLocksStay() throws IOException {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        killedBeforeRefs(r);
        // someone else (a git fetch, say) holds packed-refs and a tag of theirs after reg died
        String theirs = r.read(".git/packed-refs") + "0123456789012345678901234567890123456789 refs/tags/theirs\n";
        r.write(".git/packed-refs.lock", theirs);
        r.write(".git/refs/tags/theirs.lock", "0123456789012345678901234567890123456789\n");

        r.regOk("recover");
        assertFalse(Files.exists(r.path(".git/index.lock")), "reg's own index lock goes");
        assertEquals(theirs, r.read(".git/packed-refs.lock"), "another process's packed-refs lock stays");
        assertTrue(Files.exists(r.path(".git/refs/tags/theirs.lock")));
    }

    @Test
    void anIndexLockThatIsNotTheDeadChangesStays() throws IOException {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        killedBeforeRefs(r);
        // the dead change's lock was removed by hand and another git took the index since
        Files.delete(r.path(".git/index.lock"));
        r.write(".git/index.lock", "");

        r.regOk("recover");
        assertTrue(Files.exists(r.path(".git/index.lock")), "a lock that is not the dead change's marker is someone else's");
        RegCli.Result next = r.reg(BUMP);
        assertEquals(3, next.exit(), next.all());
        assertTrue(next.err().contains("another Git or reg process is writing this repository"), next.err());
    }
}
