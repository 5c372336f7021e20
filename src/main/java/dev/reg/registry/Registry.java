package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.git.GitStore;
import dev.reg.semver.Version;
import dev.reg.util.Suggestions;
import dev.reg.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A registry: the Git repository and its {@code registry/} tree. Reads artifacts from the work
 * tree or from any version tag; knows every version from tag names alone.
 */
public final class Registry implements AutoCloseable {
    private final GitStore git;
    private final Optional<String> recovered;
    private RegistryConfig config;

    private Registry(GitStore git, Optional<String> recovered) {
        this.git = git;
        this.recovered = recovered;
    }

    /** Opens the registry of the repository containing {@code dir}, finishing any change a crash interrupted. */
    public static Registry open(Path dir) {
        GitStore git = GitStore.open(dir);
        try {
            if (!Files.isRegularFile(git.workTree().resolve(RegistryConfig.PATH))) {
                throw new BadInputException("no registry in " + git.workTree() + " (" + RegistryConfig.PATH
                        + " is missing; run 'reg init')");
            }
            return new Registry(git, git.recoverInterrupted());
        } catch (RuntimeException e) {
            git.close();
            throw e;
        }
    }

    public GitStore git() {
        return git;
    }

    /** What was done to finish a change interrupted earlier, if anything. */
    public Optional<String> recovered() {
        return recovered;
    }

    public Path root() {
        return git.workTree();
    }

    public RegistryConfig config() {
        if (config == null) {
            config = RegistryConfig.read(YamlDocument.read(root().resolve(RegistryConfig.PATH), RegistryConfig.PATH));
        }
        return config;
    }

    public Path folder(ArtifactId id) {
        return root().resolve(id.folder());
    }

    public String manifestPath(ArtifactId id) {
        return id.folder() + "/" + ArtifactManifest.FILE_NAME;
    }

    public boolean exists(ArtifactId id) {
        return Files.isRegularFile(root().resolve(manifestPath(id)));
    }

    /** The artifact as it stands in the work tree. */
    public ArtifactManifest manifest(ArtifactId id) {
        if (!exists(id)) {
            throw new BadInputException("no artifact " + id + " (" + manifestPath(id) + " does not exist)" + suggestFor(id));
        }
        return ArtifactManifest.read(YamlDocument.read(root().resolve(manifestPath(id)), manifestPath(id)), id);
    }

    /** The artifact as it was tagged at {@code v}. */
    public ArtifactManifest manifestAt(ArtifactVersion v) {
        ObjectId commit = tagCommit(v);
        String path = manifestPath(v.artifact());
        byte[] bytes = git.readFile(commit, path)
                .orElseThrow(() -> new BadInputException("tag " + v + " has no " + path));
        return ArtifactManifest.read(YamlDocument.parse(bytes, v + ":" + path), v.artifact());
    }

    public ObjectId tagCommit(ArtifactVersion v) {
        if (!git.refExists(v.tagRef())) {
            throw new BadInputException("no version " + v + " (there is no tag " + v.tagName() + ")"
                    + (versions(v.artifact()).isEmpty() && !exists(v.artifact()) ? suggestFor(v.artifact()) : ""));
        }
        return git.resolveCommit(v.tagRef()).orElseThrow(() -> new BadInputException("tag " + v + " does not point at a commit"));
    }

    /** Every tagged version of {@code id}, oldest first, read from ref names only. */
    public List<Version> versions(ArtifactId id) {
        List<Version> out = new ArrayList<>();
        String prefix = id.tagRefPrefix();
        for (String ref : git.refNames(prefix)) {
            parseTagVersion(ref.substring(prefix.length())).ifPresent(out::add);
        }
        Collections.sort(out);
        return out;
    }

    /** Every tagged version of every artifact, from one read of the tag names. */
    public Map<ArtifactId, List<Version>> allVersions() {
        Map<ArtifactId, List<Version>> out = new TreeMap<>();
        for (String ref : git.refNames("refs/tags/")) {
            parseVersionTag(ref.substring("refs/tags/".length()))
                    .ifPresent(v -> out.computeIfAbsent(v.artifact(), k -> new ArrayList<>()).add(v.version()));
        }
        out.values().forEach(Collections::sort);
        return out;
    }

    /** A tag name as {@code kind/name@version}, or empty when it is some other tag. */
    public static Optional<ArtifactVersion> parseVersionTag(String tagName) {
        int slash = tagName.indexOf('/');
        int at = tagName.lastIndexOf('@');
        if (slash < 0 || at < slash) {
            return Optional.empty();
        }
        try {
            Kind.parse(tagName.substring(0, slash));
        } catch (BadInputException e) {
            return Optional.empty();
        }
        String name = tagName.substring(slash + 1, at);
        if (!ArtifactNames.isLegal(name)) {
            return Optional.empty();
        }
        return parseTagVersion(tagName.substring(at + 1))
                .map(v -> new ArtifactVersion(new ArtifactId(Kind.parse(tagName.substring(0, slash)), name), v));
    }

    private static Optional<Version> parseTagVersion(String text) {
        try {
            Version v = Version.parse(text);
            return v.hasBuild() ? Optional.empty() : Optional.of(v);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Artifacts present in the work tree, in kind and name order. */
    public List<ArtifactId> artifacts() {
        List<ArtifactId> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.addAll(artifacts(root(), k));
        }
        return out;
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
        Set<ArtifactId> known = new TreeSet<>(artifacts());
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

    /** Checksums and digest of the artifact's content files as they stand in the work tree. */
    public ContentHashes hashWorkTree(ArtifactManifest m, ProgressListener progress) {
        Path folder = folder(m.id());
        String where = manifestPath(m.id()) + ": files";
        List<Path> paths = new ArrayList<>();
        long total = 0;
        for (String f : m.files()) {
            Path p = ContentPaths.resolveRegularFile(folder, where, f);
            paths.add(p);
            try {
                total += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, Sha256> hashes = new LinkedHashMap<>();
        progress.start("checksums " + m.id(), total);
        try {
            for (int i = 0; i < paths.size(); i++) {
                hashes.put(m.files().get(i), ContentHasher.hashFile(paths.get(i), progress));
            }
        } finally {
            progress.finish();
        }
        return new ContentHashes(hashes, digestOf(m, hashes));
    }

    /** Checksums and digest of the artifact's content files in commit {@code rev}, read from Git objects. */
    public ContentHashes hashAtRevision(ArtifactManifest m, ObjectId rev) {
        Map<String, GitStore.TreeFile> tree = git.listFiles(rev, m.id().folder());
        Map<String, Sha256> hashes = new LinkedHashMap<>();
        for (String f : m.files()) {
            GitStore.TreeFile tf = tree.get(f);
            if (tf == null || !tf.isRegularFile()) {
                throw new BadInputException(manifestPath(m.id()) + ": files: '" + f + "' is not a file in " + rev.abbreviate(10).name());
            }
            try (InputStream in = git.openBlob(tf.blob())) {
                hashes.put(f, ContentHasher.hashStream(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ContentHashes(hashes, digestOf(m, hashes));
    }

    private static Sha256 digestOf(ArtifactManifest m, Map<String, Sha256> fileHashes) {
        Map<String, Sha256> lines = new HashMap<>(fileHashes);
        lines.putAll(m.identityEntries());
        return ContentHasher.digest(lines);
    }

    /**
     * Commits {@code paths} (files or folders, as they stand in the work tree) and nothing else, as
     * {@code git commit PATHS} would; the user's other staged and unstaged work is left alone.
     */
    public String commitPaths(List<String> paths, String message) {
        return git.publish(new dev.reg.git.CommitRequest(git.head().orElse(null), paths, Map.of(), List.of(), message, List.of()))
                .commit().name();
    }

    @Override
    public void close() {
        git.close();
    }
}
