package dev.reg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures {@link RegistryFixtures} writes directly with JGit are what the CLI makes: the same
 * files, index, trees, commit messages, tags (names, messages, tagger, what they point at) and a clean
 * status; only commit times and therefore object ids may differ.
 */
class RegistryFixturesTest {
    @TempDir
    Path dir;

    @Test
    void supportCopilotIsWhatInitAndThreeAddsMake() {
        Map<String, String> cli = content(TestRegistry.supportCopilotWithCli(dir.resolve("cli")));
        assertEquals(cli, content(RegistryFixtures.buildSupportCopilot(dir.resolve("built"))));
        assertEquals(cli, content(TestRegistry.supportCopilot(dir.resolve("copied"))));
        assertEquals(5, cli.get("history").split("\n----\n").length, cli.get("history"));
        assertEquals(3, cli.get("tags").split("\n----\n").length, cli.get("tags"));
    }

    @Test
    void initIsWhatRegInitMakes() {
        Map<String, String> cli = content(TestRegistry.initWithCli(dir.resolve("cli")));
        assertEquals(cli, content(TestRegistry.init(dir.resolve("copied"))));
        assertEquals(1, cli.get("history").split("\n----\n").length, cli.get("history"));
    }

    @Test
    void everyCopyIsARepositoryOfItsOwn() throws Exception {
        TestRegistry a = TestRegistry.supportCopilot(dir.resolve("a"));
        TestRegistry b = TestRegistry.supportCopilot(dir.resolve("b"));
        a.append("registry/prompts/billing_refund/template.md", "only in a\n");
        a.regOk("bump", "prompt", "billing_refund", "minor", "-m", "only in a");
        assertEquals("", b.git("status", "--porcelain"));
        assertEquals("prompt/billing_refund@1.0.0\n", b.git("tag", "-l", "prompt/*"));
        assertNotEquals(a.git("rev-parse", "HEAD"), b.git("rev-parse", "HEAD"));
        assertEquals(b.path(".git").toRealPath().toString(), b.git("rev-parse", "--absolute-git-dir").strip());
    }

    @Test
    void aFixtureGoesIntoAnEmptyFolderOnly() throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "work in progress\n");
        assertThrows(IllegalArgumentException.class, () -> TestRegistry.supportCopilot(dir));
        assertThrows(IllegalArgumentException.class, () -> TestRegistry.init(dir));
    }

    /** Everything but object ids and times: work tree, index, status, HEAD, history and tags. */
    private static Map<String, String> content(TestRegistry r) {
        Map<String, String> out = new TreeMap<>(r.snapshot());
        out.remove("refs");
        out.remove("HEAD");
        out.put("symbolic HEAD", r.git("symbolic-ref", "HEAD"));
        out.put("branches", r.git("for-each-ref", "refs/heads", "--format=%(refname)"));
        out.put("history", r.git("log", "--first-parent", "--format=%T %an <%ae> %cn <%ce>%n%B----"));
        out.put("tags", r.git("for-each-ref", "refs/tags",
                "--format=%(refname) %(objecttype) %(taggername) %(taggeremail) %(*objecttype) %(*tree)%n%(contents)----"));
        out.put("fsck", r.git("fsck", "--strict", "--no-dangling"));
        return out;
    }
}
