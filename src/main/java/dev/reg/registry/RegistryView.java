package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.git.GitId;
import dev.reg.git.TreeFile;
import dev.reg.util.Parallel;
import dev.reg.yaml.YamlDocument;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A read-only view of a registry's files, whichever way they are stored: a commit (HEAD as
 * committed, a tag, a merge base), the index written as a tree, or the work tree as it stands.
 * Every reader goes through one, and a command says which it decides on: a release on HEAD as
 * committed, {@code validate} on the work tree or the index, {@code show} on the work tree.
 * Paths are repository-relative with '/' separators.
 */
public interface RegistryView {
    enum EntryKind { MISSING, FILE, SYMLINK, FOLDER, OTHER }

    /** What a report says was read: {@code work tree}, {@code index}, {@code HEAD as committed}, {@code release/x/3}. */
    String describe();

    /** The commit read, when this is a view of one. */
    Optional<GitId> commit();

    /** The commit or tree read (Git's "tree-ish"), empty for the work tree. */
    Optional<GitId> treeish();

    EntryKind kind(String path);

    default boolean isFile(String path) {
        return kind(path) == EntryKind.FILE;
    }

    /**
     * Reads a registry YAML file safely (size, encoding, aliases, duplicate keys).
     *
     * @throws BadInputException located at the file and line when it cannot be read
     */
    default YamlDocument readYaml(String path) {
        return YamlDocument.parse(yamlBytes(path), path);
    }

    /** The bytes {@link #readYaml} parses, checked as it checks them (a regular file, within the YAML size limit). */
    byte[] yamlBytes(String path);

    /** A small file as bytes; throws {@link BadInputException} when it is larger than {@code limit}. */
    byte[] readSmall(String path, long limit);

    /** A regular file's bytes, or empty when there is no regular file at {@code path}. */
    default Optional<byte[]> read(String path) {
        return isFile(path) ? Optional.of(readSmall(path, Integer.MAX_VALUE - 8)) : Optional.empty();
    }

    /**
     * Says that the files at {@code paths} are about to be read, so a view over a partial object
     * store (a remote read without a clone) fetches them in one go rather than one by one.
     */
    default void prefetch(java.util.Collection<String> paths) {
    }

    /** A file's content, streamed (eval runs can be large). */
    InputStream open(String path);

    /** The entries directly in {@code folder}, by name; empty when it is no folder. */
    SortedMap<String, EntryKind> children(String folder);

    /** Every file (or link) under {@code folder}, relative to it, recursively. */
    default List<String> filesUnder(String folder) {
        List<String> out = new ArrayList<>();
        collect(this, folder, "", out);
        return out;
    }

    private static void collect(RegistryView view, String folder, String prefix, List<String> out) {
        for (var e : view.children(folder).entrySet()) {
            if (e.getValue() == EntryKind.FOLDER) {
                collect(view, folder + "/" + e.getKey(), prefix + e.getKey() + "/", out);
            } else {
                out.add(prefix + e.getKey());
            }
        }
    }

    /**
     * The Git objects stored under {@code folder}, by path relative to it: what a rollback copies
     * from a tag. Only views of stored content (a commit, the index) have them.
     *
     * @throws UnsupportedOperationException for the work tree
     */
    Map<String, TreeFile> storedFiles(String folder);

    /** Checksums and digest of the artifact's content files as stored here. */
    ContentHashes hash(ArtifactManifest manifest);

    // ---------------------------------------------------------------- the registry's own files

    /** registry/registry.yaml as stored here. */
    default RegistryConfig config() {
        requireRegistry();
        return RegistryConfig.read(readYaml(RegistryLayout.CONFIG));
    }

    /** Throws the "no registry here" error when registry/registry.yaml is missing; reads nothing else. */
    default void requireRegistry() {
        if (!isFile(RegistryLayout.CONFIG)) {
            throw new BadInputException("no registry in " + describe() + " (" + RegistryLayout.CONFIG + " is missing; run 'reg init')");
        }
    }

    default boolean hasArtifact(ArtifactId id) {
        return isFile(RegistryLayout.manifest(id));
    }

    /** The artifact's manifest as stored here; a clear error when there is none. */
    default ArtifactManifest manifest(ArtifactId id) {
        return ArtifactManifest.read(readYaml(manifestPath(id)), id);
    }

    /**
     * What {@code use} makes of the manifests of {@code ids}, in that order: read one after the
     * other (a remote view fetches them in one go), parsed on every core, since an overview of a
     * large registry parses thousands; each parsed document is dropped once {@code use} has taken
     * what it needs, so thousands of node trees never pile up for the garbage collector to copy.
     * A failure is the one {@link #manifest} would have thrown first, in the order of {@code ids}.
     */
    default <T> List<T> manifests(List<ArtifactId> ids, java.util.function.Function<ArtifactManifest, T> use) {
        prefetch(ids.stream().map(RegistryLayout::manifest).toList());
        List<Object> read = new ArrayList<>(ids.size()); // each file's bytes, or why they could not be read
        for (ArtifactId id : ids) {
            try {
                read.add(yamlBytes(manifestPath(id)));
            } catch (RuntimeException e) {
                read.add(e);
            }
        }
        return Parallel.map(ids.size(), i -> {
            if (read.get(i) instanceof RuntimeException e) {
                throw e;
            }
            return use.apply(ArtifactManifest.read(YamlDocument.parse((byte[]) read.get(i), RegistryLayout.manifest(ids.get(i))), ids.get(i)));
        });
    }

    private String manifestPath(ArtifactId id) {
        String path = RegistryLayout.manifest(id);
        if (!isFile(path)) {
            throw new BadInputException("no artifact " + id + " in " + describe() + " (" + path + " does not exist)");
        }
        return path;
    }

    /** Artifacts present here, in kind and name order. */
    default List<ArtifactId> artifacts() {
        List<ArtifactId> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (var e : children(RegistryLayout.REGISTRY + "/" + k.folder()).entrySet()) {
                if (e.getValue() == EntryKind.FOLDER && ArtifactNames.isLegal(e.getKey())) {
                    ArtifactId id = new ArtifactId(k, e.getKey());
                    if (hasArtifact(id)) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }
}
