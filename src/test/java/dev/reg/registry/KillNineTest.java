package dev.reg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.CrashMatrix;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.util.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill -9 of a bump in its own JVM at a point of each kind the issue found leftovers at (the
 * index lock, the journal, an object, a work-tree file; AtomicBumpTest kills at the refs and after),
 * found by enumerating the points the bump passes: {@code reg recover} then leaves the repository as before or fully updated, with no
 * file reg made left over, and the next bump works. The in-process matrix (CrashMatrixTest) takes
 * every point; this checks that a kill of a real process leaves what it assumes.
 */
class KillNineTest {
    private static final String TEMPLATE = "registry/prompts/billing_refund/template.md";
    private static final String[] BUMP = {"bump", "prompt", "billing_refund", "minor", "-m", "cite policy"};

    @TempDir
    Path dir;

    @TempDir
    Path enumeration;

    private TestRegistry registry(Path at) {
        TestRegistry r = TestRegistry.supportCopilot(at);
        r.append(TEMPLATE, "Always cite the policy.\n");
        r.write("notes/unstaged.txt", "draft\n");
        return r;
    }

    /** The points a bump passes, in order, from an unkilled run in this JVM. */
    private List<String> points() {
        TestRegistry r = registry(enumeration);
        List<String> points = new ArrayList<>();
        Faults.watch(points::add);
        try {
            r.regOk(BUMP);
        } finally {
            Faults.watch(null);
        }
        return points;
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** .git's files but loose objects: an unreferenced object is Git's garbage (git gc), not a leftover. */
    private static List<String> gitFiles(TestRegistry r) throws IOException {
        return filesUnder(r.path(".git")).stream().filter(f -> !f.matches("objects/[0-9a-f]{2}/[0-9a-f]{38}")).toList();
    }

    @Test
    void aKillAtOnePointOfEachKindIsRecovered() throws IOException {
        List<String> points = points();
        TestRegistry fixture = registry(dir.resolve("fixture"));
        Map<String, String> before = fixture.snapshot();
        List<String> gitFilesBefore = gitFiles(fixture);
        for (String kind : List.of("link index.lock", "fsync journal", "rename object", "rename artifact.yaml")) {
            int n = points.indexOf(kind) + 1;
            assertTrue(n > 0, kind + " is a point of bump: " + points);
            Path at = dir.resolve(kind.replace(' ', '-'));
            CrashMatrix.copy(fixture.root(), at);
            TestRegistry r = TestRegistry.open(at);
            RegCli.Result killed = RegCli.runProcess(at, List.of(Faults.PROPERTY + "=#" + n + ":halt"), BUMP);
            assertEquals(137, killed.exit(), kind + ": " + killed.all());

            RegCli.Result recovered = r.regOk("recover");
            assertFalse(recovered.out().contains("nothing to recover"), kind + ": " + recovered.all());
            assertFalse(recovered.err().contains("kept your later edits"), kind + ": " + recovered.err());
            GitCli.ok(at, "fsck", "--no-dangling");
            if (r.git("tag", "-l", "prompt/billing_refund@1.1.0").isEmpty()) {
                r.assertUnchangedSince(before);
                assertEquals(gitFilesBefore, gitFiles(r), kind + ": nothing reg made is left in .git");
                r.regOk(BUMP);
            } else {
                assertEquals("?? notes/unstaged.txt\n", r.git("status", "--porcelain", "--untracked-files=all"), kind);
                assertEquals("", r.git("diff", "HEAD", "--stat"), kind);
                assertTrue(r.read("registry/prompts/billing_refund/artifact.yaml").contains("version: 1.1.0"), kind);
                assertEquals(List.of(), filesUnder(at.resolve(".git/reg")), kind + ": nothing of the change is left in .git/reg");
                assertFalse(Files.exists(at.resolve(".git/index.lock")), kind);
                r.regOk("adr", "new", "Written after the crash");
            }
        }
    }
}
