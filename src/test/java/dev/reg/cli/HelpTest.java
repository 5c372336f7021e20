package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command and subcommand answers {@code --help}, {@code -h} and {@code reg help CMD SUB}: the
 * tree is walked from picocli's model of {@link RegCommand}, so a new command is covered without
 * touching this test.
 */
class HelpTest {
    @TempDir
    static Path dir;

    /** Every command path under reg, e.g. [adr, new]; the root itself is []. */
    static List<List<String>> commandPaths() {
        List<List<String>> out = new ArrayList<>();
        walk(CommandTree.whole(new RegCommand()), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine c, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue; // an alias
            }
            path.add(e.getKey());
            walk(e.getValue(), path, out);
            path.remove(path.size() - 1);
        }
    }

    @Test
    void theTreeIsTheWholeCli() {
        List<List<String>> paths = commandPaths();
        assertTrue(paths.contains(List.of("adr", "new")) && paths.contains(List.of("eval", "import")) && paths.contains(List.of("hooks", "install"))
                && paths.contains(List.of("help")), paths.toString());
        assertTrue(paths.size() >= 28, paths.size() + " commands: " + paths);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelp() {
        return commandPaths().stream().map(path -> DynamicTest.dynamicTest("reg " + String.join(" ", path), () -> {
            String usage = "Usage: reg" + (path.isEmpty() ? "" : " " + String.join(" ", path)) + " ";
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                RegCli.Result r = RegCli.run(dir, args.toArray(String[]::new));
                assertEquals(0, r.exit(), "reg " + String.join(" ", args) + ":\n" + r.all());
                assertTrue(r.out().startsWith(usage), "reg " + String.join(" ", args) + ":\n" + r.out());
                assertEquals("", r.err());
            }
            List<String> args = new ArrayList<>(List.of("help"));
            args.addAll(path);
            RegCli.Result viaHelp = RegCli.run(dir, args.toArray(String[]::new));
            assertEquals(0, viaHelp.exit(), "reg " + String.join(" ", args) + ":\n" + viaHelp.all());
            assertEquals(RegCli.run(dir, concat(path, "--help")).out(), viaHelp.out(), "reg " + String.join(" ", args));
        }));
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        RegCli.Result r = RegCli.run(dir, "help", "adr", "nope");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().startsWith("reg: unknown command 'adr nope'"), r.err());
    }

    @Test
    void regAlonePrintsItsHintOnce() {
        RegCli.Result r = RegCli.run(dir);
        assertEquals(2, r.exit(), r.all());
        assertEquals(1, r.err().split("reg --help", -1).length - 1, r.err());
    }

    @Test
    void theHelpAUsageErrorPointsToWorks() {
        RegCli.Result r = RegCli.run(dir, "adr", "new");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("(see 'reg adr new --help')"), r.err());
        assertEquals(0, RegCli.run(dir, "adr", "new", "--help").exit());
    }

    private static String[] concat(List<String> path, String last) {
        List<String> all = new ArrayList<>(path);
        all.add(last);
        return all.toArray(String[]::new);
    }
}
