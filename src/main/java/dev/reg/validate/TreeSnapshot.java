package dev.reg.validate;

import dev.reg.BadInputException;
import dev.reg.git.GitStore;
import dev.reg.git.GitStore.TreeFile;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ContentHashes;
import dev.reg.registry.Registry;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/** Files as recorded in a Git tree (a commit, or the index written as a tree), read from objects. */
final class TreeSnapshot implements Snapshot {
    private final Registry registry;
    private final GitStore git;
    private final ObjectId tree;
    private final String description;

    TreeSnapshot(Registry registry, ObjectId tree, String description) {
        this.registry = registry;
        this.git = registry.git();
        this.tree = tree;
        this.description = description;
    }

    ObjectId tree() {
        return tree;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public EntryKind kind(String path) {
        return kindOf(git.entry(tree, path));
    }

    private static EntryKind kindOf(Optional<TreeFile> e) {
        if (e.isEmpty()) {
            return EntryKind.MISSING;
        }
        TreeFile f = e.get();
        return f.isRegularFile() ? EntryKind.FILE : f.isSymlink() ? EntryKind.SYMLINK : f.isTree() ? EntryKind.FOLDER : EntryKind.OTHER;
    }

    private TreeFile regularFile(String path) {
        Optional<TreeFile> e = git.entry(tree, path);
        if (e.isEmpty()) {
            throw BadInputException.at(path, 0, "not found");
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
    public YamlDocument readYaml(String path) {
        return YamlDocument.parse(readSmall(path, YamlLimits.MAX_BYTES), path);
    }

    @Override
    public byte[] readSmall(String path, long limit) {
        TreeFile f = regularFile(path);
        long size = git.blobSize(f.blob());
        if (size > limit) {
            throw BadInputException.at(path, 0, "is " + size + " bytes; at most " + limit + " are read");
        }
        try (InputStream in = git.openBlob(f.blob())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String path) {
        return git.openBlob(regularFile(path).blob());
    }

    @Override
    public SortedMap<String, EntryKind> children(String folder) {
        SortedMap<String, EntryKind> out = new TreeMap<>();
        git.children(tree, folder).forEach((name, f) -> out.put(name, kindOf(Optional.of(f))));
        return out;
    }

    @Override
    public List<String> filesUnder(String folder) {
        return new ArrayList<>(git.listFiles(tree, folder).keySet());
    }

    @Override
    public ContentHashes hash(ArtifactManifest manifest) {
        return registry.hashAtRevision(manifest, tree);
    }
}
