package dev.reg.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template that includes a partial is bad input (exit 2) naming the template, its line and the partial. */
class TemplatePartialTest {
    @TempDir
    Path dir;

    @Test
    void aPartialInTheAdrTemplateIsBadInput() {
        TestRegistry r = TestRegistry.init(dir);
        r.write("templates/adr.md", AdrTemplates.builtIn(AdrTemplates.ADR) + "\n{{> footer}}\n");
        r.write("templates/footer.md", "written by reg\n");
        r.commitAll("template with a partial");
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg("adr", "new", "Use Postgres");
        assertEquals(2, res.exit(), res.all());
        int line = AdrTemplates.builtIn(AdrTemplates.ADR).split("\n", -1).length + 1;
        assertTrue(res.err().contains("templates/adr.md: line " + line + ": the partial {{> footer}}"), res.err());
        assertFalse(res.err().contains("internal error"), res.err());
        r.assertUnchangedSince(before);
    }

    @Test
    void aPartialInsideASectionIsBadInputToo() {
        TestRegistry r = TestRegistry.init(dir);
        r.write("templates/adr.md", "{{#supersedes}}{{>sup}}{{/supersedes}}\n" + AdrTemplates.builtIn(AdrTemplates.ADR));
        r.commitAll("template with a partial in a section");
        RegCli.Result res = r.reg("adr", "new", "Use Postgres");
        assertEquals(2, res.exit(), res.all());
        assertTrue(res.err().contains("templates/adr.md: line 1: the partial {{> sup}}"), res.err());
    }
}
