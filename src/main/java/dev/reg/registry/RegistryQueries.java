package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.git.TagInfo;
import dev.reg.registry.RegistryViews.ArtifactDetails;
import dev.reg.registry.RegistryViews.ArtifactSummary;
import dev.reg.registry.RegistryViews.Diff;
import dev.reg.registry.RegistryViews.FieldChange;
import dev.reg.registry.RegistryViews.Log;
import dev.reg.registry.RegistryViews.LogEntry;
import dev.reg.registry.RegistryViews.Overview;
import dev.reg.registry.RegistryViews.TagView;
import dev.reg.registry.RegistryViews.WorkflowView;
import dev.reg.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import dev.reg.git.GitId;

/** {@code reg show}, {@code reg log} and {@code reg diff}: reading the registry, never writing it. */
public final class RegistryQueries {
    private final Registry registry;

    public RegistryQueries(Registry registry) {
        this.registry = registry;
    }

    /** The refs {@link #overview()} reads: every tag name (open a remote registry with them to list them from the start). */
    public static final List<String> OVERVIEW_REFS = List.of(RegistryLayout.TAGS);

    /** Every workflow and artifact, with each artifact's work-tree version and newest tag. */
    public Overview overview() {
        // every tag name is needed: a remote lists them in the background while the manifests are read
        OVERVIEW_REFS.forEach(registry.refs()::expectRefs);
        RegistryView work = registry.workTree();
        List<ArtifactId> ids = work.artifacts();
        // registry.yaml comes with the manifests: a remote read fetches them in one go
        List<String> files = new ArrayList<>(List.of(RegistryLayout.CONFIG));
        ids.forEach(id -> files.add(RegistryLayout.manifest(id)));
        work.prefetch(files);
        List<WorkflowView> workflows = new ArrayList<>();
        for (Workflow w : registry.config().workflows().values()) {
            workflows.add(new WorkflowView(w.name(), w.components().stream().map(ArtifactId::toString).toList(), w.gate()));
        }
        List<Version> workVersions = work.manifests(ids, ArtifactManifest::version);
        Map<ArtifactId, List<Version>> tags = registry.allVersions();
        List<ArtifactSummary> artifacts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ArtifactId id = ids.get(i);
            List<Version> vs = tags.getOrDefault(id, List.of());
            artifacts.add(new ArtifactSummary(id.toString(), workVersions.get(i).toString(),
                    vs.isEmpty() ? null : vs.get(vs.size() - 1).toString(), vs.size()));
        }
        return new Overview(registry.location(), workflows, artifacts);
    }

    /** An artifact as it stands in the work tree ({@code kind/name}) or as tagged ({@code kind/name@version}). */
    public ArtifactDetails show(String ref) {
        if (ref.indexOf('@') >= 0) {
            ArtifactVersion v = ArtifactVersion.parse(ref);
            ArtifactManifest m = registry.manifestAt(v);
            List<Version> versions = registry.versions(v.artifact());
            TagInfo t = registry.refs().readTag(v.tagRef()).orElseThrow();
            TagView tag = new TagView(t.name(), t.target().name(), t.tagger(), t.when() == null ? null : t.when().toString(),
                    Trailer.DIGEST.in(t.message()).orElse(null), t.message());
            String state = m.digest().map(Sha256::toString).equals(Trailer.DIGEST.in(t.message())) ? "tagged" : "tag-digest-mismatch";
            return details(m, state, versions, tag);
        }
        ArtifactId id = ArtifactId.parse(ref);
        ArtifactManifest m = registry.manifest(id);
        List<Version> versions = registry.versions(id);
        return details(m, state(m, versions), versions, null);
    }

    /** Content up to this size is re-hashed to check the recorded digest; beyond it Git's stat-based status decides. */
    private static final long REHASH_LIMIT = 64L * 1024 * 1024;

    /**
     * {@code modified} when the folder has uncommitted changes (Git's own status, stat-based, so a
     * many-GB dataset is not re-read); {@code untagged} when its version has no tag; otherwise
     * {@code clean}, or {@code digest-mismatch} when small enough content no longer matches its digest.
     */
    private String state(ArtifactManifest m, List<Version> versions) {
        if (registry.uncommitted(m.id().folder())) {
            return "modified";
        }
        if (!versions.contains(m.version())) {
            return "untagged";
        }
        if (registry.contentSize(m) <= REHASH_LIMIT) {
            ContentHashes now = registry.workTree(ProgressListener.NONE).hash(m);
            if (m.digest().isEmpty() || !m.digest().get().equals(now.digest())) {
                return "digest-mismatch";
            }
        }
        return "clean";
    }

    private static ArtifactDetails details(ArtifactManifest m, String state, List<Version> versions, TagView tag) {
        Map<String, String> checksums = new LinkedHashMap<>();
        m.checksums().forEach((k, v) -> checksums.put(k, v.toString()));
        return new ArtifactDetails(m.id().toString(), m.version().toString(), m.owner(), m.description(), m.files(), checksums,
                m.digest().map(Sha256::toString).orElse(null), state, m.changelog(),
                m.rollbackTo().map(Version::toString).orElse(null), m.links(), m.modelIdentity(), m.label().orElse(null),
                versions.stream().map(Version::toString).toList(),
                versions.isEmpty() ? null : versions.get(versions.size() - 1).toString(), tag);
    }

    /** Every tagged version of an artifact, newest first, from its tag objects. */
    public Log log(String ref) {
        ArtifactId id = ArtifactId.parse(ref);
        List<Version> versions = registry.versions(id);
        if (versions.isEmpty() && !registry.workTree().hasArtifact(id)) {
            throw new BadInputException("no artifact " + id + " (no folder " + id.folder() + " and no tags)" + registry.suggestFor(id));
        }
        List<LogEntry> out = new ArrayList<>();
        registry.refs().prefetchTags(versions.stream().map(v -> new ArtifactVersion(id, v).tagRef()).toList());
        for (int i = versions.size() - 1; i >= 0; i--) {
            ArtifactVersion v = new ArtifactVersion(id, versions.get(i));
            TagInfo t = registry.refs().readTag(v.tagRef()).orElseThrow();
            String summary = t.message() == null ? "" : t.message().split("\n\n", 2)[0].strip();
            out.add(new LogEntry(v.version().toString(), t.when() == null ? null : t.when().toString(), t.tagger(), summary,
                    Trailer.DIGEST.in(t.message()).orElse(null), t.target().name()));
        }
        return new Log(id.toString(), out);
    }

    /** What changed in an artifact between two tagged versions: metadata fields and content files. */
    public Diff diff(String ref, String from, String to) {
        ArtifactId id = ArtifactId.parse(ref);
        ArtifactVersion a = new ArtifactVersion(id, ArtifactVersion.parseVersion(from));
        ArtifactVersion b = new ArtifactVersion(id, ArtifactVersion.parseVersion(to));
        GitId ca = registry.tagCommit(a);
        GitId cb = registry.tagCommit(b);
        Map<String, Object> ma = registry.manifestAt(a).document().rootMap().toPlain();
        Map<String, Object> mb = registry.manifestAt(b).document().rootMap().toPlain();
        List<FieldChange> fields = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(ma.keySet());
        keys.addAll(mb.keySet());
        for (String k : keys) {
            if (k.equals("changelog") || k.equals("checksums")) {
                continue; // their changes show as the version, digest and file changes
            }
            if (!Objects.equals(ma.get(k), mb.get(k))) {
                fields.add(new FieldChange(k, ma.get(k), mb.get(k)));
            }
        }
        var files = registry.history().diff(ca, cb, id.folder()).stream()
                .filter(f -> !f.path().equals(RegistryLayout.manifest(id)))
                .toList();
        return new Diff(id.toString(), a.version().toString(), b.version().toString(), fields, files);
    }
}
