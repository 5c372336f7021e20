package dev.reg.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code reg validate} found and what it looked at.
 *
 * @param checked what was validated: {@code work tree} or {@code index}
 * @param base the revision compared against, as given ({@code origin/main}), when there is one
 * @param baseCommit the commit the change was compared with (the merge base with the base revision)
 * @param changedPaths how many paths the change touched (with a base), or -1 for a full validation
 * @param scope what the rules were run on: artifacts, gate files, ledgers, ADRs
 */
public record ValidationReport(String checked, Optional<String> base, Optional<String> baseCommit, int changedPaths,
        Scope scope, List<Finding> findings) {

    public ValidationReport {
        List<Finding> sorted = new ArrayList<>(findings);
        java.util.Collections.sort(sorted);
        findings = List.copyOf(sorted);
    }

    /** How much was checked, so a reader can tell a clean result from an empty one. */
    public record Scope(int artifacts, int gates, int ledgers, int adrs, int evalRuns) {
    }

    public long errors() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    public boolean passed() {
        return errors() == 0;
    }

    /** Findings grouped by file, files in path order. */
    public Map<String, List<Finding>> byFile() {
        Map<String, List<Finding>> out = new LinkedHashMap<>();
        for (Finding f : findings) {
            out.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }
}
