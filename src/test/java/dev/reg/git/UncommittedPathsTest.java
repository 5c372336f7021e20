package dev.reg.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reg.testing.GitCli;
import dev.reg.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitStore.uncommittedPaths agrees with C git's status on every kind of change. */
class UncommittedPathsTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Paths C git reports under registry/ (untracked folders expanded, ignored files left out). */
    private Set<String> cgit() {
        return cgit("registry");
    }

    private Set<String> cgit(String path) {
        Set<String> out = new TreeSet<>();
        for (String line : GitCli.ok(dir, "status", "--porcelain=v1", "--untracked-files=all", "--no-renames", "--", path)
                .split("\n")) {
            if (!line.isBlank()) {
                out.add(line.substring(3));
            }
        }
        return out;
    }

    private Set<String> jgit() {
        return jgit("registry");
    }

    private Set<String> jgit(String path) {
        TestEnv.home();
        try (GitStore git = GitStore.open(dir)) {
            return new TreeSet<>(git.status().uncommittedPaths(List.of(path)));
        }
    }

    @Test
    void agreesWithCGitStatus() throws Exception {
        GitCli.ok(dir, "init", "-q");
        for (String f : List.of("a", "b", "c", "d", "e", "f")) {
            write("registry/prompts/" + f + "/template.md", "content " + f + "\n");
        }
        write("registry/prompts/g/link-target.md", "x\n");
        Files.createSymbolicLink(dir.resolve("registry/prompts/g/link.md"), Path.of("link-target.md"));
        write(".gitignore", "registry/scratch/\n*.tmp\n");
        write("outside/untracked.md", "not under registry\n");
        GitCli.ok(dir, "add", "registry", ".gitignore");
        GitCli.ok(dir, "commit", "-q", "-m", "start");
        Thread.sleep(1100); // past the racy window of the index just written
        GitCli.ok(dir, "status", "-s"); // let C git refresh its index as a user's git would

        write("registry/prompts/a/template.md", "changed a\n");                 // modified, other size
        write("registry/prompts/b/template.md", "content B\n");                 // modified, same size
        Files.setLastModifiedTime(dir.resolve("registry/prompts/b/template.md"), FileTime.fromMillis(1_000_000_000_000L));
        Files.delete(dir.resolve("registry/prompts/c/template.md"));            // deleted
        write("registry/prompts/d/new.md", "staged new\n");                      // added to the index
        GitCli.ok(dir, "add", "registry/prompts/d/new.md");
        write("registry/prompts/e/untracked.md", "untracked\n");                 // untracked
        write("registry/scratch/ignored.md", "ignored folder\n");                // ignored
        write("registry/prompts/e/x.tmp", "ignored file\n");                     // ignored
        Files.setLastModifiedTime(dir.resolve("registry/prompts/f/template.md"), FileTime.fromMillis(1_500_000_000_000L)); // touched only
        Files.delete(dir.resolve("registry/prompts/g/link.md"));                 // symlink retargeted
        Files.createSymbolicLink(dir.resolve("registry/prompts/g/link.md"), Path.of("elsewhere.md"));

        Set<String> expected = new TreeSet<>(Set.of("registry/prompts/a/template.md", "registry/prompts/b/template.md",
                "registry/prompts/c/template.md", "registry/prompts/d/new.md", "registry/prompts/e/untracked.md",
                "registry/prompts/g/link.md"));
        assertEquals(expected, cgit(), "the fixture is what C git says it is");
        assertEquals(expected, jgit());
    }

    @Test
    void cleanTreeHasNoChangesEvenWhenRacilyClean() throws Exception {
        GitCli.ok(dir, "init", "-q");
        write("registry/prompts/a/template.md", "a\n");
        GitCli.ok(dir, "add", "-A");
        GitCli.ok(dir, "commit", "-q", "-m", "start"); // files and index written within the same instant
        assertEquals(Set.of(), jgit());
        write("registry/prompts/a/template.md", "b\n"); // same size, maybe the same timestamp: content decides
        assertEquals(Set.of("registry/prompts/a/template.md"), jgit());
    }

    /**
     * Issue 14: a status of one folder lists only the folders on its way (not the 2,000 artifacts
     * beside it), and still reads every ignore rule on that way, as C git's status of that folder.
     */
    @Test
    void aStatusOfOneFolderAgreesWithCGitForThatFolder() throws Exception {
        GitCli.ok(dir, "init", "-q");
        for (String f : List.of("a", "b", "c")) {
            write("registry/prompts/" + f + "/template.md", "content " + f + "\n");
        }
        write(".gitignore", "registry/prompts/b/scratch/\n");
        write("registry/prompts/.gitignore", "*.tmp\n");
        write("registry/prompts/b/.gitignore", "local-*\n");
        GitCli.ok(dir, "add", "-A");
        GitCli.ok(dir, "commit", "-q", "-m", "start");
        Thread.sleep(1100);
        GitCli.ok(dir, "status", "-s");

        write("registry/prompts/a/template.md", "changed a\n");
        write("registry/prompts/b/new.md", "untracked\n");
        write("registry/prompts/b/x.tmp", "ignored by the parent folder's rule\n");
        write("registry/prompts/b/local-notes.md", "ignored by the folder's own rule\n");
        write("registry/prompts/b/scratch/y.md", "ignored by the root rule\n");
        write("registry/prompts/bb/template.md", "a folder whose name starts like b\n");
        Files.delete(dir.resolve("registry/prompts/c/template.md"));

        for (String folder : List.of("registry/prompts/a", "registry/prompts/b", "registry/prompts/c", "registry/prompts/b/new.md")) {
            assertEquals(cgit(folder), jgit(folder), folder);
        }
        assertEquals(Set.of("registry/prompts/b/new.md"), jgit("registry/prompts/b"));
    }
}
