package dev.reg.registry;

import java.util.List;

/**
 * One entry of an artifact's changelog; newest first in the file. A dataset's entry may retire
 * case ids: a gate then no longer expects those baseline cases in the candidate run.
 */
public record ChangelogEntry(String version, String date, String summary, List<String> retires) {
    public ChangelogEntry {
        retires = List.copyOf(retires);
    }

    public ChangelogEntry(String version, String date, String summary) {
        this(version, date, summary, List.of());
    }
}
