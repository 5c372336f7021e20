package dev.reg.registry;

/** One entry of an artifact's changelog; newest first in the file. */
public record ChangelogEntry(String version, String date, String summary) {
}
