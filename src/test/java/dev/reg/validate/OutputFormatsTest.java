package dev.reg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.reg.cli.Main;
import dev.reg.testing.RegCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFormatsTest {
    @TempDir
    Path dir;

    /** A registry with findings in two files: an edited prompt and an ADR whose title disagrees with its number. */
    private Fixture broken() {
        Fixture x = Fixture.supportCopilot(dir);
        x.reg.append(Fixture.TEMPLATE, "Cite the policy.\n");
        x.write("adr/0002-a,b.md", RuleFixturesTest.adr(3, "Choose: X, 100%", "Accepted", true));
        return x;
    }

    @Test
    void textGroupsFindingsByFileWithoutColourInAPipe() {
        Fixture x = broken();
        RegCli.Result r = x.reg.reg("validate");
        assertEquals(1, r.exit());
        String out = r.out();
        assertFalse(out.contains("\u001b["), "no escape codes when not on a terminal");
        String[] lines = out.split("\n");
        assertEquals("adr/0002-a,b.md", lines[0]);
        assertTrue(lines[1].matches("  1:3  error    REG021 adr-title  .*"), lines[1]);
        int prompt = List.of(lines).indexOf(Fixture.PROMPT);
        assertTrue(prompt > 1, out);
        assertTrue(lines[prompt + 1].startsWith("  3:10  error    REG012 version-not-bumped"), lines[prompt + 1]);
        assertTrue(out.contains("4 errors, 1 warning in 3 files"), out);
    }

    @Test
    void textIsColouredOnlyOnATerminalWithoutNoColor() {
        broken();
        for (var env : List.of(Map.<String, String>of(), Map.of("NO_COLOR", ""), Map.of("NO_COLOR", "1"))) {
            for (boolean terminal : List.of(true, false)) {
                StringWriter out = new StringWriter();
                Main.run(new String[] {"-C", dir.toString(), "validate"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                        terminal, RegCli.CLOCK, env);
                boolean expectColour = terminal && !"1".equals(env.get("NO_COLOR"));
                assertEquals(expectColour, out.toString().contains("\u001b[31merror"), env + " terminal=" + terminal + ": " + out);
            }
        }
    }

    @Test
    void jsonListsEveryFindingWithRuleSeverityAndPlace() throws Exception {
        broken();
        RegCli.Result r = RegCli.run(dir, "validate", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertFalse(json.get("passed").asBoolean());
        assertEquals(4, json.get("errors").asInt());
        JsonNode first = json.get("findings").get(0);
        assertEquals("REG021", first.get("rule").asText());
        assertEquals("adr-title", first.get("name").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals("adr/0002-a,b.md", first.get("file").asText());
        assertEquals(1, first.get("line").asInt());
        assertEquals("work tree", json.get("checked").asText());
    }

    @Test
    void githubAnnotationsEscapeAndAppendAStepSummary() throws Exception {
        broken();
        Path summary = dir.resolve("summary.md");
        RegCli.Result r = RegCli.run(dir, "validate", "--format", "github", "--step-summary", summary.toString());
        assertEquals(1, r.exit());
        Pattern command = Pattern.compile("::(error|warning) file=[^,:]+(,line=\\d+(,col=\\d+)?)?,title=REG\\d{3} [a-z-]+::.+");
        List<String> annotations = r.out().lines().filter(l -> l.startsWith("::")).toList();
        assertEquals(5, annotations.size(), r.out());
        annotations.forEach(a -> assertTrue(command.matcher(a).matches(), a));
        assertTrue(r.out().contains("::error file=adr/0002-a%2Cb.md,line=1,col=3,title=REG021 adr-title::"), r.out());
        assertTrue(r.out().contains("::error file=" + Fixture.PROMPT + ",line=3,col=10,title=REG012 version-not-bumped::"), r.out());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("### reg validate: failed"), md);
        assertTrue(md.contains("| error | `REG012` version-not-bumped | `" + Fixture.PROMPT + ":3` |"), md);
        RegCli.run(dir, "validate", "--format", "github", "--step-summary", summary.toString());
        assertEquals(2, Files.readString(summary).split("### reg validate").length - 1, "a second run appends");
    }

    @Test
    void sarifConformsToTheSarif210Schema() throws Exception {
        broken().write("registry/prompts/billing_refund/notes.md", "no line number for this one\n");
        RegCli.Result r = RegCli.run(dir, "validate", "--format", "sarif");
        assertEquals(1, r.exit());
        JsonNode sarif = new ObjectMapper().readTree(r.out());
        assertSarifValid(sarif);
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode run = sarif.get("runs").get(0);
        assertEquals(Rule.values().length, run.get("tool").get("driver").get("rules").size());
        JsonNode results = run.get("results");
        assertEquals(6, results.size());
        boolean sawRegion = false;
        boolean sawFileOnly = false;
        for (JsonNode res : results) {
            String ruleId = res.get("ruleId").asText();
            assertEquals(ruleId, run.get("tool").get("driver").get("rules").get(res.get("ruleIndex").asInt()).get("id").asText());
            JsonNode loc = res.get("locations").get(0).get("physicalLocation");
            if (loc.has("region")) {
                sawRegion |= ruleId.equals("REG012") && loc.get("region").get("startLine").asInt() == 3;
            } else {
                sawFileOnly |= ruleId.equals("REG027") && loc.get("artifactLocation").get("uri").asText()
                        .equals("registry/prompts/billing_refund/notes.md");
            }
        }
        assertTrue(sawRegion && sawFileOnly, results.toString());
        assertTrue(r.out().contains("adr/0002-a%2Cb.md"), "URIs are percent-encoded");
    }

    @Test
    void sarifOfACleanRegistryConformsToo() throws Exception {
        Fixture.supportCopilot(dir);
        RegCli.Result r = RegCli.run(dir, "validate", "--format", "sarif");
        assertEquals(0, r.exit(), r.err());
        assertSarifValid(new ObjectMapper().readTree(r.out()));
    }

    static void assertSarifValid(JsonNode sarif) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(SchemaLocation.of("classpath:sarif/sarif-schema-2.1.0.json"));
        var errors = schema.validate(sarif);
        assertTrue(errors.isEmpty(), "SARIF schema errors: " + errors);
    }

    @Test
    void theSarifSchemaCheckCatchesAnInvalidLog() throws Exception {
        // the schema check above would be worthless if everything passed it
        JsonNode bad = new ObjectMapper().readTree("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {}}, \"results\": []}]}");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(SchemaLocation.of("classpath:sarif/sarif-schema-2.1.0.json"));
        assertFalse(schema.validate(bad).isEmpty(), "a driver without a name is invalid SARIF");
    }
}
