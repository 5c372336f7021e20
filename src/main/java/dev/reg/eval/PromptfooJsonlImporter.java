package dev.reg.eval;

import java.nio.file.Path;

/** promptfoo's {@code -o results.jsonl}: one result row per line, the same rows as results.json (without the eval's time). */
final class PromptfooJsonlImporter implements Importer {
    private final String provider;
    private final String prompt;
    private final String version;

    PromptfooJsonlImporter(String provider, String prompt, String version) {
        this.provider = provider;
        this.prompt = prompt;
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
        PromptfooRows rows = new PromptfooRows(new PromptfooChoice(provider, prompt, false));
        JsonInput.eachLine(file, display, (row, where) -> rows.accept(row, where, sink));
        // the rows record no time of the eval: the run has none
        return new ToolInfo("promptfoo", version, null, rows.choice.resolve(display));
    }
}
