package dev.reg.eval;

/**
 * The run an import produced or found.
 *
 * @param imported false when the same file was already imported for the same subject (nothing written)
 * @param commit the commit that added the run, or null when nothing was written
 * @param warnings things the user should know, e.g. components with uncommitted changes
 */
public record ImportResult(EvalRunInfo run, boolean imported, String commit, java.util.List<String> warnings) {
    public ImportResult {
        warnings = java.util.List.copyOf(warnings);
    }
}
