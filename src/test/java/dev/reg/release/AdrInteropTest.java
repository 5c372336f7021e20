package dev.reg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import dev.reg.doc.AdrCheck;
import dev.reg.testing.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * reg's ADRs and memos as other tools read them: Debian's adr-tools and npm's log4brains (both
 * installed by .ci/run). The registry holds memos, a held memo, supersessions, an incident ADR and
 * an ADR whose title is full of Markdown characters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdrInteropTest {
    static final String NASTY = "Use \"quotes\" & pipes | *stars* [brackets] _under_";

    Path dir;

    @BeforeAll
    void registry(@TempDir Path tmp) {
        dir = tmp;
        ReleaseScenario s = ReleaseScenario.incident(dir);
        s.reg.regOk("rollback", "support_copilot", "--reason", "incident 42");
        s.reg.regOk("adr", "new", NASTY, "--status", "accepted");
        s.reg.write(".log4brains.yml", "---\nproject:\n  name: reg-interop\n  tz: Etc/UTC\n  adrFolder: ./adr\n");
        s.reg.commitAll("log4brains configuration");
    }

    /** Title of each ADR, as reg wrote it (unescaped). */
    static final Map<Integer, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put(1, "Record architecture decisions");
        TITLES.put(2, "Release support_copilot 1");
        TITLES.put(3, "Release support_copilot 2");
        TITLES.put(4, "Release support_copilot 3");
        TITLES.put(5, "Roll back support_copilot release 3 to release 1");
        TITLES.put(6, NASTY);
    }

    @Test
    void adrToolsListsEveryAdrInOrder() {
        String out = run("adr", "list");
        assertEquals(List.of("adr/0001-record-architecture-decisions.md", "adr/0002-release-support-copilot-1.md",
                "adr/0003-release-support-copilot-2.md", "adr/0004-release-support-copilot-3.md",
                "adr/0005-roll-back-support-copilot-release-3-to-release-1.md",
                "adr/0006-use-quotes-pipes-stars-brackets-under.md"), out.lines().toList());
    }

    @Test
    void adrToolsTableOfContentsShowsEveryTitleAsWritten() {
        String toc = run("adr", "generate", "toc");
        List<String> shown = new ArrayList<>();
        collectLinks(AdrCheck.parse(toc), shown);
        List<String> expected = new ArrayList<>();
        TITLES.forEach((n, t) -> expected.add(n + ". " + t));
        assertEquals(expected, shown, toc);
    }

    @Test
    void adrToolsGraphHasTheSupersedeEdges() {
        String graph = run("adr", "generate", "graph");
        assertTrue(graph.contains("_4 -> _2 [label=\"Supersedes\", weight=0]"), graph);
        assertTrue(graph.contains("_5 -> _4 [label=\"Supersedes\", weight=0]"), graph);
        assertEquals(2, graph.lines().filter(l -> l.contains("label=\"Supersedes\"")).count(), graph);
    }

    @Test
    void log4brainsReadsTheStatusesAndTitles() {
        String out = run("log4brains", "adr", "list", "--raw");
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, String> title = new LinkedHashMap<>();
        for (String line : out.lines().filter(l -> l.matches("^\\d{4}-.*")).toList()) {
            String[] f = line.split(",", 4);
            status.put(f[0], f[1]);
            title.put(f[0], f[3]);
        }
        assertEquals(Map.of(
                "0001-record-architecture-decisions", "ACCEPTED",
                "0002-release-support-copilot-1", "SUPERSEDED",
                "0003-release-support-copilot-2", "REJECTED",
                "0004-release-support-copilot-3", "SUPERSEDED",
                "0005-roll-back-support-copilot-release-3-to-release-1", "ACCEPTED",
                "0006-use-quotes-pipes-stars-brackets-under", "ACCEPTED"), status, out);
        assertEquals("6. " + NASTY, title.get("0006-use-quotes-pipes-stars-brackets-under"), out);
        assertEquals("2. Release support_copilot 1", title.get("0002-release-support-copilot-1"), out);
    }

    private static void collectLinks(Node n, List<String> out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Link) {
                out.add(new TextCollectingVisitor().collectAndGetText(c));
            } else {
                collectLinks(c, out);
            }
        }
    }

    private String run(String... cmd) {
        return Tools.run(dir, cmd);
    }
}
