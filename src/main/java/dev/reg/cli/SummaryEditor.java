package dev.reg.cli;

import dev.reg.cli.render.Terminal;
import dev.reg.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A changelog summary typed in the user's editor, as {@code git commit} without {@code -m} asks for
 * its message: only on a terminal, with the editor Git would pick.
 */
final class SummaryEditor {
    private SummaryEditor() {
    }

    /**
     * The editor Git would run: {@code GIT_EDITOR}, then {@code core.editor}, then {@code VISUAL}
     * (unless the terminal is dumb), then {@code EDITOR} (git's editor.c). Unlike Git there is no
     * fallback to vi: without one the user is told to set one or pass {@code -m}.
     */
    static Optional<String> editor(Map<String, String> env, Optional<String> coreEditor) {
        Optional<String> e = nonBlank(env.get("GIT_EDITOR")).or(() -> coreEditor);
        if (e.isEmpty() && !"dumb".equals(env.get("TERM"))) {
            e = nonBlank(env.get("VISUAL"));
        }
        return e.or(() -> nonBlank(env.get("EDITOR")));
    }

    /**
     * Opens {@code file} (written with {@code template}) in the editor and returns the summary the
     * user wrote: the lines not starting with {@code #}, joined into one line.
     *
     * @param what what the summary is for, e.g. {@code prompt/billing_refund (minor)}
     */
    static String ask(Terminal term, Map<String, String> env, Optional<String> coreEditor, Path file, String what) {
        if (!term.interactive()) {
            throw new BadInputException("no changelog summary: give it with -m TEXT (reg opens an editor for it only on a terminal)");
        }
        String editor = editor(env, coreEditor).orElseThrow(() -> new BadInputException(
                "no changelog summary and no editor: give it with -m TEXT, or set GIT_EDITOR, core.editor, VISUAL or EDITOR"));
        try {
            Files.writeString(file, "\n# The changelog summary of " + what + ", on one line.\n"
                    + "# Lines starting with '#' are ignored; an empty summary aborts the bump.\n", StandardCharsets.UTF_8);
            // as git does: the editor is a shell command, so "code --wait" and quoted paths work
            Process p = new ProcessBuilder("sh", "-c", editor + " \"$@\"", editor, file.toString()).inheritIO().start();
            int code = p.waitFor();
            if (code != 0) {
                throw new BadInputException("the editor '" + editor + "' exited with " + code + "; nothing was bumped");
            }
            String summary = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).map(String::strip)
                    .filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
            if (summary.isEmpty()) {
                throw new BadInputException("empty changelog summary; nothing was bumped");
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("interrupted while waiting for the editor; nothing was bumped");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover message file in .git is harmless and rewritten next time
            }
        }
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
