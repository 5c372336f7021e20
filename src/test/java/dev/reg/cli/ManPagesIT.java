package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The man pages {@code mvnw package} wrote into target/man: one per command, rendered by man(1) and groff. */
class ManPagesIT {
    private static final Path MAN = Path.of(System.getProperty("reg.jar", "target/reg.jar")).toAbsolutePath().resolveSibling("man");

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("MANPAGER", "cat");
        pb.environment().put("PAGER", "cat");
        pb.environment().put("MANWIDTH", "200");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), command + ":\n" + out);
        return out;
    }

    @Test
    void onePagePerCommand() throws IOException {
        TreeSet<String> pages;
        try (Stream<Path> files = Files.list(MAN)) {
            pages = new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(new TreeSet<>(ManPages.pages(ManPages.model(), "x").keySet()), pages);
        assertTrue(pages.containsAll(List.of("reg.1", "reg-bump.1", "reg-adr-new.1", "reg-eval-import.1", "reg-completion.1")), pages.toString());
        assertTrue(pages.stream().noneMatch(p -> p.contains("__complete")), "the hidden command has no page");
    }

    @Test
    void manRendersTheBumpPageWithItsOptionsAndArguments() throws Exception {
        String page = run(List.of("man", "-l", MAN.resolve("reg-bump.1").toString())).replaceAll("\\s+", " ");
        for (String text : List.of("REG-BUMP(1)", "NAME", "reg-bump - Publish the next version of an artifact", "SYNOPSIS",
                "reg bump [-h] [--allow-unchanged] [--debug] [--push[=REMOTE]] [-C=DIR] [-m=TEXT] [--pre=ID] [--retire=CASE]... KIND NAME TYPE",
                "-m, --message=TEXT", "--pre=ID", "--allow-unchanged", "--retire=CASE", "-C DIR", "-h, --help",
                "KIND prompt, model or dataset", "TYPE major, minor, patch, premajor, preminor, prepatch or prerelease",
                "EXIT STATUS", "70 internal error", "SEE ALSO reg(1)")) {
            assertTrue(page.contains(text), "'" + text + "' in:\n" + page);
        }
    }

    @Test
    void aCommandWithSubcommandsListsThemAndPointsToTheirPages() throws Exception {
        String page = run(List.of("man", "-l", MAN.resolve("reg-adr.1").toString())).replaceAll("\\s+", " ");
        assertTrue(page.contains("COMMANDS") && page.contains("See reg-adr-new(1).") && page.contains("reg-adr-supersede(1)"), page);
    }

    @Test
    void groffReadsEveryPageWithoutAWarning() throws Exception {
        try (Stream<Path> files = Files.list(MAN)) {
            for (Path page : files.sorted().toList()) {
                assertEquals("", run(List.of("groff", "-man", "-Tutf8", "-ww", "-z", page.toString())), page.toString());
            }
        }
    }
}
