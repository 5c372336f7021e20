package dev.reg.eval;

import dev.reg.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The input formats {@code reg eval import} reads. */
public enum ImportFormat {
    PROMPTFOO("promptfoo"), PROMPTFOO_JSONL("promptfoo-jsonl"), JUNIT("junit"), JSONL("jsonl"), CSV("csv");

    private final String label;

    ImportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ImportFormat parse(String text) {
        for (ImportFormat f : values()) {
            if (f.label.equals(text)) {
                return f;
            }
        }
        throw new BadInputException("unknown format '" + text + "': expected promptfoo, promptfoo-jsonl, junit, jsonl or csv");
    }

    /**
     * The format a file's name suggests; a {@code .jsonl} file is promptfoo's when its first row has
     * promptfoo's fields (testIdx, gradingResult), reg's native JSONL otherwise.
     */
    public static ImportFormat detect(Path file, String display) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return JUNIT;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".json")) {
            return PROMPTFOO;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            try (BufferedReader r = JsonInput.utf8Lines(file)) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        return line.contains("\"testIdx\"") || line.contains("\"gradingResult\"") ? PROMPTFOO_JSONL : JSONL;
                    }
                }
                return JSONL;
            } catch (IOException e) {
                throw JsonInput.failure(e, display, null);
            }
        }
        throw new BadInputException(display + ": cannot tell the format from the file name; give --format promptfoo, promptfoo-jsonl, junit, jsonl or csv");
    }
}
