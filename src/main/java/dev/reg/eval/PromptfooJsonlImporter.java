package dev.reg.eval;

import java.nio.file.Path;

/** promptfoo's {@code -o results.jsonl}: one result row per line, the same rows as results.json. */
final class PromptfooJsonlImporter implements Importer {
    private final String provider;
    private final String version;

    PromptfooJsonlImporter(String provider, String version) {
        this.provider = provider;
        this.version = version;
    }

    @Override
    public String name() {
        return "promptfoo-jsonl/1";
    }

    @Override
    public boolean numbersTrials() {
        return true;
    }

    @Override
    public ToolInfo read(Path file, String display, CaseSink sink) {
        PromptfooRows rows = new PromptfooRows(provider);
        JsonInput.eachLine(file, display, (row, where) -> rows.accept(row, where, sink));
        rows.requireKept(display);
        return new ToolInfo("promptfoo", version);
    }
}
