package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.git.CommitHistory;
import dev.reg.git.CommitRequest;
import dev.reg.git.CommitResult;
import dev.reg.git.GitId;
import dev.reg.git.GitStore;
import dev.reg.git.Published;
import dev.reg.git.Publisher;
import dev.reg.git.PushReport;
import dev.reg.git.RemotePublisher;
import dev.reg.git.RefReader;
import dev.reg.git.RefSource;
import dev.reg.git.TreeReader;
import dev.reg.git.remote.RemoteRegistrySource;
import dev.reg.git.WorkTreeStatus;
import dev.reg.semver.Version;
import dev.reg.util.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A registry: the Git repository and its {@code registry/} tree. Its files are read through a
 * {@link RegistryView} of one state (the work tree, HEAD as committed, a tag, the index); versions
 * and releases are known from tag names alone; every write goes through the {@link Publisher}.
 */
public final class Registry implements AutoCloseable {
    /** The local repository; null for a registry read on a remote without a clone. */
    private final GitStore git;
    /** The remote read without a clone; null for a local repository. */
    private final RemoteRegistrySource remote;
    private final RefSource refs;
    private final TreeReader trees;
    private final Optional<String> recovered;
    private RegistryConfig config;

    private Registry(GitStore git, Optional<String> recovered) {
        this.git = git;
        this.remote = null;
        this.refs = git.refs();
        this.trees = git.trees();
        this.recovered = recovered;
    }

    private Registry(RemoteRegistrySource remote) {
        this.git = null;
        this.remote = remote;
        this.refs = remote;
        this.trees = remote.trees();
        this.recovered = Optional.empty();
    }

    /**
     * The registry on a remote, read without a clone: versions and releases from ls-remote, files
     * at the remote's HEAD (what a fresh clone's work tree holds) with only the objects read
     * fetched. Only reading works; closing deletes the temporary objects.
     */
    public static Registry remote(RemoteRegistrySource source) {
        return remote(source, List.of());
    }

    /**
     * As {@link #remote(RemoteRegistrySource)}, with the refs under {@code expectedRefs} (prefixes)
     * listed in the background from the start, alongside the fetch of HEAD.
     */
    public static Registry remote(RemoteRegistrySource source, List<String> expectedRefs) {
        try {
            expectedRefs.forEach(source::expectRefs);
            Registry r = new Registry(source);
            r.head().requireRegistry(); // a clear error now when there is no registry there (its files are read as needed)
            return r;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * The registry at {@code nameOrUrl} (a URL or path, or a remote configured in the repository
     * containing {@code dir}), read without a clone, listing the refs under {@code expectedRefs}
     * (prefixes) from the start.
     */
    public static Registry remote(dev.reg.git.remote.RemoteSettings settings, String nameOrUrl, Path dir, List<String> expectedRefs) {
        return remote(RemoteRegistrySource.open(settings, nameOrUrl, dir), expectedRefs);
    }

    /** The local repository; reading a remote without a clone reaches this only through a bug. */
    private GitStore local() {
        if (git == null) {
            throw new IllegalStateException("this needs a local repository; " + remote.location() + " is read without a clone");
        }
        return git;
    }

    /** Where the registry is, as output shows it: the work tree's path, or the remote's name or redacted URL. */
    public String location() {
        return git != null ? git.workTree().toString() : remote.location();
    }

    /** Opens the registry of the repository containing {@code dir}, finishing any change a crash interrupted. */
    public static Registry open(Path dir) {
        GitStore git = GitStore.open(dir);
        try {
            if (!Files.isRegularFile(git.workTree().resolve(RegistryLayout.CONFIG))) {
                throw new BadInputException("no registry in " + git.workTree() + " (" + RegistryLayout.CONFIG
                        + " is missing; run 'reg init')");
            }
            return new Registry(git, git.publisher().recoverInterrupted());
        } catch (RuntimeException e) {
            git.close();
            throw e;
        }
    }

    /**
     * Finishes or discards the changes a crash interrupted in the repository containing {@code dir},
     * whether or not it holds a registry yet (a killed {@code reg init} leaves none); empty when there was nothing to do.
     */
    public static Optional<String> recover(Path dir) {
        try (GitStore git = GitStore.open(dir)) {
            return git.publisher().recoverInterrupted();
        }
    }

    /** What was done to finish a change interrupted earlier, if anything. */
    public Optional<String> recovered() {
        return recovered;
    }

    public Path root() {
        return local().workTree();
    }

    // ---------------------------------------------------------------- views

    /** The work tree as it stands, uncommitted changes included. */
    public RegistryView workTree() {
        return workTree(ProgressListener.NONE);
    }

    /** The work tree, reporting the progress of hashing large content files. */
    public RegistryView workTree(ProgressListener progress) {
        return git != null ? new WorkTreeView(git, progress) : head(); // a remote's "work tree" is what a fresh clone checks out
    }

    /** The commit HEAD points at, empty on an unborn branch. */
    public Optional<GitId> headCommit() {
        return refs.head();
    }

    /** HEAD as committed: what a release, a gate and an eval import decide on. */
    public RegistryView head() {
        GitId h = headCommit().orElseThrow(() -> new BadInputException("the repository has no commits yet; run 'reg init' first"));
        return at(h, "HEAD as committed");
    }

    /** The registry as committed in {@code commit}. */
    public RegistryView at(GitId commit, String description) {
        if (remote != null) {
            remote.ensureCommit(commit);
        }
        return new TreeView(trees, commit, true, description);
    }

    /** The registry as tagged at version {@code v}. */
    public RegistryView atTag(ArtifactVersion v) {
        return at(tagCommit(v), v.tagName());
    }

    /** The artifact as it stands in the work tree; a missing one is named with the near names that exist. */
    public ArtifactManifest manifest(ArtifactId id) {
        RegistryView work = workTree();
        if (!work.hasArtifact(id)) {
            throw new BadInputException("no artifact " + id + " (" + RegistryLayout.manifest(id) + " does not exist)" + suggestFor(id));
        }
        return work.manifest(id);
    }

    /** The artifact's manifest as tagged at version {@code v}. */
    public ArtifactManifest manifestAt(ArtifactVersion v) {
        return atTag(v).manifest(v.artifact());
    }

    /** The index (what {@code git commit} would commit now), for a pre-commit check. */
    public RegistryView index() {
        return new TreeView(trees, local().status().indexTree(), false, "index");
    }

    /** The work tree's registry.yaml, read once. */
    public RegistryConfig config() {
        if (config == null) {
            config = workTree().config();
        }
        return config;
    }

    // ---------------------------------------------------------------- refs, by name only

    public GitId tagCommit(ArtifactVersion v) {
        if (!refs.refExists(v.tagRef())) {
            throw new BadInputException("no version " + v + " (there is no tag " + v.tagName() + ")"
                    + (versions(v.artifact()).isEmpty() && !workTree().hasArtifact(v.artifact()) ? suggestFor(v.artifact()) : ""));
        }
        return refs.resolveCommit(v.tagRef()).orElseThrow(() -> new BadInputException("tag " + v + " does not point at a commit"));
    }

    /** Every tagged version of {@code id}, oldest first, read from ref names only. */
    public List<Version> versions(ArtifactId id) {
        List<Version> out = new ArrayList<>();
        String prefix = RegistryLayout.versionTagPrefix(id);
        for (String ref : refs.refNames(prefix)) {
            RegistryLayout.parseTagVersion(ref.substring(prefix.length())).ifPresent(out::add);
        }
        Collections.sort(out);
        return out;
    }

    /** Every tagged version of every artifact, from one read of the tag names. */
    public Map<ArtifactId, List<Version>> allVersions() {
        Map<ArtifactId, List<Version>> out = new TreeMap<>();
        // tags come in name order, an artifact's versions one after the other: its kind and name are parsed once,
        // and a version string (the same few across artifacts) once in all (a Version is immutable, so it is shared)
        String artifact = null;
        List<Version> versions = null;
        Map<String, Optional<Version>> parsed = new HashMap<>();
        for (String ref : refs.refNames(RegistryLayout.TAGS)) {
            int at = ref.lastIndexOf('@');
            if (versions != null && at == artifact.length() && ref.startsWith(artifact)) {
                parsed.computeIfAbsent(ref.substring(at + 1), RegistryLayout::parseTagVersion).ifPresent(versions::add);
                continue;
            }
            Optional<ArtifactVersion> v = RegistryLayout.parseVersionTag(ref.substring(RegistryLayout.TAGS.length()));
            artifact = ref.substring(0, Math.max(at, 0));
            versions = v.map(x -> out.computeIfAbsent(x.artifact(), k -> new ArrayList<>())).orElse(null);
            v.ifPresent(x -> out.get(x.artifact()).add(x.version()));
        }
        out.values().forEach(Collections::sort);
        return out;
    }

    /** Ref names and tag objects. */
    public RefSource refs() {
        return refs;
    }

    /** What changed between commits. */
    public CommitHistory history() {
        return local().history();
    }

    /**
     * The artifacts of {@code kind} in the work tree at {@code root} (folders holding an artifact.yaml), by
     * name; a static read of the folder, for callers that must not open (and so recover) the registry.
     */
    public static List<ArtifactId> artifacts(Path root, Kind kind) {
        Path dir = root.resolve("registry").resolve(kind.folder());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            List<String> names = new ArrayList<>();
            for (Path p : ds) {
                if (Files.isRegularFile(p.resolve(ArtifactManifest.FILE_NAME)) && ArtifactNames.isLegal(p.getFileName().toString())) {
                    names.add(p.getFileName().toString());
                }
            }
            Collections.sort(names);
            return names.stream().map(n -> new ArtifactId(kind, n)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code "; did you mean 'prompt/billing_refund'?"} for an artifact that does not exist, naming the
     * artifacts (in the work tree or tagged) whose names are a typo away, the same kind first; or {@code ""}.
     */
    public String suggestFor(ArtifactId missing) {
        Set<ArtifactId> known = new TreeSet<>(workTree().artifacts());
        known.addAll(allVersions().keySet());
        List<String> names = known.stream().map(ArtifactId::name).distinct().toList();
        List<String> close = new ArrayList<>(Suggestions.closest(missing.name(), names));
        if (!close.contains(missing.name()) && names.contains(missing.name())) {
            close.add(0, missing.name()); // the right name under another kind
        }
        List<String> ids = new ArrayList<>();
        for (String name : close) {
            known.stream().filter(k -> k.name().equals(name))
                    .sorted(Comparator.comparing((ArtifactId k) -> k.kind() != missing.kind()).thenComparing(k -> k))
                    .forEach(k -> ids.add(k.toString()));
        }
        String hint = Suggestions.didYouMean(ids.subList(0, Math.min(ids.size(), Suggestions.LIMIT)));
        return hint.isEmpty() ? "" : "; " + hint;
    }

    /** The work tree and index against HEAD. */
    public WorkTreeStatus status() {
        return local().status();
    }

    // ---------------------------------------------------------------- writing and the user's Git setup

    /** The one way reg writes. */
    public Publisher publisher() {
        return local().publisher();
    }

    public CommitResult publish(CommitRequest req) {
        return local().publisher().publish(req);
    }

    /**
     * Runs one writing service call ({@code change}) as {@code publication} says: here only, or
     * planned on the remote's tip and pushed there first (see {@link RemotePublisher}); a race
     * lost to another publisher runs it again on the remote's new tip.
     */
    public <T> Published<T> publishing(Publication publication, Supplier<T> change) {
        if (!publication.isRemote()) {
            return Published.local(change.get());
        }
        try (RemotePublisher remote = RemotePublisher.open(local(), publication.remote().get(), publication.env())) {
            return remote.run(change);
        }
    }

    /** {@code reg push}: the commits and reg tags this clone has and the remote lacks, in one atomic push. */
    public PushReport push(Publication publication) {
        if (!publication.isRemote()) {
            throw new IllegalArgumentException("push needs a remote");
        }
        try (RemotePublisher remote = RemotePublisher.open(local(), publication.remote().get(), publication.env())) {
            return remote.pushCommitted();
        }
    }

    /** The actor reg records for this user: {@code user.name <user.email>} from Git config. */
    public String actor() {
        return local().actor();
    }

    public Optional<String> coreEditor() {
        return local().coreEditor();
    }

    public Path hooksDir() {
        return local().hooksDir();
    }

    /** The refs under {@code prefix} that point straight at a commit (lightweight tags) in this clone. */
    public List<String> lightweightRefs(String prefix) {
        return local().refs().lightweight(prefix);
    }

    /** Whether the repository is a shallow clone. */
    public boolean isShallow() {
        return local().isShallow();
    }

    /** The branch HEAD is on; empty when HEAD is detached. */
    public Optional<String> branch() {
        return local().branch();
    }

    /** The repository's Git directory (for files Git keeps there, like an edit message). */
    public Path gitDir() {
        return local().gitDir();
    }

    /**
     * Commits {@code paths} (files or folders, as they stand in the work tree) and nothing else, as
     * {@code git commit PATHS} would; the user's other staged and unstaged work is left alone.
     */
    public String commitPaths(List<String> paths, String message) {
        return publish(new CommitRequest(headCommit().orElse(null), paths, Map.of(), List.of(), message, List.of())).commit().name();
    }

    @Override
    public void close() {
        if (git != null) {
            git.close();
        } else {
            remote.close();
        }
    }

    /** True when a folder of the work tree has changes Git has not committed (never for a remote read). */
    public boolean uncommitted(String folder) {
        return git != null && !git.status().uncommittedPaths(List.of(folder)).isEmpty();
    }

    /**
     * Bytes of the artifact's content files in the work tree; for a remote, as committed at its
     * HEAD (the blobs are fetched to know it).
     */
    public long contentSize(ArtifactManifest m) {
        if (git != null) {
            long size = 0;
            for (String f : m.files()) {
                size += root().resolve(RegistryLayout.folder(m.id())).resolve(f).toFile().length();
            }
            return size;
        }
        Map<String, dev.reg.git.TreeFile> stored = head().storedFiles(RegistryLayout.folder(m.id()));
        List<GitId> blobs = m.files().stream().filter(stored::containsKey).map(f -> stored.get(f).blob()).toList();
        trees.prefetch(blobs);
        return blobs.stream().mapToLong(trees::blobSize).sum();
    }
}
