package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Issue 14: a run builds only the command it runs; the table of commands is the one list of them. */
class CommandTreeTest {
    @TempDir
    Path dir;

    @Test
    void everyLineOfTheTableNamesItsCommandClass() throws Exception {
        for (String[] c : RegCommand.COMMANDS) {
            Class<?> type = Class.forName("dev.reg.cli." + c[1]);
            Command command = type.getAnnotation(Command.class);
            assertNotNull(command, c[1] + " has no @Command");
            assertEquals(c[0], command.name(), "RegCommand.COMMANDS line " + Arrays.toString(c));
        }
    }

    @Test
    void theWholeTreeIsTheTableInItsOrder() {
        List<String> names = new ArrayList<>(CommandTree.whole(new RegCommand()).getSubcommands().keySet());
        assertEquals(Arrays.stream(RegCommand.COMMANDS).map(c -> c[0]).toList(), names);
    }

    @Test
    void aRunOfOneCommandBuildsThatCommandAlone() {
        assertEquals(List.of("show"), subcommands("show", "prompt/x"));
        assertEquals(List.of("show"), subcommands("-C", "some dir", "--debug", "show", "--json"));
        assertEquals(List.of("show"), subcommands("-C/tmp", "show"));
        assertEquals(List.of("adr"), subcommands("adr", "new", "--help"));
        assertEquals(List.of(), subcommands("--version"));
        assertEquals(List.of(), subcommands("-C", "dir"));
        assertEquals(List.of("__complete"), subcommands("__complete", "workflows", ""));
    }

    @Test
    void whatShowsTheTreeGetsTheWholeTree() {
        int all = RegCommand.COMMANDS.length;
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h", "show"}, new String[] {"help"},
                new String[] {"help", "show"}, new String[] {"completion", "bash"}, new String[] {"shwo"},
                new String[] {"--", "show"}, new String[] {"@args.txt"}, new String[] {"-hV"})) {
            assertEquals(all, subcommands(args).size(), String.join(" ", args));
        }
    }

    @Test
    void theCommandWordSkipsGlobalOptions() {
        assertEquals("log", GlobalArgs.commandWord(new String[] {"-C", "log", "log"}));
        assertEquals("log", GlobalArgs.commandWord(new String[] {"-C=dir", "--debug", "log"}));
        assertNull(GlobalArgs.commandWord(new String[] {"-V"}));
        assertEquals("", GlobalArgs.commandWord(new String[] {"--help", "log"}));
    }

    @Test
    void aMistypedCommandStillGetsItsSuggestionAndTheHelpListsEveryCommand() {
        RegCli.Result typo = RegCli.run(dir, "shwo");
        assertEquals(2, typo.exit(), typo.all());
        assertTrue(typo.err().contains("reg show"), typo.err());
        String help = RegCli.run(dir, "--help").out();
        for (String[] c : RegCommand.COMMANDS) {
            assertTrue(c[0].startsWith("__") || help.contains("  " + c[0] + " "), c[0] + " missing from reg --help:\n" + help);
        }
    }

    @Test
    void globalOptionsStillParseAfterTheCommand() {
        RegCli.Result r = RegCli.run(dir, "show", "--debug", "-C", dir.resolve("nowhere").toString());
        assertTrue(r.exit() != 0 && !r.err().contains("Unknown option"), r.all());
    }

    @Test
    void versionWithGlobalOptionsAloneIsAnsweredWithoutAModelAndReadsAsPicocliPrintsIt() {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"-C", "x", "--debug", "-V"},
                new String[] {"-Cdir", "--version"})) {
            assertTrue(GlobalArgs.onlyVersion(args), String.join(" ", args));
        }
        for (String[] args : List.of(new String[] {}, new String[] {"-C"}, new String[] {"-C", "x"}, new String[] {"--version", "show"},
                new String[] {"-hV"}, new String[] {"--help", "--version"}, new String[] {"--", "--version"})) {
            assertTrue(!GlobalArgs.onlyVersion(args), String.join(" ", args));
        }
        StringWriter picocli = new StringWriter();
        CommandLine model = CommandTree.whole(new RegCommand());
        model.setOut(new PrintWriter(picocli, true));
        model.printVersionHelp(new PrintWriter(picocli, true));
        RegCli.Result fast = RegCli.run(dir, "--version");
        assertEquals(0, fast.exit(), fast.all());
        assertEquals(picocli.toString(), fast.out());
        assertEquals("", fast.err());
    }

    private static List<String> subcommands(String... args) {
        CommandLine c = CommandTree.forArgs(new RegCommand(), args);
        return new ArrayList<>(c.getSubcommands().keySet());
    }
}
