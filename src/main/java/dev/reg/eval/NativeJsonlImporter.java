package dev.reg.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * reg's own JSONL: one case row per line in the {@code reg.eval-run/1} case shape
 * ({@code {"id": "FAQ-001", "trial": 1, "pass": true, "scores": {"exact": 0.9}, …}}); trial may be
 * left out and is then 1. Blank lines are skipped.
 */
final class NativeJsonlImporter implements Importer {
    private final String tool;
    private final String version;

    NativeJsonlImporter(String tool, String version) {
        this.tool = tool;
        this.version = version;
    }

    @Override
    public String name() {
        return "jsonl/1";
    }

    @Override
    public ToolInfo read(Path file, String display, CaseSink sink) {
        try (BufferedReader r = JsonInput.utf8Lines(file)) {
            long lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String where = display + ":" + lineNo;
                EvalCase c = EvalJson.readCase(JsonInput.parseLine(line, where), where, 1);
                sink.accept(c, c.trial(), null, where);
            }
        } catch (IOException e) {
            throw JsonInput.failure(e, display, null);
        }
        return new ToolInfo(tool == null ? "jsonl" : tool, version);
    }
}
