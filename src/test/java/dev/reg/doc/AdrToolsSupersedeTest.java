package dev.reg.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.testing.EvalFixtures;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.testing.Tools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's adr-tools superseding ADRs that reg wrote: {@code adr new -s N} edits only the {@code ##
 * Status} section of ADR N (adds "Superseded by […](…)" and deletes an "Accepted" line, leaving any
 * other status word), never reg's header list.
 */
class AdrToolsSupersedeTest {
    @TempDir
    Path dir;

    @Test
    void adrNewSupersedingReadsAsSupersededAndValidateReportsTheStaleHeader() {
        TestRegistry r = TestRegistry.init(dir);
        r.regOk("adr", "new", "Use Postgres", "--status", "accepted");
        r.regOk("adr", "new", "Try Redis");
        adrTools("new", "-s", "2", "Use MySQL");
        adrTools("new", "-s", "3", "Use Memcached");
        assertTrue(r.read("adr/0002-use-postgres.md").contains("- Status: accepted\n"), "adr-tools left reg's header list as it was");
        assertTrue(r.read("adr/0003-try-redis.md").contains("\nProposed\n\nSuperseded by [5. Use Memcached](0005-use-memcached.md)\n"));
        r.commitAll("adr-tools superseded 2 and 3");

        JsonNode list = EvalFixtures.json(r.regOk("adr", "list", "--json").out());
        assertEquals("superseded", list.get(1).path("status").asText(), list.toString());
        assertEquals("0004-use-mysql.md", list.get(1).path("supersededBy").asText(), list.toString());
        assertEquals("superseded", list.get(2).path("status").asText(), "a Proposed ADR superseded by adr-tools: " + list);
        assertEquals("0005-use-memcached.md", list.get(2).path("supersededBy").asText(), list.toString());
        assertEquals("accepted", list.get(3).path("status").asText(), "adr-tools' own ADR: 'Accepted' in ## Status");

        RegCli.Result v = r.reg("validate", "--format", "json");
        assertEquals(1, v.exit(), v.all());
        List<JsonNode> findings = new java.util.ArrayList<>();
        EvalFixtures.json(v.out()).path("findings").forEach(f -> {
            if (f.path("rule").asText().equals("REG022")) {
                findings.add(f);
            }
        });
        assertEquals(2, findings.size(), v.out());
        assertEquals("adr/0002-use-postgres.md", findings.get(0).path("file").asText());
        assertEquals(3, findings.get(0).path("line").asInt(), "the header list's Status line");
        assertEquals("the header list says 'Status: accepted' but '## Status' says 'Superseded by [4. Use MySQL](0004-use-mysql.md)';"
                + " adr-tools marks a superseded ADR only in '## Status' (adr new -s): write"
                + " '- Status: superseded by [0004-use-mysql](0004-use-mysql.md)' so log4brains reads it too", findings.get(0).path("message").asText());
        assertEquals("adr/0003-try-redis.md", findings.get(1).path("file").asText());
        assertTrue(findings.get(1).path("message").asText().startsWith(
                "the header list says 'Status: proposed' but '## Status' says 'Superseded by [5. Use Memcached](0005-use-memcached.md)'"), v.out());

        RegCli.Result again = r.reg("adr", "supersede", "2", "--by", "5");
        assertEquals(2, again.exit(), again.all());
        assertTrue(again.err().contains("0002-use-postgres.md is already superseded by 0004-use-mysql.md"), again.err());
    }

    private void adrTools(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("adr"));
        cmd.addAll(List.of(args));
        Tools.run(dir, cmd.toArray(String[]::new));
    }
}
