package dev.reg.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reg.testing.GitCli;
import dev.reg.testing.TestEnv;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitStore reading refs by name (PackedRefs: binary search of packed-refs, loose refs first) agrees with C git on every prefix: packed, loose, peeled, deleted and re-created refs. */
class RefReadingTest {
    @TempDir
    Path dir;

    @Test
    void agreesWithCGitForEachRef() {
        TestEnv.home();
        GitCli.ok(dir, "init", "-q");
        GitCli.ok(dir, "commit", "-q", "--allow-empty", "-m", "one");
        GitCli.ok(dir, "commit", "-q", "--allow-empty", "-m", "two");
        Random rnd = new Random(42);
        String[] names = {"prompt/a", "prompt/a_b", "prompt/ab", "prompt/b", "model/a", "dataset/a.b", "release/wf/1", "release/wf/10"};
        for (int i = 0; i < 120; i++) {
            String tag = names[rnd.nextInt(names.length)] + (names[0].startsWith("release") ? "" : "@1." + rnd.nextInt(40) + ".0");
            if (!GitCli.run(dir, "rev-parse", "-q", "--verify", "refs/tags/" + tag).out().isEmpty()) {
                continue;
            }
            if (rnd.nextBoolean()) {
                GitCli.ok(dir, "tag", "-a", "-m", "m" + i, tag, rnd.nextBoolean() ? "HEAD" : "HEAD~1");
            } else {
                GitCli.ok(dir, "tag", tag, "HEAD~1");
            }
            if (i == 60) {
                GitCli.ok(dir, "pack-refs", "--all");
            }
        }
        // loose refs that shadow or remove packed ones
        String anyPacked = GitCli.ok(dir, "for-each-ref", "--count=1", "--format=%(refname:short)", "refs/tags/prompt/").trim();
        GitCli.ok(dir, "tag", "-f", "-a", "-m", "moved", anyPacked, "HEAD");
        String another = GitCli.ok(dir, "for-each-ref", "--count=1", "--format=%(refname:short)", "refs/tags/model/").trim();
        GitCli.ok(dir, "tag", "-d", another);

        try (GitStore store = GitStore.open(dir)) {
            for (String prefix : List.of("refs/tags/", "refs/tags/prompt/a@", "refs/tags/prompt/a", "refs/tags/prompt/", "refs/tags/model/a@",
                    "refs/tags/dataset/a.b@", "refs/tags/release/wf/", "refs/tags/release/wf/1", "refs/tags/zzz", "refs/heads/", "refs/")) {
                assertEquals(cGit(prefix), store.refs().refsPeeled(prefix), prefix);
            }
        }
    }

    private Map<String, GitId> cGit(String prefix) {
        Map<String, GitId> out = new LinkedHashMap<>();
        String pattern = prefix.endsWith("/") ? prefix : prefix + "*";
        for (String line : GitCli.ok(dir, "for-each-ref", "--format=%(refname) %(objectname) %(*objectname)", pattern).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(" ");
            if (f[0].startsWith(prefix)) {
                out.put(f[0], new GitId(f.length > 2 ? f[2] : f[1]));
            }
        }
        // for-each-ref globs stop at '/', reg's prefixes do not: add what lies deeper for a directory prefix
        if (prefix.endsWith("/")) {
            out.clear();
            for (String line : GitCli.ok(dir, "for-each-ref", "--format=%(refname) %(objectname) %(*objectname)").split("\n")) {
                String[] f = line.trim().split(" ");
                if (f.length >= 2 && f[0].startsWith(prefix)) {
                    out.put(f[0], new GitId(f.length > 2 ? f[2] : f[1]));
                }
            }
        }
        return new java.util.TreeMap<>(out);
    }
}
