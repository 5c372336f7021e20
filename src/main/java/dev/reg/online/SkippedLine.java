package dev.reg.online;

/** A malformed line that a skip budget let the reader pass over. */
public record SkippedLine(String file, long line, String reason) {
}
