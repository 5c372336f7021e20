package dev.reg.cli;

import dev.reg.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The completion scripts: a template per shell (resources {@code completion/reg.bash|zsh|fish}) that
 * walks the words typed so far through the {@link CompletionTable} of reg's picocli model, and asks
 * {@code reg __complete} for the values only the repository knows. picocli's own
 * {@code AutoComplete.bash} is not used: it writes bash only, completes positional values only from
 * lists fixed when the script is made, and its generated functions offer no place to call back into reg.
 */
final class CompletionScripts {
    enum Shell {
        BASH, ZSH, FISH;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The shell names, for picocli's usage and completion of {@code reg completion SHELL}. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Shell.values()).map(Shell::id).iterator();
        }
    }

    private CompletionScripts() {
    }

    static Shell shell(String id) {
        for (Shell s : Shell.values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new BadInputException("no completion for shell '" + id + "': expected bash, zsh or fish");
    }

    /** The script for {@code shell}, with the table of {@code root}'s commands. */
    static String script(Shell shell, CommandLine root, String version) {
        String table = CompletionTable.of(root);
        String quoted = shell == Shell.FISH
                ? table.replace("\\", "\\\\").replace("'", "\\'")   // fish: \ and ' are escaped inside '…'
                : table.replace("'", "'\\''");                      // bash, zsh: close the quote, a quoted ', reopen
        return template(shell).replace("@@VERSION@@", version).replace("@@TABLE@@", quoted.strip());
    }

    private static String template(Shell shell) {
        try (InputStream in = CompletionScripts.class.getResourceAsStream("completion/reg." + shell.id())) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the " + shell.id() + " completion template");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
