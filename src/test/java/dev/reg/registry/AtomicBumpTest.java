package dev.reg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.util.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bump is all or nothing: whatever fails, or is killed, the repository is as before or fully updated. */
class AtomicBumpTest {
    private static final String TEMPLATE = "registry/prompts/billing_refund/template.md";
    private static final String[] BUMP = {"bump", "prompt", "billing_refund", "minor", "-m", "cite policy"};

    @TempDir
    Path dir;

    TestRegistry r;

    @BeforeEach
    void registryWithAChangeToRelease() {
        r = TestRegistry.supportCopilot(dir);
        r.append(TEMPLATE, "Always cite the policy.\n");
        // unrelated user work, staged and unstaged, must survive whatever happens
        r.write("notes/staged.txt", "staged\n");
        r.git("add", "notes/staged.txt");
        r.write("notes/unstaged.txt", "draft\n");
    }

    @AfterEach
    void clearFault() {
        System.clearProperty(Faults.PROPERTY);
    }

    private void assertFullyUpdated() {
        assertEquals("prompt/billing_refund@1.1.0\n", r.git("tag", "-l", "prompt/billing_refund@1.1.0"));
        assertTrue(r.read("registry/prompts/billing_refund/artifact.yaml").contains("version: 1.1.0"));
        assertEquals("A  notes/staged.txt\n?? notes/unstaged.txt\n", r.git("status", "--porcelain"));
        assertEquals("prompt/billing_refund@1.1.0: cite policy\n", r.git("log", "-1", "--format=%s"));
        assertEquals("registry/prompts/billing_refund/artifact.yaml\nregistry/prompts/billing_refund/template.md\n",
                r.git("show", "--format=", "--name-only", "HEAD"));
        assertFsckClean();
    }

    private void assertFsckClean() {
        GitCli.Result fsck = GitCli.run(r.root(), "fsck", "--strict", "--no-dangling");
        assertEquals(0, fsck.exit(), fsck.err() + fsck.out());
        assertFalse(fsck.err().contains("error"), fsck.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"after-write-objects", "after-commit-object", "before-refs"})
    void failureBeforeTheRefTransactionLeavesEverythingAsBefore(String point) {
        Map<String, String> before = r.snapshot();
        System.setProperty(Faults.PROPERTY, point);
        RegCli.Result res = r.reg(BUMP);
        assertEquals(70, res.exit(), res.all());
        assertTrue(res.err().contains("injected fault at " + point), res.err());
        r.assertUnchangedSince(before);
        assertFalse(Files.exists(r.path(".git/index.lock")));
        r.assertNoChangeInFlight();
        assertFsckClean();
        System.clearProperty(Faults.PROPERTY);
        r.regOk(BUMP);
        assertFullyUpdated();
    }

    @Test
    void losingTheRefTransactionToAnotherWriterChangesNothing() throws Exception {
        Map<String, String> before = r.snapshot();
        Path release = dir.resolveSibling(dir.getFileName() + "-release");
        Process p = RegCli.process(r.root(), List.of(Faults.PROPERTY + "=before-refs:pause:" + release), BUMP).start();
        waitFor(Path.of(release + ".reached"));
        // someone else publishes the same tag (say, a push from a colleague) while reg is between objects and refs
        r.git("tag", "-a", "-m", "other", "prompt/billing_refund@1.1.0", "HEAD");
        Files.createFile(release);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes());
        assertEquals(3, p.exitValue(), err);
        assertTrue(err.contains("another process updated the repository first"), err);
        r.git("tag", "-d", "prompt/billing_refund@1.1.0");
        r.assertUnchangedSince(before);
    }

    /**
     * Ctrl-C or a cancelled CI job (SIGTERM) in the middle of a change: the lock files JGit holds
     * (here the new index's, in the change's folder) are released on the way out, as JGit's own
     * shutdown hook released them (reg runs JGit's cleanup from its own hook, only when the JVM is
     * stopped mid-command). reg's own {@code .git/index.lock} stays, as after kill -9, until the next
     * command finishes the change and releases it.
     */
    @Test
    void aCommandStoppedBySigtermLeavesNoJGitLockBehind() throws Exception {
        Path release = dir.resolveSibling(dir.getFileName() + "-sigterm");
        Process p = RegCli.process(r.root(), List.of(Faults.PROPERTY + "=write index:pause:" + release), BUMP).start();
        waitFor(Path.of(release + ".reached"));
        assertEquals(1, jgitLocks().size(), "JGit holds the new index's lock at this point: " + jgitLocks());
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(), jgitLocks(), "JGit's lock files left after SIGTERM");
        assertTrue(Files.exists(r.path(".git/index.lock")), "reg's own lock stays for recovery");
        RegCli.Result next = r.regOk("show", "prompt/billing_refund");
        assertTrue(next.err().contains("completed an interrupted change"), next.err());
        assertFullyUpdated();
        assertFalse(Files.exists(r.path(".git/index.lock")));
    }

    /** Lock files in reg's change folders: JGit's, taken while a change writes there. */
    private List<Path> jgitLocks() throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(r.path(".git/reg"))) {
            return s.filter(f -> f.getFileName().toString().endsWith(".lock")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before-refs", "after-refs", "after-work-tree"})
    void killAtAnyPointIsCompletedOrDiscardedByTheNextCommand(String point) throws Exception {
        Map<String, String> before = r.snapshot();
        RegCli.Result killed = RegCli.runProcess(r.root(), List.of(Faults.PROPERTY + "=" + point + ":halt"), BUMP);
        assertEquals(137, killed.exit(), killed.all());

        RegCli.Result next = r.regOk("show", "prompt/billing_refund");
        if (point.equals("before-refs")) {
            assertTrue(next.err().contains("discarded an interrupted change that was never published"), next.err());
            r.assertUnchangedSince(before);
        } else {
            assertTrue(next.err().contains("completed an interrupted change"), next.err());
            assertFullyUpdated();
        }
        r.assertNoChangeInFlight();
    }

    @Test
    void recoveryNeverOverwritesAnEditMadeAfterTheCrash() {
        RegCli.Result killed = RegCli.runProcess(r.root(), List.of(Faults.PROPERTY + "=after-refs:halt"), BUMP);
        assertEquals(137, killed.exit(), killed.all());
        r.append("registry/prompts/billing_refund/artifact.yaml", "# edited after the crash\n");
        String edited = r.read("registry/prompts/billing_refund/artifact.yaml");

        RegCli.Result next = r.regOk("recover");
        assertTrue(next.err().contains("kept your later edits of registry/prompts/billing_refund/artifact.yaml"), next.err());
        assertEquals(edited, r.read("registry/prompts/billing_refund/artifact.yaml"));
        assertTrue(r.git("show", "HEAD:registry/prompts/billing_refund/artifact.yaml").contains("version: 1.1.0"));
        assertEquals("A  notes/staged.txt\n M registry/prompts/billing_refund/artifact.yaml\n?? notes/unstaged.txt\n",
                r.git("status", "--porcelain"));
    }

    @Test
    void twoRacingBumpsInTwoProcessesTagOneVersionOnce() throws Exception {
        Path release = dir.resolveSibling(dir.getFileName() + "-go");
        Process first = RegCli.process(r.root(), List.of(Faults.PROPERTY + "=before-refs:pause:" + release), BUMP).start();
        waitFor(Path.of(release + ".reached"));
        RegCli.Result second = RegCli.runProcess(r.root(), List.of(), BUMP);
        Files.createFile(release);
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue(), new String(first.getErrorStream().readAllBytes()));
        assertEquals(3, second.exit(), second.all());
        assertTrue(second.err().contains("another Git or reg process is writing this repository"), second.err());
        assertFullyUpdated();
        assertEquals("prompt/billing_refund@1.0.0\nprompt/billing_refund@1.1.0\n", r.git("tag", "-l", "prompt/billing_refund@*"));
    }

    @Test
    void manyConcurrentBumpsNeverProduceTwoTagsForOneVersion() throws Exception {
        List<Process> ps = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ps.add(RegCli.process(r.root(), List.of(), BUMP).start());
        }
        int ok = 0;
        for (Process p : ps) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes());
            if (p.exitValue() == 0) {
                ok++;
            } else {
                // the loser either met the lock (3), saw the branch move (3), or, starting after the winner, found nothing new (2)
                assertTrue(p.exitValue() == 3 || (p.exitValue() == 2 && err.contains("unchanged since 1.1.0")), p.exitValue() + " " + err);
            }
        }
        assertEquals(1, ok);
        assertFullyUpdated();
    }

    private static void waitFor(Path file) throws InterruptedException {
        for (int i = 0; i < 3000 && !Files.exists(file); i++) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(file), "the paused process reached its pause point");
    }
}
