package dev.reg.eval;

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
        JsonInput.eachLine(file, display, (node, where) -> {
            EvalCase c = EvalJson.readCase(node, where, 1);
            sink.accept(c, c.trial(), null, where);
        });
        return new ToolInfo(tool == null ? "jsonl" : tool, version);
    }
}
