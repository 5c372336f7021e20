package dev.reg.validate;

/**
 * Every rule {@code reg validate} checks. Ids are stable: a rule keeps its id for good, and a
 * retired id is never reused, so CI configuration and SARIF history can refer to them.
 */
public enum Rule {
    INVALID_YAML("REG001", "invalid-yaml", Severity.ERROR,
            "The file cannot be read as YAML.",
            "Registry YAML files must be UTF-8, at most 16 MiB, without tabs for indentation, duplicate keys or more than 20 aliases. Fix the line named."),
    UNKNOWN_KEY("REG002", "unknown-key", Severity.ERROR,
            "A key the file's schema does not define.",
            "Remove the key, correct its spelling, or prefix your own keys with x- (they are kept and ignored)."),
    INVALID_FIELD("REG003", "invalid-field", Severity.ERROR,
            "A field has the wrong type or a value its schema does not allow.",
            "Give the field a value of the type the schema names; quote values such as 1.10 that YAML would read as numbers."),
    MISSING_FIELD("REG004", "missing-field", Severity.ERROR,
            "A required field is missing.",
            "Add the field named in the message."),
    INVALID_VERSION("REG005", "invalid-version", Severity.ERROR,
            "A version is not strict SemVer 2.0.0 (or carries build metadata).",
            "Write MAJOR.MINOR.PATCH with an optional -prerelease, no leading zeros, no 'v' prefix and no +build."),
    ILLEGAL_NAME("REG006", "illegal-name", Severity.ERROR,
            "An artifact or workflow name breaks the naming rule.",
            "Names are 1 to 63 characters of lowercase a-z, 0-9, '.', '_' or '-', starting with a letter or digit, without '..' and not ending in '.' or '.lock'."),
    MISPLACED_ARTIFACT("REG007", "misplaced-artifact", Severity.ERROR,
            "artifact.yaml's id or kind disagrees with the folder it is in.",
            "An artifact lives in registry/<kinds>/<id>/: make id and kind match the folder, or move the folder."),
    CHECKSUM_MISMATCH("REG008", "checksum-mismatch", Severity.ERROR,
            "A recorded checksum does not match the file, or a content file has none.",
            "Publish the change with 'reg bump', which recomputes checksums; do not edit checksums by hand."),
    DIGEST_MISMATCH("REG009", "digest-mismatch", Severity.ERROR,
            "The recorded digest does not match the content files.",
            "Publish the change with 'reg bump', which recomputes the digest; do not edit it by hand."),
    BAD_CONTENT_FILE("REG010", "bad-content-file", Severity.ERROR,
            "A file listed in files: is missing, unsafe, a symbolic link or not a regular file.",
            "List only regular files inside the artifact folder, by relative path without '..'."),
    NOT_A_REGULAR_FILE("REG011", "not-a-regular-file", Severity.ERROR,
            "A registry file or folder is a symbolic link or not a regular file.",
            "Replace the link with the file itself; reg never follows links out of the repository."),
    VERSION_NOT_BUMPED("REG012", "version-not-bumped", Severity.ERROR,
            "Content changed but the version did not.",
            "Run 'reg bump KIND NAME patch|minor|major -m \"what changed\"' to publish the change as a new version."),
    VERSION_DECREASED("REG013", "version-decreased", Severity.ERROR,
            "The version went down, or is not above the newest tag, outside a rollback.",
            "Versions only go up: set the version with 'reg bump'. Going back is 'reg rollback', which marks its commit."),
    VERSION_REUSED("REG014", "version-reused", Severity.ERROR,
            "The version was already published before this change, outside a rollback.",
            "Publish a new version with 'reg bump'; an old version comes back only through 'reg rollback'."),
    CHANGELOG_MISSING("REG015", "changelog-missing", Severity.ERROR,
            "No changelog entry for the artifact's version.",
            "Add a changelog entry for the version ('reg bump -m' writes it)."),
    TAG_TAKEN("REG016", "tag-taken", Severity.ERROR,
            "The version's tag already exists on other content.",
            "A version names one content for good: publish this content as a new version with 'reg bump'."),
    ROLLBACK_TARGET_MISSING("REG017", "rollback-target-missing", Severity.ERROR,
            "rollback_to names a version that has no tag, or is not older.",
            "rollback_to must name an earlier tagged version of the artifact (reg bump writes it)."),
    LINK_UNRESOLVED("REG018", "link-unresolved", Severity.ERROR,
            "A reference to an artifact version, artifact, eval run or document does not resolve.",
            "Point the reference at something that exists: a version tag (kind/name@version), an artifact folder, an eval run id under registry/evals/, an ADR file."),
    GATE_INVALID("REG019", "gate-invalid", Severity.ERROR,
            "A gate bar, or the canary:, drift: or slo: section of a gate file, cannot be used as written.",
            "Each bar needs a known agg and at least one of min, max, tail_min or max_drop; equals goes with count or rate; max_drop with vs: baseline."
                    + " canary: needs a split between 0 and 1 and bars that do not contradict each other; drift: needs red at least yellow;"
                    + " slo: needs an objective between 0 and 1 and a good: condition that parses (docs/online-statistics.md)."),
    GATE_UNKNOWN_METRIC("REG020", "gate-unknown-metric", Severity.ERROR,
            "A gate names a metric that no eval run reports and that is no case field.",
            "Use a metric the eval runs in registry/evals/ declare, or a case field (pass, latency_ms, cost_usd, tokens, severity, error)."),
    ADR_TITLE("REG021", "adr-title", Severity.ERROR,
            "An ADR's first line is not '# N. Title' with N its file number.",
            "Start the file with '# N. Title' (N as in NNNN-slug.md, no YAML front matter): adr-tools and log4brains read it."),
    ADR_STATUS("REG022", "adr-status", Severity.ERROR,
            "An ADR's '## Status' section is missing, empty, last, its status word is not capitalised, or it says another status than the header list.",
            "Add '## Status' (not as the last section) with the status word, e.g. 'Accepted', alone on its line, the status the '- Status:' line says."),
    ADR_SECTION_MISSING("REG023", "adr-section-missing", Severity.ERROR,
            "An ADR lacks a required section.",
            "An ADR needs a context section ('## Context' or '## Context and Problem Statement') and a decision section ('## Decision' or '## Decision Outcome')."),
    ADR_NUMBER_DUPLICATE("REG024", "adr-number-duplicate", Severity.ERROR,
            "Two ADR files share one number.",
            "ADRs and memos share one sequence: renumber one file (file name and title line)."),
    LEDGER_INCONSISTENT("REG025", "ledger-inconsistent", Severity.ERROR,
            "A release ledger contradicts itself or the registry.",
            "The ledger is written by reg; restore it from Git ('git checkout -- FILE') rather than editing it."),
    EVAL_RUN_MODIFIED("REG026", "eval-run-modified", Severity.ERROR,
            "An eval run that already existed was changed or removed.",
            "Eval runs are immutable evidence: import a new run with 'reg eval import' instead of editing one."),
    UNLISTED_FILE("REG027", "unlisted-file", Severity.WARNING,
            "A file in an artifact folder is not listed in files:, so it is not part of the artifact's content.",
            "Add it to files: and 'reg bump', or move it out of the artifact folder."),
    MISSING_MANIFEST("REG028", "missing-manifest", Severity.ERROR,
            "An artifact folder has no artifact.yaml.",
            "Register the folder with 'reg add KIND NAME', or remove it."),
    GATE_FILE_MISSING("REG029", "gate-file-missing", Severity.WARNING,
            "A workflow's gate file does not exist yet.",
            "Write the gate file (registry/gates/<workflow>.yaml) before releasing the workflow."),
    VERSION_TAG_NOT_ON_REMOTE("REG031", "version-tag-not-on-remote", Severity.ERROR,
            "A version new in this change has no tag on the remote (validate --base REV --remote REMOTE).",
            "Publish the tag with the branch: 'reg push REMOTE' (or 'git push REMOTE TAG'); merging without it leaves main naming a version nobody can fetch."),
    VERSION_TAG_TAKEN_ON_REMOTE("REG032", "version-tag-taken-on-remote", Severity.ERROR,
            "A version new in this change is already tagged on the remote with another tag (someone published it first).",
            "Take the remote's tags ('reg fetch REMOTE'), then publish your content as the next version with 'reg bump'."),
    ONLINE_READOUT_MODIFIED("REG035", "online-readout-modified", Severity.ERROR,
            "A recorded online readout or drift reference under registry/online/ that already existed was changed or removed.",
            "Recorded readouts are immutable evidence (a promotion or a rollback rests on them): record a new readout with"
                    + " 'reg canary|drift|budget … --record' instead of editing one.");

    private final String id;
    private final String slug;
    private final Severity severity;
    private final String summary;
    private final String help;

    Rule(String id, String slug, Severity severity, String summary, String help) {
        this.id = id;
        this.slug = slug;
        this.severity = severity;
        this.summary = summary;
        this.help = help;
    }

    /** The stable id, {@code REG012}. */
    public String id() {
        return id;
    }

    /** The stable name, {@code version-not-bumped}. */
    public String slug() {
        return slug;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }

    public String help() {
        return help;
    }

    /** {@code REG012 version-not-bumped}. */
    public String title() {
        return id + " " + slug;
    }

    public static java.util.Optional<Rule> byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
