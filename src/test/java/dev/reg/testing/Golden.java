package dev.reg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}: a test's output must equal the file.
 * Run with {@code -Dreg.golden.update=true} to rewrite them from the current output (then review
 * the diff before committing).
 */
public final class Golden {
    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    public static boolean updating() {
        return Boolean.getBoolean("reg.golden.update");
    }

    /** Replaces what differs from run to run in reg's output: times and commit ids (full and short). */
    public static String withoutTimesAndCommits(String s) {
        return s.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})", "<time>")
                .replaceAll("\\b[0-9a-f]{40}\\b", "<commit>")
                .replaceAll("\\b[0-9a-f]{12}\\b", "<short>");
    }

    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError("no golden file " + file + "; run the test with -Dreg.golden.update=true to create it");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "output differs from golden file " + file
                    + " (rewrite with -Dreg.golden.update=true if the change is intended)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
