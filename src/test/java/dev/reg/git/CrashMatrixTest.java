package dev.reg.git;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.CrashMatrix;
import dev.reg.testing.EvalFixtures;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every writing command killed at every fsync, rename, link and delete it makes: after
 * {@code reg recover} the repository is as before or fully updated, holds nothing reg left behind,
 * and takes the next write. See {@link CrashMatrix} for how a kill is taken in this JVM.
 */
class CrashMatrixTest {
    @TempDir
    Path fixture;

    @TempDir
    Path scratch;

    @TempDir
    Path outside;

    private static RegCli.Result nextWrite(Path repo) {
        return RegCli.run(repo, "adr", "new", "Written after the crash");
    }

    /** A registry with a change to release and unrelated staged and unstaged work of the user's. */
    private TestRegistry registryWithUserWork() {
        TestRegistry r = TestRegistry.supportCopilot(fixture);
        r.append("registry/prompts/billing_refund/template.md", "Always cite the policy.\n");
        r.write("notes/staged.txt", "staged\n");
        r.git("add", "notes/staged.txt");
        r.write("notes/unstaged.txt", "draft\n");
        return r;
    }

    private static void report(String command, CrashMatrix.Report r) {
        System.out.println("crash matrix: " + command + ": " + r.points().size() + " points, " + r.asBefore() + " as before, "
                + r.updated() + " fully updated");
        assertTrue(r.asBefore() > 0 && r.updated() > 0, "kills land both before and after publishing");
    }

    @Test
    void bump() {
        registryWithUserWork();
        report("bump", CrashMatrix.run(fixture, scratch,
                repo -> RegCli.run(repo, "bump", "prompt", "billing_refund", "minor", "-m", "cite policy"), CrashMatrixTest::nextWrite));
    }

    @Test
    void addCopyingFilesFromOutside() {
        registryWithUserWork();
        Path a = EvalFixtures.write(outside, "greeting.md", "Hello {{name}}.\n");
        Path b = EvalFixtures.write(outside.resolve("parts"), "footer.md", "Bye.\n");
        report("add", CrashMatrix.run(fixture, scratch,
                repo -> RegCli.run(repo, "add", "prompt", "greeting", a.toString(), b.toString()), CrashMatrixTest::nextWrite));
    }

    @Test
    void adrNew() {
        registryWithUserWork();
        report("adr new", CrashMatrix.run(fixture, scratch, repo -> RegCli.run(repo, "adr", "new", "Use Postgres"),
                repo -> RegCli.run(repo, "bump", "prompt", "billing_refund", "minor")));
    }

    @Test
    void initInAnExistingRepository() {
        GitCli.ok(fixture, "init", "-q");
        TestRegistry.open(fixture).write("mine.txt", "work in progress\n");
        GitCli.ok(fixture, "add", "mine.txt");
        report("init", CrashMatrix.run(fixture, scratch, repo -> RegCli.run(repo, "init"), repo -> RegCli.run(repo, "init")));
    }

    @Test
    void evalImportOfASmallRun() {
        registryWithUserWork();
        Path run = EvalFixtures.write(outside, "run.jsonl", "{\"id\":\"FAQ-001\",\"pass\":true}\n{\"id\":\"JAIL-007\",\"pass\":false}\n");
        report("eval import", CrashMatrix.run(fixture, scratch,
                repo -> RegCli.run(repo, "eval", "import", run.toString(), "-w", "support_copilot"), CrashMatrixTest::nextWrite));
    }

    @Test
    void evalImportOfALargeRunStoredAsAFolder() {
        registryWithUserWork();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            rows.append("{\"id\":\"C-").append(i).append("\",\"pass\":").append(i % 7 != 0).append("}\n");
        }
        Path run = EvalFixtures.write(outside, "large.jsonl", rows.toString());
        report("eval import (large)", CrashMatrix.run(fixture, scratch,
                repo -> RegCli.run(repo, "eval", "import", run.toString(), "-w", "support_copilot"), CrashMatrixTest::nextWrite));
    }
}
