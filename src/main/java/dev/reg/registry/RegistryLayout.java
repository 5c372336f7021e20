package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.semver.Version;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Where everything of a registry lives, in one place: repository paths, the Git tag grammar
 * ({@code kind/name@version}, {@code release/<workflow>/<n>}) and eval-run ids. Every reader and
 * writer asks here rather than building a path or a tag name itself.
 */
public final class RegistryLayout {
    public static final String REGISTRY = "registry";
    public static final String CONFIG = "registry/registry.yaml";
    public static final String GATES = "registry/gates";
    public static final String EVALS = "registry/evals";
    public static final String RELEASES = "registry/releases";
    public static final String ONLINE = "registry/online";
    public static final String SCHEMAS = "registry/schemas";
    public static final String TEMPLATES = "templates";
    /** adr-tools' marker naming the ADR folder; {@link #DEFAULT_ADR_FOLDER} when it is absent. */
    public static final String ADR_DIR_FILE = ".adr-dir";
    public static final String DEFAULT_ADR_FOLDER = "adr";
    /** A large eval run is a folder holding its header and its rows. */
    public static final String RUN_HEADER = "run.json";
    public static final String RUN_CASES = "cases.jsonl";
    public static final String TAGS = "refs/tags/";
    public static final String RELEASE_TAGS = "release/";

    private static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    private RegistryLayout() {
    }

    /** The folder of an artifact: its manifest and content files. */
    public static String folder(ArtifactId id) {
        return REGISTRY + "/" + id.kind().folder() + "/" + id.name();
    }

    public static String manifest(ArtifactId id) {
        return folder(id) + "/" + ArtifactManifest.FILE_NAME;
    }

    /** A workflow's gate file as registry.yaml names it (relative to registry/). */
    public static String gate(Workflow wf) {
        return REGISTRY + "/" + wf.gate();
    }

    public static String ledger(String workflow) {
        return RELEASES + "/" + workflow + ".yaml";
    }

    /** Where the online readouts (canary, drift) of a workflow are recorded. */
    public static String online(String workflow) {
        return ONLINE + "/" + workflow;
    }

    public static String template(String name) {
        return TEMPLATES + "/" + name + ".md";
    }

    // ---------------------------------------------------------------- eval runs

    /** Whether {@code id} is an eval run id: lowercase letters, digits, '.', '_' and '-', never a path. */
    public static boolean isRunId(String id) {
        return id != null && RUN_ID.matcher(id).matches() && !id.contains("..");
    }

    public static void requireRunId(String id) {
        if (!isRunId(id)) {
            throw new BadInputException("'" + (id == null ? "" : ArtifactNames.printable(id))
                    + "' is not an eval run id (lowercase letters, digits, '.', '_', '-')");
        }
    }

    /** A run stored as one document. */
    public static String runFile(String id) {
        return EVALS + "/" + id + ".json";
    }

    /** A large run's folder, holding {@link #RUN_HEADER} and {@link #RUN_CASES}. */
    public static String runFolder(String id) {
        return EVALS + "/" + id;
    }

    /** The run id stored under {@code name} in the evals folder ({@code <id>.json} or the folder {@code <id>}), if it is one. */
    public static Optional<String> runIdOf(String name, boolean folder) {
        String id = folder ? name : name.endsWith(".json") ? name.substring(0, name.length() - 5) : null;
        return isRunId(id) ? Optional.of(id) : Optional.empty();
    }

    // ---------------------------------------------------------------- tags

    public static String versionTag(ArtifactVersion v) {
        return v.artifact() + "@" + v.version();
    }

    public static String versionTagRef(ArtifactVersion v) {
        return TAGS + versionTag(v);
    }

    /** The prefix every version tag ref of {@code id} starts with. */
    public static String versionTagPrefix(ArtifactId id) {
        return TAGS + id + "@";
    }

    public static String releaseTag(String workflow, int n) {
        return RELEASE_TAGS + workflow + "/" + n;
    }

    public static String releaseTagRef(String workflow, int n) {
        return TAGS + releaseTag(workflow, n);
    }

    /** The prefix every release tag ref of {@code workflow} starts with. */
    public static String releaseTagPrefix(String workflow) {
        return TAGS + releaseTag(workflow, 0).replaceFirst("0$", "");
    }

    /** A tag name as {@code kind/name@version}, or empty when it is some other tag. */
    public static Optional<ArtifactVersion> parseVersionTag(String tagName) {
        int slash = tagName.indexOf('/');
        int at = tagName.lastIndexOf('@');
        if (slash < 0 || at < slash) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.find(tagName.substring(0, slash));
        String name = tagName.substring(slash + 1, at);
        if (kind.isEmpty() || !ArtifactNames.isLegal(name)) {
            return Optional.empty();
        }
        return parseTagVersion(tagName.substring(at + 1)).map(v -> new ArtifactVersion(new ArtifactId(kind.get(), name), v));
    }

    /** The version in a version tag's last part; build metadata never names an artifact version. */
    public static Optional<Version> parseTagVersion(String text) {
        try {
            Version v = Version.parse(text);
            return v.hasBuild() ? Optional.empty() : Optional.of(v);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The release number of a tag ref under {@link #releaseTagPrefix(String)}, if it is one (1, 2, 3 … without leading zeros). */
    public static OptionalInt releaseNumber(String workflow, String tagRef) {
        String prefix = releaseTagPrefix(workflow);
        if (!tagRef.startsWith(prefix)) {
            return OptionalInt.empty();
        }
        String n = tagRef.substring(prefix.length());
        if (!n.matches("[1-9][0-9]{0,8}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(n));
    }
}
