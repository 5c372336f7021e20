package dev.reg.eval;

import dev.reg.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
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
        try (BufferedReader r = JsonInput.utf8Lines(file)) {
            long lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String where = display + ":" + lineNo;
                rows.accept(JsonInput.parseLine(line, where), where, sink);
            }
        } catch (IOException e) {
            throw JsonInput.failure(e, display, null);
        }
        if (provider != null && rows.kept == 0) {
            throw new BadInputException(display + ": no rows from provider '" + provider + "' (the file has: " + String.join(", ", rows.providers()) + ")");
        }
        return new ToolInfo("promptfoo", version);
    }
}
