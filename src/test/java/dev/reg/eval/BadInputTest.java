package dev.reg.eval;

import static dev.reg.testing.EvalFixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.EvalFixtures;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with the file, the line or record and the reason, exit 2, and nothing is written. */
class BadInputTest {
    @TempDir
    static Path dir;
    @TempDir
    Path outside;
    static TestRegistry r;
    Map<String, String> before;

    @BeforeAll
    static void setUp() {
        r = TestRegistry.supportCopilot(dir);
    }

    @BeforeEach
    void snapshot() {
        before = r.snapshot();
    }

    @AfterEach
    void nothingWritten() {
        r.assertUnchangedSince(before);
    }

    private String refused(Path file, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "eval";
        args[1] = "import";
        args[2] = file.toString();
        args[3] = "-w=support_copilot";
        System.arraycopy(extra, 0, args, 4, extra.length);
        RegCli.Result res = r.reg(args);
        assertEquals(2, res.exit(), res.all());
        assertFalse(res.err().contains("Exception"), "no stack trace: " + res.err());
        return res.err();
    }

    private String jsonl(String name, String content) {
        return refused(EvalFixtures.write(outside, name, content));
    }

    @Test
    void truncatedPromptfooJson() throws Exception {
        byte[] all = Files.readAllBytes(fixture("promptfoo/results.json"));
        Path cut = outside.resolve("results.json");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        String err = refused(cut, "--provider", "echo");
        assertTrue(err.matches("(?s)reg: results\\.json:\\d+: truncated JSON: the file ends in the middle of a value.*"), err);
    }

    @Test
    void truncatedJsonlLine() {
        String err = jsonl("cut.jsonl", "{\"id\":\"A\",\"pass\":true}\n{\"id\":\"B\",\"pa");
        assertTrue(err.contains("cut.jsonl:2: truncated JSON"), err);
    }

    @Test
    void wrongTypes() {
        assertTrue(jsonl("t1.jsonl", "{\"id\":\"A\",\"pass\":\"yes\"}\n").contains("t1.jsonl:1: pass: expected true or false, found the string \"yes\""));
        assertTrue(jsonl("t2.jsonl", "{\"id\":7,\"pass\":true}\n").contains("t2.jsonl:1: id: expected a string, found 7"));
        assertTrue(jsonl("t3.jsonl", "{\"id\":\"A\",\"trial\":1.5}\n").contains("t3.jsonl:1: trial: expected a whole number from 1, found 1.5"));
        assertTrue(jsonl("t4.jsonl", "{\"id\":\"A\",\"scores\":{\"exact\":\"0.9\"}}\n")
                .contains("t4.jsonl:1: scores.exact: expected a number, found the string \"0.9\""));
        assertTrue(jsonl("t5.jsonl", "[1,2]\n").contains("t5.jsonl:1: expected a JSON object for the case, found a list"));
        assertTrue(jsonl("t6.jsonl", "{\"id\":\"A\",\"pass\":true,\"colour\":1}\n").contains("t6.jsonl:1: unknown field 'colour'"));
        assertTrue(jsonl("t7.jsonl", "{\"id\":\"A\",\"cost_usd\":-1}\n").contains("cost_usd: expected a number of at least 0, found -1"));
        assertTrue(jsonl("t8.jsonl", "{\"id\":\"A\",\"pass\":true,\"error\":{\"kind\":\"provider\"}}\n")
                .contains("t8.jsonl:1: case A has an error and pass: true"));
    }

    @Test
    void nanAndInfinityAreRefused() {
        assertTrue(jsonl("n1.jsonl", "{\"id\":\"A\",\"scores\":{\"exact\":NaN}}\n").contains("n1.jsonl:1: invalid JSON: Non-standard token 'NaN'"));
        assertTrue(jsonl("n2.jsonl", "{\"id\":\"A\",\"latency_ms\":Infinity}\n").contains("n2.jsonl:1: invalid JSON"));
        assertTrue(jsonl("n3.jsonl", "{\"id\":\"A\",\"scores\":{\"exact\":1e999}}\n")
                .contains("n3.jsonl:1: scores.exact: expected a finite number, found Infinity"));
    }

    @Test
    void duplicateCaseIdsAndKeys() {
        String err = jsonl("dup.jsonl", "{\"id\":\"A\",\"pass\":true}\n{\"id\":\"B\",\"pass\":true}\n{\"id\":\"A\",\"trial\":1,\"pass\":false}\n");
        assertTrue(err.contains("duplicate case 'A' trial 1: dup.jsonl:1 and dup.jsonl:3"), err);
        assertTrue(jsonl("keys.jsonl", "{\"id\":\"A\",\"id\":\"B\",\"pass\":true}\n").contains("keys.jsonl:1: invalid JSON: Duplicate field 'id'"));
    }

    @Test
    void promptfooCaseIdCollisionBetweenDifferentTests() throws Exception {
        String rows = Files.readString(fixture("promptfoo/results.jsonl"));
        // give the greeting test (no case id) the id of another test: two tests, one id
        String collided = rows.replace("\"metadata\":{\"_promptfooFileMetadata\":{}}", "\"metadata\":{\"case_id\":\"FAQ-001\"}");
        Path f = outside.resolve("results.jsonl");
        Files.writeString(f, collided);
        String err = refused(f, "--provider", "echo");
        assertTrue(err.contains("case id 'FAQ-001' names two different tests"), err);
    }

    @Test
    void promptfooCountsThatDisagreeWithRows() throws Exception {
        // two echo rows of the real output, in a results.json whose stats claim one row more
        String[] rows = Files.readString(fixture("promptfoo/results.jsonl")).lines().filter(l -> l.contains("\"provider\":{\"id\":\"echo\""))
                .limit(2).toArray(String[]::new);
        Path f = outside.resolve("results.json");
        Files.writeString(f, "{\"evalId\":\"x\",\"results\":{\"version\":3,\"results\":[" + rows[0] + "," + rows[1]
                + "],\"stats\":{\"successes\":0,\"failures\":3,\"errors\":0}},\"metadata\":{\"promptfooVersion\":\"0.121.20\"}}");
        String err = refused(f);
        assertTrue(err.contains("results.json: results.stats.failures says 3 but the rows hold 2; the file is incomplete or was edited"), err);
    }

    @Test
    void promptfooRowWithoutVerdict() {
        String err = refused(EvalFixtures.write(outside, "rows.jsonl", "{\"testIdx\":0,\"gradingResult\":null,\"vars\":{}}\n"));
        assertTrue(err.contains("rows.jsonl:1: success: expected true or false, found nothing"), err);
    }

    @Test
    void notUtf8() throws Exception {
        Path f = outside.resolve("latin1.jsonl");
        Files.write(f, "{\"id\":\"caf\u00e9\",\"pass\":true}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(refused(f).contains("latin1.jsonl: not UTF-8 text"));
    }

    @Test
    void emptyFileAndMissingFile() {
        assertTrue(jsonl("empty.jsonl", "\n\n").contains("empty.jsonl: no cases"));
        assertTrue(refused(outside.resolve("nope.json")).contains("nope.json: no such file"));
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeReading() throws Exception {
        Path huge = outside.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(2L << 30); // a sparse 2 GiB file: no disk used, nothing read
        }
        String err = refused(huge);
        assertTrue(err.contains("huge.json: is 2147483648 bytes; eval imports are limited to 1073741824 bytes (raise the limit with --max-size)"), err);
        Path small = EvalFixtures.write(outside, "ok.jsonl", "{\"id\":\"A\",\"pass\":true}\n");
        assertTrue(refused(small, "--max-size", "10").contains("ok.jsonl: is 23 bytes; eval imports are limited to 10 bytes"));
    }

    @Test
    void subjectMustBeNamedAndExist() {
        Path f = EvalFixtures.write(outside, "ok.jsonl", "{\"id\":\"A\",\"pass\":true}\n");
        RegCli.Result res = r.reg("eval", "import", f.toString());
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("say what the run measured: --workflow WORKFLOW"), res.err());
        res = r.reg("eval", "import", f.toString(), "--component", "prompt/billing_refund@9.9.9");
        assertTrue(res.err().contains("no version prompt/billing_refund@9.9.9"), res.err());
        res = r.reg("eval", "import", f.toString(), "-w", "nope");
        assertTrue(res.err().contains("unknown workflow 'nope'"), res.err());
        res = r.reg("eval", "import", f.toString(), "-w", "support_copilot", "--format", "yaml");
        assertTrue(res.err().contains("unknown format 'yaml'"), res.err());
    }
}
