package dev.reg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.EvalFixtures;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A folder reg writes into that is committed as a symbolic link to somewhere outside the
 * repository: every writing command refuses (exit 3) before it writes anything, inside or outside,
 * and the repository stays usable. A template that is a link is refused (exit 2) without its target's text.
 */
class SymlinkedFoldersTest {
    private static final String TEMPLATE = "registry/prompts/billing_refund/template.md";

    @TempDir
    Path dir;

    @TempDir
    Path outside;

    /** Moves {@code folder} of the repository to {@code outside} and commits a symbolic link to it in its place. */
    private Path linkOutside(TestRegistry r, String folder) throws IOException {
        Path target = outside.resolve(folder.replace('/', '_'));
        Files.move(r.path(folder), target);
        Files.createSymbolicLink(r.path(folder), target);
        r.commitAll("keep " + folder + " elsewhere");
        return target;
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    /** Runs {@code command}, which must be refused with exit 3 naming the link, changing nothing anywhere. */
    private void assertRefusedWithoutWriting(TestRegistry r, String link, Path target, Function<TestRegistry, RegCli.Result> command)
            throws IOException {
        Map<String, String> before = r.snapshot();
        Map<String, String> outsideBefore = tree(target);
        RegCli.Result res = command.apply(r);
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains(link + " is a symbolic link"), res.err());
        assertEquals(outsideBefore, tree(target), "nothing is written outside the repository");
        r.assertUnchangedSince(before);
        assertFalse(Files.exists(r.path(".git/index.lock")));
        r.assertNoChangeInFlight();
        RegCli.Result next = r.regOk("recover");
        assertTrue(next.out().contains("nothing to recover"), next.all());
    }

    @Test
    void adrNewIntoALinkedAdrFolder() throws IOException {
        TestRegistry r = TestRegistry.init(dir);
        Path target = linkOutside(r, "adr");
        assertRefusedWithoutWriting(r, "adr", target, x -> x.reg("adr", "new", "Use Postgres"));
    }

    @Test
    void evalImportIntoALinkedEvalsFolder() throws IOException {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.write("registry/evals/.keep", "");
        Path target = linkOutside(r, "registry/evals");
        Path results = EvalFixtures.write(outside.resolve("tool"), "run.jsonl", "{\"id\":\"FAQ-001\",\"pass\":true}\n");
        assertRefusedWithoutWriting(r, "registry/evals", target,
                x -> x.reg("eval", "import", results.toString(), "-w", "support_copilot"));
    }

    @Test
    void largeEvalImportIntoALinkedEvalsFolder() throws IOException {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.write("registry/evals/.keep", "");
        Path target = linkOutside(r, "registry/evals");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            rows.append("{\"id\":\"C-").append(i).append("\",\"pass\":true}\n");
        }
        Path results = EvalFixtures.write(outside.resolve("tool"), "big.jsonl", rows.toString());
        assertRefusedWithoutWriting(r, "registry/evals", target,
                x -> x.reg("eval", "import", results.toString(), "-w", "support_copilot"));
    }

    @Test
    void freezeIntoALinkedReleasesFolder() throws IOException {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst();
        Path target = linkOutside(s.reg, "registry/releases");
        assertRefusedWithoutWriting(s.reg, "registry/releases", target, x -> x.reg("freeze", "support_copilot", "--reason", "incident"));
    }

    @Test
    void releaseIntoALinkedReleasesFolder() throws IOException {
        ReleaseScenario s = ReleaseScenario.start(dir);
        s.reg.write("registry/releases/.keep", "");
        Path target = linkOutside(s.reg, "registry/releases");
        assertRefusedWithoutWriting(s.reg, "registry/releases", target, x -> s.release("--run", "run-a"));
    }

    @Test
    void releaseWhoseMemoGoesIntoALinkedAdrFolder() throws IOException {
        ReleaseScenario s = ReleaseScenario.start(dir);
        Path target = linkOutside(s.reg, "adr");
        assertRefusedWithoutWriting(s.reg, "adr", target, x -> s.release("--run", "run-a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry/prompts/billing_refund", "registry/prompts"})
    void bumpThroughALinkedFolderTagsNothing(String folder) throws IOException {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        Path target = linkOutside(r, folder);
        Files.writeString(target.resolve(Path.of(folder).relativize(Path.of(TEMPLATE)).toString()), "changed outside\n");
        assertRefusedWithoutWriting(r, folder, target, x -> x.reg("bump", "prompt", "billing_refund", "minor", "-m", "through the link"));
        assertEquals("", r.git("tag", "-l", "prompt/billing_refund@1.1.0"));
    }

    @Test
    void addIntoALinkedKindFolderCopiesNothing() throws IOException {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        Path target = linkOutside(r, "registry/prompts");
        Path source = EvalFixtures.write(outside.resolve("src"), "greeting.md", "Hello {{name}}.\n");
        assertRefusedWithoutWriting(r, "registry/prompts", target, x -> x.reg("add", "prompt", "greeting", source.toString()));
    }

    @Test
    void aLinkedTemplateIsRefusedWithoutShowingWhatItPointsTo() throws IOException {
        TestRegistry r = TestRegistry.init(dir);
        Path secret = EvalFixtures.write(outside, "secret.md", "# 1. top secret\n\nTOKEN=hunter2\n");
        Files.delete(r.path("templates/adr.md"));
        Files.createSymbolicLink(r.path("templates/adr.md"), secret);
        r.commitAll("link the template");
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg("adr", "new", "Use Postgres");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("templates/adr.md is a symbolic link"), res.err());
        assertFalse(res.all().contains("hunter2"), res.all());
        assertFalse(res.all().contains("top secret"), res.all());
        r.assertUnchangedSince(before);
    }

    @Test
    void aTemplateInALinkedTemplatesFolderIsRefused() throws IOException {
        TestRegistry r = TestRegistry.init(dir);
        Path target = linkOutside(r, "templates");
        Files.writeString(target.resolve("adr.md"), "# {{number}}. {{title}}\n\nTOKEN=hunter2\n");
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg("adr", "new", "Use Postgres");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("templates is a symbolic link"), res.err());
        assertFalse(res.all().contains("hunter2"), res.all());
        r.assertUnchangedSince(before);
    }
}
