package dev.reg.validate;

import java.util.List;

/** What {@code reg verify} checked and every problem it found; it passes when there is none. */
public record VerifyReport(int versionTags, int releaseTags, int ledgerEntries, List<IntegrityProblem> problems) {
    public VerifyReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
