package dev.reg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden: the rendered output is the contract. Run with
 * {@code -Dreg.golden.update=true} to rewrite them after an intended change, then review the diff.
 */
public final class Golden {
    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("reg.golden.update") || !Files.exists(file)) {
                if (!Boolean.getBoolean("reg.golden.update")) {
                    throw new AssertionError("golden file " + file + " is missing; run with -Dreg.golden.update=true to create it");
                }
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "output differs from golden file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
