package dev.reg.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code reg eval import} was asked.
 *
 * @param format null to tell from the file
 * @param workflow the workflow whose composite at HEAD the run measured (null when only components are named)
 * @param components explicit {@code kind/name@version} components, overriding or replacing the workflow's
 * @param provider promptfoo only: keep the rows of this provider (id or label)
 * @param prompt promptfoo's JSON and JSONL only: keep the rows of this prompt (id or label)
 * @param mapping CSV only: field to column name
 * @param metrics declared metrics, {@code NAME=TYPE[,higher|lower][,MIN..MAX]}
 * @param toolVersion the tool's version when the file does not record it
 * @param maxBytes the largest input file accepted
 */
public record ImportRequest(Path file, ImportFormat format, String workflow, List<String> components, String provider,
        String prompt, Map<String, String> mapping, List<String> metrics, String toolVersion, long maxBytes) {
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    public ImportRequest {
        components = List.copyOf(components);
        mapping = Map.copyOf(mapping);
        metrics = List.copyOf(metrics);
    }
}
