package dev.reg.doctor;

import dev.reg.BadInputException;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import dev.reg.validate.ExpectedTags;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * {@code reg doctor}: what in a clone, typically a CI checkout, makes reg's answers wrong or its
 * writes unsafe, each with its fix. A shallow clone and missing tags hide versions and releases;
 * a tag-event checkout ({@code actions/checkout} on a tag push) re-creates the pushed tag as a
 * lightweight tag; a detached HEAD has no branch to commit to; a CI file that publishes with reg
 * ({@code --push}, {@code reg release} …) without a concurrency group lets two runs race.
 */
public final class Doctor {
    /** How many names a finding lists before "and N more". */
    static final int SHOWN = 5;
    /** A line of a CI file that runs reg to publish: {@code reg … --push}, {@code reg release|push|promote|rollback}. */
    private static final Pattern PUBLISHES = Pattern.compile(
            "(?:^|[\\s/\"'`;&|(])reg(?:\\s+\\S+)*?\\s+(?:--push\\b|(?:release|push|promote|rollback)(?:\\s|$|[\"'`;&|)]))");
    private static final String FETCH_TAGS = "git fetch --tags --force origin";

    private final Registry registry;
    private final Map<String, String> env;

    /** @param env reg's environment: the launcher's {@code REG_LAUNCHER_*} values */
    public Doctor(Registry registry, Map<String, String> env) {
        this.registry = registry;
        this.env = env;
    }

    public DoctorReport check() {
        List<DoctorFinding> findings = new ArrayList<>();
        boolean shallow = registry.isShallow();
        if (shallow) {
            findings.add(new DoctorFinding("shallow-clone", registry.root().toString(),
                    "a shallow clone: history before the cut is missing, and with it the tags and commits reg reads",
                    "git fetch --unshallow --tags origin; in GitHub Actions set 'fetch-depth: 0' on actions/checkout,"
                            + " in GitLab CI set the variable GIT_DEPTH: \"0\""));
        }
        List<String> tags = registry.refs().refNames(RegistryLayout.TAGS).stream()
                .map(r -> r.substring(RegistryLayout.TAGS.length())).filter(Doctor::isRegTag).toList();
        missingTags().ifPresent(findings::add);
        lightweightTags().ifPresent(findings::add);
        Optional<String> branch = registry.branch();
        if (branch.isEmpty()) {
            findings.add(new DoctorFinding("detached-head", "HEAD",
                    "HEAD is detached (a tag or pull-request checkout): reg's writing commands commit to a branch and push it",
                    "git checkout -B main origin/main (your registry's branch); in GitHub Actions check out the branch"
                            + " ('ref: main' on actions/checkout) in jobs that write"));
        }
        List<String> ciFiles = new ArrayList<>();
        for (Path f : ciFiles()) {
            String rel = registry.root().relativize(f).toString().replace('\\', '/');
            ciFiles.add(rel);
            unguardedPublish(f, rel).ifPresent(findings::add);
        }
        return new DoctorReport(findings, branch.orElse(""), shallow, tags.size(), ciFiles, runtime());
    }

    private static boolean isRegTag(String name) {
        return name.startsWith(RegistryLayout.RELEASE_TAGS) || RegistryLayout.parseVersionTag(name).isPresent();
    }

    /** Tags the registry at HEAD names (versions in manifests and changelogs, tagged ledger entries) that are absent here. */
    private Optional<DoctorFinding> missingTags() {
        if (registry.headCommit().isEmpty()) {
            return Optional.empty();
        }
        RegistryView head = registry.head();
        List<String> missing = new ArrayList<>();
        for (ExpectedTags.NamedVersion n : ExpectedTags.versions(head)) {
            if (!registry.refs().refExists(n.version().tagRef())) {
                missing.add(n.version().tagName());
            }
        }
        for (String wf : ExpectedTags.ledgerWorkflows(head)) {
            Ledger ledger;
            try {
                ledger = Ledger.in(head, wf);
            } catch (BadInputException e) {
                continue; // reg validate and reg verify report an unreadable ledger
            }
            for (LedgerEntry e : ledger.entries()) {
                if (e.tagged() && !registry.refs().refExists(RegistryLayout.TAGS + e.tagName(wf))) {
                    missing.add(e.tagName(wf));
                }
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DoctorFinding("tags-missing", names(missing),
                missing.size() + (missing.size() == 1 ? " tag" : " tags") + " that the registry at HEAD names (artifact versions,"
                        + " ledger entries) are not in this clone: reg cannot read those versions and releases",
                FETCH_TAGS + "; in GitHub Actions set 'fetch-depth: 0' on actions/checkout (it fetches every tag)"));
    }

    /** reg's tags are annotated (they record digests and decisions); a lightweight one was re-created by a checkout. */
    private Optional<DoctorFinding> lightweightTags() {
        List<String> light = registry.lightweightRefs(RegistryLayout.TAGS).stream()
                .map(r -> r.substring(RegistryLayout.TAGS.length())).filter(Doctor::isRegTag).toList();
        if (light.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DoctorFinding("tag-lightweight", names(light),
                light.size() + (light.size() == 1 ? " reg tag is" : " reg tags are") + " lightweight here but reg makes annotated"
                        + " tags: a checkout on a tag event (actions/checkout) re-creates the pushed tag without its message,"
                        + " so its digest and decision are lost locally",
                FETCH_TAGS + " (replaces them with the remote's annotated tags); run it after actions/checkout"));
    }

    private static String names(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
        return names.size() > SHOWN ? shown + " and " + (names.size() - SHOWN) + " more" : shown;
    }

    /** {@code .github/workflows/*.yml|yaml} and {@code .gitlab-ci.yml}, in name order. */
    private List<Path> ciFiles() {
        List<Path> out = new ArrayList<>();
        Path workflows = registry.root().resolve(".github/workflows");
        if (Files.isDirectory(workflows)) {
            try (Stream<Path> s = Files.list(workflows)) {
                s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p)).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path gitlab = registry.root().resolve(".gitlab-ci.yml");
        if (Files.isRegularFile(gitlab)) {
            out.add(gitlab);
        }
        return out;
    }

    /** GitLab CI's top-level keywords: everything else at the top of {@code .gitlab-ci.yml} is a job. */
    private static final java.util.Set<String> GITLAB_KEYWORDS = java.util.Set.of("default", "include", "stages", "variables",
            "workflow", "image", "services", "cache", "before_script", "after_script", "spec");

    /**
     * A job of a CI file that publishes with reg (a line of it runs {@code reg … --push}, {@code reg
     * release} …) and runs without a concurrency group: none at the top of the workflow or on the job
     * (GitHub), no {@code resource_group} on the job or on a job it extends (GitLab). The file is read
     * as YAML, so a {@code concurrency:} in a script, a comment or another job guards nothing.
     */
    private static Optional<DoctorFinding> unguardedPublish(Path file, String rel) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new BadInputException(rel + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        YamlDocument doc = YamlDocument.parse(text, rel);
        if (!(doc.rootNode() instanceof MappingNode)) {
            return Optional.empty();
        }
        boolean gitlab = rel.equals(".gitlab-ci.yml");
        YamlMap root = doc.rootMap();
        if (!gitlab && root.has("concurrency")) {
            return Optional.empty();
        }
        Map<String, YamlMap> jobs = gitlab ? jobs(root, k -> !GITLAB_KEYWORDS.contains(k))
                : root.optMap("jobs").map(j -> jobs(j, k -> true)).orElse(Map.of());
        List<String> lines = text.lines().toList();
        for (Map.Entry<String, YamlMap> job : jobs.entrySet()) {
            if ((gitlab && job.getKey().startsWith(".")) || guarded(job.getValue(), jobs, gitlab, 0)) {
                continue; // a hidden GitLab job is a template: it runs only through the jobs that extend it
            }
            int publishes = firstPublishingLine(lines, job.getValue().node());
            if (publishes > 0) {
                return Optional.of(new DoctorFinding("ci-no-concurrency", rel + ":" + publishes,
                        "job '" + job.getKey() + "' publishes with reg (line " + publishes + ") without "
                                + (gitlab ? "a resource_group" : "a concurrency group")
                                + ": two runs at once race for the same release number and tags; reg refuses the loser, so the run fails",
                        gitlab ? "add 'resource_group: reg-registry' to the job '" + job.getKey() + "'"
                                : "add at the top level: 'concurrency: {group: reg-${{ github.repository }}, cancel-in-progress: false}'"));
            }
        }
        return Optional.empty();
    }

    /** The entries of {@code map} whose value is a mapping and whose key {@code keep} accepts, in file order. */
    private static Map<String, YamlMap> jobs(YamlMap map, java.util.function.Predicate<String> keep) {
        Map<String, YamlMap> out = new java.util.LinkedHashMap<>();
        for (String key : map.keys()) {
            if (keep.test(key) && map.entry(key).map(t -> t.getValueNode() instanceof MappingNode).orElse(false)) {
                out.put(key, map.requireMap(key));
            }
        }
        return out;
    }

    /** A job with its own group, or (GitLab) extending a job that has one. */
    private static boolean guarded(YamlMap job, Map<String, YamlMap> jobs, boolean gitlab, int depth) {
        if (job.has(gitlab ? "resource_group" : "concurrency")) {
            return true;
        }
        if (!gitlab || depth > 10) {
            return false;
        }
        Object extended = job.optPlain("extends").orElse(null);
        List<?> parents = extended instanceof List<?> l ? l : extended == null ? List.of() : List.of(extended);
        return parents.stream().map(String::valueOf).map(jobs::get).filter(java.util.Objects::nonNull)
                .anyMatch(parent -> guarded(parent, jobs, true, depth + 1));
    }

    /** The first line (1-based) of {@code job}'s text that runs reg to publish, 0 when none. */
    private static int firstPublishingLine(List<String> lines, MappingNode job) {
        int from = job.getStartMark().getLine();
        org.yaml.snakeyaml.error.Mark end = job.getEndMark();
        int to = Math.min(lines.size() - 1, end.getColumn() == 0 ? end.getLine() - 1 : end.getLine());
        for (int i = from; i <= to; i++) {
            if (PUBLISHES.matcher(withoutComment(lines.get(i))).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The line without a YAML comment ({@code #} at the start or after a space). */
    private static String withoutComment(String line) {
        String t = line.stripLeading();
        if (t.startsWith("#")) {
            return "";
        }
        int hash = line.indexOf(" #");
        return hash < 0 ? line : line.substring(0, hash);
    }

    private RuntimeInfo runtime() {
        String java = env.get("REG_LAUNCHER_JAVA");
        if (java == null || java.isEmpty()) {
            return new RuntimeInfo(false, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    System.getProperty("java.runtime.version", System.getProperty("java.version")), "", "unknown", "");
        }
        return new RuntimeInfo(true, java, env.getOrDefault("REG_LAUNCHER_JAVA_VERSION", ""), env.getOrDefault("REG_LAUNCHER_ARCHIVE", ""),
                env.getOrDefault("REG_LAUNCHER_ARCHIVE_STATUS", "unknown"), env.getOrDefault("REG_LAUNCHER_JVM_OPTIONS", ""));
    }
}
