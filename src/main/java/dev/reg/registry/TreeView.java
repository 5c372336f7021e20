package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.git.GitId;
import dev.reg.git.TreeReader;
import dev.reg.git.TreeFile;
import dev.reg.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Files as recorded in a Git tree (a commit, or the index written as a tree), read from objects. */
final class TreeView implements RegistryView {
    private final TreeReader trees;
    private final GitId tree;
    private final boolean isCommit;
    private final String description;

    TreeView(TreeReader trees, GitId tree, boolean isCommit, String description) {
        this.trees = trees;
        this.tree = tree;
        this.isCommit = isCommit;
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Optional<GitId> commit() {
        return isCommit ? Optional.of(tree) : Optional.empty();
    }

    @Override
    public Optional<GitId> treeish() {
        return Optional.of(tree);
    }

    @Override
    public EntryKind kind(String path) {
        return kindOf(trees.entry(tree, path));
    }

    private static EntryKind kindOf(Optional<TreeFile> e) {
        if (e.isEmpty()) {
            return EntryKind.MISSING;
        }
        TreeFile f = e.get();
        return f.isRegularFile() ? EntryKind.FILE : f.isSymlink() ? EntryKind.SYMLINK : f.isTree() ? EntryKind.FOLDER : EntryKind.OTHER;
    }

    private TreeFile regularFile(String path) {
        Optional<TreeFile> e = trees.entry(tree, path);
        if (e.isEmpty()) {
            throw BadInputException.at(path, 0, "not found in " + description);
        }
        if (e.get().isSymlink()) {
            throw BadInputException.at(path, 0, "is a symbolic link; registry files must be regular files");
        }
        if (!e.get().isRegularFile()) {
            throw BadInputException.at(path, 0, "is not a regular file");
        }
        return e.get();
    }

    @Override
    public byte[] yamlBytes(String path) {
        return readSmall(path, YamlLimits.MAX_BYTES);
    }

    @Override
    public byte[] readSmall(String path, long limit) {
        TreeFile f = regularFile(path);
        return trees.readBlob(f.blob(), limit).orElseThrow(() ->
                BadInputException.at(path, 0, "is " + trees.blobSize(f.blob()) + " bytes; at most " + limit + " are read"));
    }

    @Override
    public InputStream open(String path) {
        return trees.openBlob(regularFile(path).blob());
    }

    @Override
    public SortedMap<String, EntryKind> children(String folder) {
        SortedMap<String, EntryKind> out = new TreeMap<>();
        trees.children(tree, folder).forEach((name, f) -> out.put(name, kindOf(Optional.of(f))));
        return out;
    }

    @Override
    public void prefetch(java.util.Collection<String> paths) {
        java.util.List<GitId> blobs = new java.util.ArrayList<>();
        for (String p : paths) {
            trees.entry(tree, p).filter(TreeFile::isRegularFile).ifPresent(f -> blobs.add(f.blob()));
        }
        trees.prefetch(blobs);
    }

    @Override
    public Map<String, TreeFile> storedFiles(String folder) {
        return trees.listFiles(tree, folder);
    }

    @Override
    public ContentHashes hash(ArtifactManifest m) {
        Map<String, TreeFile> files = storedFiles(RegistryLayout.folder(m.id()));
        Map<String, Sha256> hashes = new LinkedHashMap<>();
        trees.prefetch(m.files().stream().filter(files::containsKey).map(f -> files.get(f).blob()).toList());
        for (String f : m.files()) {
            TreeFile tf = files.get(f);
            if (tf == null || !tf.isRegularFile()) {
                throw new BadInputException(RegistryLayout.manifest(m.id()) + ": files: '" + f + "' is not a file in " + description);
            }
            try (InputStream in = trees.openBlob(tf.blob())) {
                hashes.put(f, ContentHasher.hashStream(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ContentHashes.of(m, hashes);
    }
}
