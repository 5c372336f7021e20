package dev.reg.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ref reads answered from packed-refs by binary search agree with C git, loose refs included. */
class FastRefsTest {
    @TempDir
    Path dir;

    @Test
    void prefixesExactRefsHeadAndTagPeelingAgreeWithGit() throws Exception {
        TestEnv.home();
        git("init", "-q", "-b", "main");
        Files.writeString(dir.resolve("a.txt"), "a\n");
        git("add", "a.txt");
        git("commit", "-q", "-m", "one");
        String one = git("rev-parse", "HEAD").trim();
        for (String t : List.of("prompt/a@1.0.0", "prompt/a@1.1.0", "prompt/a@1.10.0", "prompt/ab@1.0.0", "release/wf/1", "release/wf/2",
                "release/wf/10", "release/wf2/1", "dataset/z@1.0.0")) {
            git("tag", "-a", "-m", t, t);
        }
        git("tag", "lightweight", "HEAD");
        git("pack-refs", "--all");
        Files.writeString(dir.resolve("a.txt"), "b\n");
        git("commit", "-q", "-am", "two");
        String two = git("rev-parse", "HEAD").trim();
        git("tag", "-a", "-m", "loose", "release/wf/3");   // loose, not packed
        git("tag", "-f", "-a", "-m", "moved", "prompt/a@1.1.0"); // loose overrides the packed entry
        git("tag", "-d", "prompt/ab@1.0.0");                // removed from packed-refs

        try (GitStore store = GitStore.open(dir)) {
            assertTrue(PackedRefs.open(store.gitDir()).isPresent(), "the fast path is in use");
            for (String prefix : List.of("refs/tags/", "refs/tags/release/wf/", "refs/tags/release/wf", "refs/tags/prompt/a@",
                    "refs/tags/prompt/", "refs/tags/nothing/", "refs/heads/", "refs/")) {
                List<String> expected = git("for-each-ref", "--format=%(refname)", prefix.endsWith("/") ? prefix : prefix + "*")
                        .lines().filter(r -> r.startsWith(prefix)).toList();
                if (!prefix.endsWith("/")) {
                    expected = git("for-each-ref", "--format=%(refname)").lines().filter(r -> r.startsWith(prefix)).toList();
                }
                assertEquals(expected, store.refs().refNames(prefix), prefix);
            }
            assertEquals(Optional.of(new GitId(two)), store.refs().head());
            assertTrue(store.refs().refExists("refs/tags/release/wf/10"));
            assertTrue(store.refs().refExists("refs/tags/release/wf/3"));
            assertFalse(store.refs().refExists("refs/tags/prompt/ab@1.0.0"));
            assertFalse(store.refs().refExists("refs/tags/release/wf/1000"));
            assertEquals(Optional.of(new GitId(one)), store.refs().resolveCommit("refs/tags/release/wf/1"));
            assertEquals(Optional.of(new GitId(two)), store.refs().resolveCommit("refs/tags/prompt/a@1.1.0"));
            assertEquals(Optional.of(new GitId(two)), store.refs().resolveCommit("refs/tags/release/wf/3"));
            assertEquals(Optional.of(new GitId(one)), store.refs().resolveCommit("refs/tags/lightweight"));
            assertEquals(Optional.empty(), store.refs().resolveCommit("refs/tags/nope"));
        }
    }

    @Test
    void anUnbornBranchHasNoHead() throws Exception {
        TestEnv.home();
        git("init", "-q", "-b", "main");
        try (GitStore store = GitStore.open(dir)) {
            assertEquals(Optional.empty(), store.refs().head());
            assertEquals(List.of(), store.refs().refNames("refs/tags/"));
        }
    }

    private String git(String... args) {
        return GitCli.ok(dir, args);
    }
}
