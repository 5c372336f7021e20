package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.util.Suggestions;

/** The three kinds of artifact a registry holds, each in its own folder under {@code registry/}. */
public enum Kind {
    PROMPT("prompt", "prompts", "prompt"),
    MODEL("model", "models", "model"),
    DATASET("dataset", "datasets", "data");

    private final String id;
    private final String folder;
    private final String shortLabel;

    Kind(String id, String folder, String shortLabel) {
        this.id = id;
        this.folder = folder;
        this.shortLabel = shortLabel;
    }

    /** The name used in refs and on the command line: {@code prompt}, {@code model}, {@code dataset}. */
    public String id() {
        return id;
    }

    /** The folder under {@code registry/}: {@code prompts}, {@code models}, {@code datasets}. */
    public String folder() {
        return folder;
    }

    /** The word used in a composite's short form ({@code model@1.4.2 + prompt@2.3.0 + data@golden}). */
    public String shortLabel() {
        return shortLabel;
    }

    public static Kind parse(String text) {
        return find(text).orElseThrow(() -> new BadInputException("unknown kind '" + text + "': expected prompt, model or dataset"
                + Suggestions.hint(text, java.util.Arrays.stream(values()).map(Kind::id).toList())));
    }

    /** The kind whose word is {@code text}, if any. */
    public static java.util.Optional<Kind> find(String text) {
        for (Kind k : values()) {
            if (k.id.equals(text)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
