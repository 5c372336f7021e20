package dev.reg.online;

/**
 * What was read from one file, so a recorded readout can be re-derived from the same files.
 *
 * @param sha256 hex digest of the file's bytes as stored (compressed for .gz), or null when not hashed
 * @param lines lines read, blank ones included
 * @param events events accepted
 * @param skipped malformed lines skipped
 */
public record InputSummary(String name, Arm arm, long bytes, String sha256, boolean gzip, long lines, long events, long skipped) {
}
