package dev.reg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bump refuses what would make a version that is not what it says: a commit in the middle of a
 * merge, rebase, cherry-pick or revert (Git refuses partial commits then too), and files in the
 * artifact's folder that its files: list does not name (they would be in the version but not in its digest).
 */
class BumpRefusalsTest {
    private static final String TEMPLATE = "registry/prompts/billing_refund/template.md";
    private static final String[] BUMP = {"bump", "prompt", "billing_refund", "minor", "-m", "cite policy"};

    @TempDir
    Path dir;

    /** A registry with a change to release, and a branch {@code other} whose notes.txt conflicts with main's. */
    private TestRegistry conflictingBranches() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.write("notes.txt", "base\n").commitAll("notes");
        r.git("checkout", "-q", "-b", "other");
        r.write("notes.txt", "theirs\n").commitAll("their notes");
        r.git("checkout", "-q", "main");
        r.write("notes.txt", "ours\n").commitAll("our notes");
        r.append(TEMPLATE, "Always cite the policy.\n");
        return r;
    }

    private static void assertRefused(TestRegistry r, String operation) {
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg(BUMP);
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("a " + operation + " is in progress"), res.err());
        r.assertUnchangedSince(before);
        assertEquals("", r.git("tag", "-l", "prompt/billing_refund@1.1.0"));
    }

    @Test
    void duringAMerge() {
        TestRegistry r = conflictingBranches();
        assertEquals(1, GitCli.run(r.root(), "merge", "-q", "other").exit());
        assertRefused(r, "merge");
    }

    @Test
    void duringACherryPick() {
        TestRegistry r = conflictingBranches();
        assertEquals(1, GitCli.run(r.root(), "cherry-pick", "other").exit());
        assertRefused(r, "cherry-pick");
    }

    @Test
    void duringARevert() {
        TestRegistry r = conflictingBranches();
        r.write("notes.txt", "ours again\n").commitAll("more notes");
        r.append(TEMPLATE, "More.\n");
        assertEquals(1, GitCli.run(r.root(), "revert", "--no-edit", "HEAD~1").exit());
        assertRefused(r, "revert");
    }

    @Test
    void duringARebase() {
        TestRegistry r = conflictingBranches();
        r.git("stash", "-q");
        assertEquals(1, GitCli.run(r.root(), "rebase", "other").exit());
        r.append(TEMPLATE, "Always cite the policy.\n");
        assertRefused(r, "rebase");
    }

    @Test
    void aListedFileThatGitIgnoresIsNamedNotLeftOutOfTheCommit() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.write(".gitignore", "*.md\n");
        r.git("add", ".gitignore");
        r.git("commit", "-q", "-m", "ignore Markdown", ".gitignore");
        r.git("rm", "-q", "--cached", TEMPLATE);
        r.git("commit", "-q", "-m", "untrack the template");
        r.append(TEMPLATE, "Always cite the policy.\n");
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg(BUMP);
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("registry/prompts/billing_refund/artifact.yaml: files: template.md is ignored by Git"), res.err());
        r.assertUnchangedSince(before);
    }

    @Test
    void unlistedFilesInTheArtifactFolderAreNamed() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.append(TEMPLATE, "Always cite the policy.\n");
        r.write("registry/prompts/billing_refund/draft.md", "not released\n");
        r.write("registry/prompts/billing_refund/old/notes.txt", "tracked but not listed\n");
        r.git("add", "registry/prompts/billing_refund/old/notes.txt");
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg(BUMP);
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("registry/prompts/billing_refund holds files that files: does not list: draft.md, old/notes.txt"),
                res.err());
        r.assertUnchangedSince(before);

        // ignored files are not committed, so they are no reason to refuse
        r.write(".gitignore", "*.draft\n");
        r.git("add", ".gitignore");
        r.git("commit", "-q", "-m", "ignore drafts", ".gitignore");
        r.git("rm", "-q", "--cached", "registry/prompts/billing_refund/old/notes.txt");
        r.write(".git/info/exclude", "registry/prompts/billing_refund/draft.md\nregistry/prompts/billing_refund/old/\n");
        r.write("registry/prompts/billing_refund/scratch.draft", "ignored\n");
        r.regOk(BUMP);
        assertEquals("registry/prompts/billing_refund/artifact.yaml\nregistry/prompts/billing_refund/template.md\n",
                r.git("show", "--format=", "--name-only", "HEAD"));
    }
}
