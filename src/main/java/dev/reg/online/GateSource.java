package dev.reg.online;

/**
 * Where an online readout's pre-registered design came from: the workflow's gate file as committed
 * at HEAD (never the work tree, so a bar cannot be edited after the data is in without a commit that
 * shows it).
 *
 * @param file the gate file's path in the repository, e.g. {@code registry/gates/support_copilot.yaml}
 * @param commit the full id of the HEAD commit it was read from
 * @param section the section the readout used: {@code canary}, {@code drift} or {@code slo}
 * @param sectionPresent false when the section is absent and its defaults apply (drift only)
 * @param uncommittedChanges the work tree's copy differs from the committed one (those changes are not used)
 */
public record GateSource(String workflow, String file, String commit, String section, boolean sectionPresent, boolean uncommittedChanges) {
    /** The commit's first 12 hex digits, as messages show it. */
    public String shortCommit() {
        return commit.substring(0, Math.min(12, commit.length()));
    }

    /** {@code registry/gates/x.yaml as committed at HEAD (1a2b3c4d5e6f)}, or what the defaults stand in for. */
    public String describe() {
        String where = file + " as committed at HEAD (" + shortCommit() + ")";
        return sectionPresent ? "gate file " + where : "default thresholds: the gate file " + where + " has no " + section + ": section";
    }

    /** The notice for a gate file edited but not committed, or null. */
    public String uncommittedNotice() {
        return uncommittedChanges ? file + " has uncommitted changes; the readout uses the version committed at HEAD (commit the file to "
                + "change the " + section + ": section)" : null;
    }
}
