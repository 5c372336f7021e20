package dev.reg.doctor;

import java.util.List;

/**
 * What {@code reg doctor} found, and what it looked at: the branch (empty: detached HEAD), whether the
 * clone is shallow, how many reg tags there are, the CI files read and the JVM.
 */
public record DoctorReport(List<DoctorFinding> findings, String branch, boolean shallow, int regTags, List<String> ciFiles,
        RuntimeInfo runtime) {
    public boolean ok() {
        return findings.isEmpty();
    }
}
