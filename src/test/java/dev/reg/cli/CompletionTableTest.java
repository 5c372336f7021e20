package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the completion scripts know of reg's commands, read from picocli's model. */
class CompletionTableTest {
    static final List<String> TABLE = CompletionTable.of(ManPages.model()).lines().toList();

    @TempDir
    Path dir;

    private static List<String> facts(String prefix) {
        return TABLE.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void bumpCompletesKindsThenNamesOfThatKindThenBumpTypes() {
        assertEquals(List.of("p|reg bump|0|0|words:prompt model dataset", "p|reg bump|1|1|dyn:names",
                "p|reg bump|2|2|words:major minor patch premajor preminor prepatch prerelease"), facts("p|reg bump|"));
    }

    @Test
    void readsCompleteArtifactsAndVersions() {
        assertEquals(List.of("p|reg show|0|0|dyn:refs"), facts("p|reg show|"));
        assertEquals(List.of("p|reg log|0|0|dyn:refs"), facts("p|reg log|"));
        assertEquals(List.of("p|reg diff|0|0|dyn:refs", "p|reg diff|1|1|dyn:versions", "p|reg diff|2|2|dyn:versions"), facts("p|reg diff|"));
        assertEquals(1, facts("o|reg eval import|--component|1|dyn:refs|").size());
    }

    /** Every command's WORKFLOW, whatever the command: new commands taking one complete workflow names unchanged. */
    @Test
    void everyWorkflowParameterCompletesWorkflowNames() {
        List<String> workflowCommands = List.of("gate", "composite", "release", "rollback", "mark", "freeze", "unfreeze", "history", "live",
                "memo");
        for (String c : workflowCommands) {
            assertTrue(TABLE.contains("p|reg " + c + "|0|0|dyn:workflows"), c + ": " + facts("p|reg " + c + "|"));
        }
        assertEquals(1, facts("o|reg eval list|--workflow|1|dyn:workflows|").size());
    }

    @Test
    void releaseNumbersWhereTheCommandHasAWorkflowAdrNumbersForAdrs() {
        assertEquals(List.of("p|reg mark|0|0|dyn:workflows", "p|reg mark|1|1|dyn:releases", "p|reg mark|2|2|words:bad"), facts("p|reg mark|"));
        assertEquals(List.of("p|reg memo|0|0|dyn:workflows", "p|reg memo|1|1|dyn:releases"), facts("p|reg memo|"));
        assertEquals(1, facts("o|reg rollback|--to|1|dyn:releases|").size());
        assertEquals(1, facts("o|reg eval show|--cases|1||").size(), "an N that is a count completes nothing");
        assertEquals(List.of("p|reg adr supersede|0|0|dyn:adrs", "p|reg adr supersede|1|999|"), facts("p|reg adr supersede|"));
        assertEquals(1, facts("o|reg adr supersede|--by|1|dyn:adrs|").size());
        assertEquals(1, facts("o|reg adr new|--supersedes|1|dyn:adrs|").size());
        assertEquals(1, facts("o|reg adr new|-s|1|dyn:adrs|").size());
    }

    @Test
    void fixedValuesFilesAndDirectories() {
        assertEquals(1, facts("o|reg validate|--format|1|words:text json github sarif|").size());
        assertEquals(1, facts("o|reg eval import|--format|1|words:promptfoo promptfoo-jsonl junit jsonl csv|").size());
        assertEquals(List.of("p|reg eval import|0|0|files"), facts("p|reg eval import|"));
        assertEquals(List.of("p|reg completion|0|0|words:bash zsh fish"), facts("p|reg completion|"));
        for (String c : List.of("reg", "reg bump", "reg adr new")) {
            assertEquals(1, facts("o|" + c + "|-C|1|dirs|").size(), c);
        }
    }

    @Test
    void commandsAndOptionsWithoutTheHiddenOne() {
        assertTrue(TABLE.contains("c|reg adr|new|Write a new ADR from templates/adr.md and commit it"), facts("c|reg adr|").toString());
        assertTrue(facts("c|reg|").size() >= 24);
        assertTrue(facts("c|reg|completion|").size() == 1);
        assertFalse(TABLE.stream().anyMatch(l -> l.contains("__complete")));
        List<String> bump = facts("o|reg bump|").stream().map(l -> l.substring(0, l.lastIndexOf('|') + 1)).toList();
        assertTrue(bump.containsAll(List.of("o|reg bump|--push|1||", "o|reg bump|-m|1||", "o|reg bump|--message|1||", "o|reg bump|--pre|1||",
                "o|reg bump|--allow-unchanged|0||")), bump.toString());
    }

    @Test
    void everyLineHasItsFields() {
        for (String l : TABLE) {
            int fields = l.split("\\|", -1).length;
            assertEquals(switch (l.charAt(0)) {
                case 'c' -> 4;
                case 'o' -> 6;
                case 'p' -> 5;
                default -> -1;
            }, fields, l);
        }
    }

    @Test
    void theScriptsCarryTheTableAndNothingLeftToFillIn() {
        for (String shell : List.of("bash", "zsh", "fish")) {
            RegCli.Result r = RegCli.ok(dir, "completion", shell);
            assertTrue(r.out().contains("o|reg rollback|--to|1|dyn:releases|"), shell);
            assertFalse(r.out().contains("@@"), shell);
        }
        RegCli.Result r = RegCli.run(dir, "completion", "tcsh");
        assertEquals(2, r.exit());
        assertEquals("reg: no completion for shell 'tcsh': expected bash, zsh or fish\n", r.err());
    }
}
