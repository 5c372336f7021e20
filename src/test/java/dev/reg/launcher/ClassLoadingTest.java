package dev.reg.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.reg.testing.RegCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md section 5: the heavy libraries are loaded only by the commands that use them. Each
 * reading command runs in a JVM of its own with a class-load log, on the registry {@code reg demo}
 * leaves behind (releases, a ledger, eval runs, ADRs), and must not load any of them.
 */
class ClassLoadingTest {
    /** Jackson, flexmark, JMustache, the JSON-Schema validator, Commons Statistics. */
    static final List<String> HEAVY = List.of("com.fasterxml.jackson.", "com.vladsch.flexmark.", "com.samskivert.mustache.",
            "com.networknt.", "org.apache.commons.statistics.");

    private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (\\S+) source:");
    private static final Pattern COMMAND = Pattern.compile("dev\\.reg\\.cli\\.(\\w+Command)(\\$.*)?");
    /** {@code [class,resolve] FROM TO FILE (REASON)}: which class made the JVM load which, e.g. during verification. */
    private static final Pattern RESOLVED = Pattern.compile("\\[class,resolve\\s*\\] (\\S+) (\\S+) (.*)");

    @TempDir
    static Path dir;

    static Path story;

    @BeforeAll
    static void demo() {
        RegCli.ok(dir, "demo", "--dir", "story");
        story = dir.resolve("story");
    }

    static Stream<Arguments> readingCommands() {
        return Stream.of(
                Arguments.of(List.of("--version"), List.of()),
                Arguments.of(List.of("show"), List.of("ShowCommand")),
                Arguments.of(List.of("show", "prompt/billing_refund"), List.of("ShowCommand")),
                Arguments.of(List.of("log", "prompt/billing_refund"), List.of("LogCommand")),
                Arguments.of(List.of("composite", "support_copilot"), List.of("CompositeCommand")),
                Arguments.of(List.of("history", "support_copilot"), List.of("HistoryCommand")),
                Arguments.of(List.of("live", "support_copilot"), List.of("LiveCommand")));
    }

    /**
     * Each run loads no heavy library, and of reg's command classes only its own (issue 14: the
     * command line is parsed into the one command that runs; the others are never loaded).
     */
    @ParameterizedTest(name = "reg {0}")
    @MethodSource("readingCommands")
    void loadsNoHeavyLibraryAndNoOtherCommand(List<String> args, List<String> ownCommand) throws Exception {
        Path log = Files.createTempFile(dir, "class-load", ".log");
        ProcessBuilder pb = RegCli.process(story, List.of(), args.toArray(String[]::new));
        pb.environment().put("JDK_JAVA_OPTIONS", "-Xlog:class+load=info,class+resolve=debug:file=" + log);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "reg " + args + ":\n" + out);
        assertFalse(out.isBlank(), "reg " + args + " printed nothing");

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Map<String, List<String>> heavy = heavyLoads(lines);
        assertEquals(Map.of(), heavy, "reg " + String.join(" ", args) + " loads heavy libraries (library = the reg classes that made the JVM load them)");
        assertEquals(ownCommand, commandClasses(lines), "reg " + String.join(" ", args) + " loads these command classes");
        // JGit's message bundle (1,100 strings by reflection) is loaded only to name a shutdown hook, which reg does without
        assertEquals(List.of(), lines.stream().map(LOADED::matcher).filter(Matcher::find).map(m -> m.group(1))
                .filter(c -> c.equals("org.eclipse.jgit.internal.JGitText")).toList(), "reg " + args + " loads JGit's message bundle");
        // closing the repository must not start JGit's repository cache (and its scheduler thread) on the way out
        assertEquals(List.of(), lines.stream().map(LOADED::matcher).filter(Matcher::find).map(m -> m.group(1))
                .filter(c -> c.equals("org.eclipse.jgit.lib.RepositoryCache")).toList(), "reg " + args + " starts JGit's repository cache");
        if (args.equals(List.of("--version"))) {
            // issue 14: nothing to parse, so no model of reg is built
            assertEquals(List.of(), lines.stream().map(LOADED::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .filter(c -> c.startsWith("picocli.") || c.startsWith("org.eclipse.jgit.")
                            || (c.startsWith("dev.reg.") && !List.of("dev.reg.cli.Main", "dev.reg.cli.render.StandardOutput",
                                    "dev.reg.cli.GlobalArgs", "dev.reg.cli.GlobalArgs$Scan",
                                    "dev.reg.cli.CommandContext").contains(c))) // the last one: named by Main's methods, verified, not built
                    .toList(), "reg --version loads only Main, its argument reader and its output stream");
        }
    }

    /** The command classes ({@code dev.reg.cli.*Command}, not reg's root or their base class) a class-load log shows loaded. */
    static List<String> commandClasses(List<String> log) {
        List<String> found = new ArrayList<>();
        for (String line : log) {
            Matcher load = LOADED.matcher(line);
            if (load.find()) {
                Matcher c = COMMAND.matcher(load.group(1));
                if (c.matches() && !List.of("RegCommand", "BaseCommand").contains(c.group(1)) && !found.contains(c.group(1))) {
                    found.add(c.group(1));
                }
            }
        }
        return found;
    }

    private static String library(String className) {
        return HEAVY.stream().filter(className::startsWith).findFirst().orElse(null);
    }

    /**
     * The heavy libraries a class-load log shows loaded, each with the reg classes that resolved
     * one of its classes (and why: verification, a field, a call), which is where to look.
     */
    static Map<String, List<String>> heavyLoads(List<String> log) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        boolean sawMain = false;
        for (String line : log) {
            Matcher load = LOADED.matcher(line);
            if (load.find()) {
                sawMain |= load.group(1).equals("dev.reg.cli.Main");
                String lib = library(load.group(1));
                if (lib != null) {
                    found.computeIfAbsent(lib, k -> new ArrayList<>());
                }
            }
        }
        if (!sawMain) {
            throw new AssertionError("not a class-load log of reg: " + log.size() + " lines");
        }
        for (String line : log) {
            Matcher r = RESOLVED.matcher(line);
            if (r.find() && r.group(1).startsWith("dev.reg.") && library(r.group(2)) != null) {
                String cause = r.group(1) + " -> " + r.group(2) + " " + r.group(3);
                List<String> causes = found.get(library(r.group(2)));
                if (causes != null && !causes.contains(cause)) {
                    causes.add(cause);
                }
            }
        }
        return found;
    }
}
