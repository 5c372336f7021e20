package dev.reg.git;

/** One file that differs between two revisions, with its unified diff (empty for binary files). */
public record FileChange(String path, String change, String oldBlob, String newBlob, boolean binary, String patch) {
}
