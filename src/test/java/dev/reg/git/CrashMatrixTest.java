package dev.reg.git;

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

    /** A registry with a change to release and unrelated staged and unstaged work of the user's. */
    private TestRegistry registryWithUserWork() {
        TestRegistry r = TestRegistry.supportCopilot(fixture);
        r.append("registry/prompts/billing_refund/template.md", "Always cite the policy.\n");
        r.write("notes/staged.txt", "staged\n");
        r.git("add", "notes/staged.txt");
        r.write("notes/unstaged.txt", "draft\n");
        return r;
    }

    @Test
    void bump() {
        registryWithUserWork();
        CrashMatrix.run("bump", fixture, scratch,
                repo -> RegCli.run(repo, "bump", "prompt", "billing_refund", "minor", "-m", "cite policy"), CrashMatrix::newAdr);
    }

    @Test
    void addCopyingFilesFromOutside() {
        registryWithUserWork();
        Path a = EvalFixtures.write(outside, "greeting.md", "Hello {{name}}.\n");
        Path b = EvalFixtures.write(outside.resolve("parts"), "footer.md", "Bye.\n");
        CrashMatrix.run("add", fixture, scratch,
                repo -> RegCli.run(repo, "add", "prompt", "greeting", a.toString(), b.toString()), CrashMatrix::newAdr);
    }

    @Test
    void adrNew() {
        registryWithUserWork();
        CrashMatrix.run("adr new", fixture, scratch, repo -> RegCli.run(repo, "adr", "new", "Use Postgres"),
                repo -> RegCli.run(repo, "bump", "prompt", "billing_refund", "minor", "-m", "cite policy"));
    }

    @Test
    void initInAnExistingRepository() {
        GitCli.ok(fixture, "init", "-q");
        TestRegistry.open(fixture).write("mine.txt", "work in progress\n");
        GitCli.ok(fixture, "add", "mine.txt");
        CrashMatrix.run("init", fixture, scratch, repo -> RegCli.run(repo, "init"), repo -> RegCli.run(repo, "init"));
    }

    @Test
    void evalImportOfASmallRun() {
        registryWithUserWork();
        Path run = EvalFixtures.write(outside, "run.jsonl", "{\"id\":\"FAQ-001\",\"pass\":true}\n{\"id\":\"JAIL-007\",\"pass\":false}\n");
        CrashMatrix.run("eval import", fixture, scratch,
                repo -> RegCli.run(repo, "eval", "import", run.toString(), "-w", "support_copilot"), CrashMatrix::newAdr);
    }

    @Test
    void evalImportOfALargeRunStoredAsAFolder() {
        registryWithUserWork();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1100; i++) {
            rows.append("{\"id\":\"C-").append(i).append("\",\"pass\":").append(i % 7 != 0).append("}\n");
        }
        Path run = EvalFixtures.write(outside, "large.jsonl", rows.toString());
        CrashMatrix.run("eval import (large)", fixture, scratch,
                repo -> RegCli.run(repo, "eval", "import", run.toString(), "-w", "support_copilot"), CrashMatrix::newAdr);
    }
}
