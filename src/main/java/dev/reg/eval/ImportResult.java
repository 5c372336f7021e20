package dev.reg.eval;

/**
 * The run an import produced or found.
 *
 * @param imported false when the same file was already imported for the same subject (nothing written)
 * @param commit the commit that added the run, or null when nothing was written
 */
public record ImportResult(EvalRunInfo run, boolean imported, String commit) {
}
