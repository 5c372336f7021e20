package dev.reg.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.Golden;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdrTest {
    static final String NASTY = "Use \"quotes\" & pipes | *stars* [brackets] <b>tags</b> &copy; `code` _under_ # 42 #";

    @TempDir
    Path dir;

    @Test
    void newWritesTheNextNumberFromTheTemplateInOneCommit() {
        TestRegistry r = TestRegistry.init(dir);
        String before = r.git("rev-parse", "HEAD").trim();
        RegCli.Result res = r.regOk("adr", "new", "Use", "Postgres", "for", "the", "audit", "log");
        assertTrue(res.out().startsWith("adr/0002-use-postgres-for-the-audit-log.md: 2. Use Postgres for the audit log (proposed)"), res.out());
        assertEquals(before, r.git("rev-parse", "HEAD~1").trim());
        assertEquals("", r.git("status", "--porcelain"));
        Golden.assertMatches("adr-new.md", r.read("adr/0002-use-postgres-for-the-audit-log.md"));
        assertEquals(2, r.reg("adr", "new", "X", "--status", "maybe").exit());
        assertEquals(2, r.reg("adr", "new", " ").exit());
    }

    @Test
    void titlesWithMarkdownCharactersComeOutAsWritten() {
        TestRegistry r = TestRegistry.init(dir);
        r.regOk("adr", "new", NASTY);
        String file = "adr/0002-use-quotes-pipes-stars-brackets-b-tags-b-copy-code-under-42.md";
        String text = r.read(file);
        // what Markdown readers show: the heading's text is the title, exactly
        var heading = AdrCheck.parse(text).getFirstChild();
        String shown = new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(heading);
        assertEquals("2. " + NASTY, shown);
        // and reg reads its own title back
        assertTrue(r.regOk("adr", "list").out().contains("   2  proposed    " + NASTY + "  (" + file + ")"),
                r.regOk("adr", "list").out());
        String json = r.regOk("adr", "list", "--json").out();
        assertTrue(json.contains("\"title\" : \"Use \\\"quotes\\\" & pipes | *stars*"), json);
    }

    @Test
    void supersedeChangesTheHeaderListAndTheStatusSectionOfTheOldAdrInOneCommit() {
        TestRegistry r = TestRegistry.init(dir);
        r.regOk("adr", "new", "Use SQLite", "--status", "accepted");
        r.regOk("adr", "new", "Use Postgres", "--status", "accepted");
        String before = r.git("rev-parse", "HEAD").trim();
        RegCli.Result res = r.regOk("adr", "supersede", "2", "--by", "3");
        assertEquals(before, r.git("rev-parse", "HEAD~1").trim());
        assertEquals("adr/0002-use-sqlite.md\nadr/0003-use-postgres.md\n", r.git("diff", "--name-only", "HEAD~1", "HEAD"));
        assertTrue(res.out().contains("superseded"), res.out());
        Golden.assertMatches("adr-superseded.md", r.read("adr/0002-use-sqlite.md"));
        Golden.assertMatches("adr-superseding.md", r.read("adr/0003-use-postgres.md"));
        // twice is an error, and nothing changes
        Map<String, String> snap = r.snapshot();
        RegCli.Result again = r.reg("adr", "supersede", "2", "--by", "3");
        assertEquals(2, again.exit(), again.all());
        assertTrue(again.err().contains("already superseded"), again.err());
        r.assertUnchangedSince(snap);

        // supersede with a new ADR: both files in one commit
        r.regOk("adr", "supersede", "3", "Use", "Postgres", "16");
        assertEquals("adr/0003-use-postgres.md\nadr/0004-use-postgres-16.md\n", r.git("diff", "--name-only", "HEAD~1", "HEAD"));
        assertTrue(r.read("adr/0004-use-postgres-16.md").contains("Supersedes [3. Use Postgres](0003-use-postgres.md)"));
        assertTrue(r.read("adr/0003-use-postgres.md").contains("- Status: superseded by [0004-use-postgres-16](0004-use-postgres-16.md)"));
    }

    @Test
    void aNumberMeansThatAdrNeverAFileWhoseNameMerelyContainsIt() {
        TestRegistry r = TestRegistry.init(dir);
        r.write("adr/0012-move-2-services.md", adrText(12, "Move 2 services", "Accepted"));
        r.write("adr/0020-use-http-2.md", adrText(20, "Use HTTP 2", "Accepted"));
        r.commitAll("hand-written ADRs");
        RegCli.Result missing = r.reg("adr", "supersede", "2", "--by", "20");
        assertEquals(2, missing.exit(), missing.all());
        assertTrue(missing.err().contains("no ADR '2'"), missing.err());
        r.regOk("adr", "new", "Two");
        assertTrue(r.read("adr/0021-two.md").startsWith("# 21. Two\n"));
        r.regOk("adr", "supersede", "0012", "--by", "0020-use-http-2.md");
        assertTrue(r.read("adr/0012-move-2-services.md").contains("Superseded by [20. Use HTTP 2](0020-use-http-2.md)"));
    }

    @Test
    void readingIsLiberalAboutSpellingCaseAndWhereTheStatusIs() {
        TestRegistry r = TestRegistry.init(dir);
        // adr-tools style: no header list, status only in the section, old spelling
        r.write("adr/0002-old-style.md", "# 2. Old style\n\nDate: 2016-01-01\n\n## Status\n\nSuperceded by [3. Newer](0003-newer.md)\n\n## Context\n\nx\n");
        // log4brains style: header only, lowercase key
        r.write("adr/0003-newer.md", "# 3. Newer\n\n* status: DEPRECATED\n* date: 2020-01-01\n\n## Context\n\nx\n");
        r.write("adr/0004-plain.md", "# Plain title without number\n\n## STATUS\n\naccepted\n\n## Context\n\nx\n");
        r.commitAll("ADRs from other tools");
        String list = r.regOk("adr", "list").out();
        assertTrue(list.contains("   2  superseded  Old style"), list);
        assertTrue(list.contains("   3  deprecated  Newer"), list);
        assertTrue(list.contains("   4  accepted    Plain title without number"), list);
        // a header-only ADR is superseded in its header; a section-only one in its section
        r.regOk("adr", "supersede", "3", "--by", "4");
        assertTrue(r.read("adr/0003-newer.md").contains("* Status: superseded by [0004-plain](0004-plain.md)"), r.read("adr/0003-newer.md"));
    }

    @Test
    void refusesToOverwriteUncommittedEditsOfTheFilesItWouldChange() {
        TestRegistry r = TestRegistry.init(dir);
        r.regOk("adr", "new", "A", "--status", "accepted");
        r.regOk("adr", "new", "B", "--status", "accepted");
        r.append("adr/0002-a.md", "\nmy unsaved thoughts\n");
        Map<String, String> snap = r.snapshot();
        RegCli.Result res = r.reg("adr", "supersede", "2", "--by", "3");
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("adr/0002-a.md"), res.err());
        r.assertUnchangedSince(snap);
    }

    @Test
    void theChecksFindWhatAdrToolsAndLog4brainsWouldMisread() {
        String good = adrText(3, "Good", "Accepted");
        assertEquals(List.of(), AdrCheck.problems(good, 3));
        assertFalse(AdrCheck.problems("---\ntitle: x\n---\n" + good, 3).isEmpty(), "front matter");
        assertTrue(AdrCheck.problems(good, 4).get(0).contains("numbered 3"));
        assertTrue(String.join(";", AdrCheck.problems(good.replace("## Context\n\nx\n", ""), 3)).contains("must not be the last section"));
        assertTrue(String.join(";", AdrCheck.problems(good.replace("\nAccepted\n", "\naccepted for now\n"), 3)).contains("status word"));
        assertTrue(String.join(";", AdrCheck.problems(good.replace("- Status: accepted", "- Status: rejected"), 3)).contains("header says"));
        String table = good + "\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n";
        assertTrue(String.join(";", AdrCheck.problems(table, 3)).contains("3 cells but its header has 2"));
    }

    static String adrText(int n, String title, String status) {
        return "# " + n + ". " + title + "\n\n- Status: " + status.toLowerCase() + "\n- Date: 2026-11-20\n\n## Status\n\n" + status
                + "\n\n## Context\n\nx\n";
    }
}
