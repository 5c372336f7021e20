package dev.reg.validate;

import dev.reg.BadInputException;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ContentHashes;
import dev.reg.registry.ProgressListener;
import dev.reg.registry.Registry;
import dev.reg.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The work tree as it stands, uncommitted changes included. Symbolic links are reported, never followed. */
final class WorkTreeSnapshot implements Snapshot {
    private final Registry registry;
    private final Path root;

    WorkTreeSnapshot(Registry registry) {
        this.registry = registry;
        this.root = registry.root();
    }

    @Override
    public String describe() {
        return "work tree";
    }

    @Override
    public EntryKind kind(String path) {
        return kindOf(root.resolve(path));
    }

    private static EntryKind kindOf(Path p) {
        if (Files.isSymbolicLink(p)) {
            return EntryKind.SYMLINK;
        }
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return EntryKind.FILE;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return EntryKind.FOLDER;
        }
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? EntryKind.OTHER : EntryKind.MISSING;
    }

    @Override
    public YamlDocument readYaml(String path) {
        return YamlDocument.read(root.resolve(path), path);
    }

    @Override
    public byte[] readSmall(String path, long limit) {
        Path p = root.resolve(path);
        try {
            long size = Files.size(p);
            if (size > limit) {
                throw BadInputException.at(path, 0, "is " + size + " bytes; at most " + limit + " are read");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw BadInputException.at(path, 0, "cannot be read: " + e.getMessage());
        }
    }

    @Override
    public InputStream open(String path) {
        try {
            return Files.newInputStream(root.resolve(path), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw BadInputException.at(path, 0, "cannot be read: " + e.getMessage());
        }
    }

    @Override
    public SortedMap<String, EntryKind> children(String folder) {
        SortedMap<String, EntryKind> out = new TreeMap<>();
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.equals(".git")) {
                    out.put(name, kindOf(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public List<String> filesUnder(String folder) {
        List<String> out = new ArrayList<>();
        collect(folder, "", out);
        return out;
    }

    private void collect(String folder, String prefix, List<String> out) {
        for (var e : children(folder).entrySet()) {
            if (e.getValue() == EntryKind.FOLDER) {
                collect(folder + "/" + e.getKey(), prefix + e.getKey() + "/", out);
            } else {
                out.add(prefix + e.getKey());
            }
        }
    }

    @Override
    public ContentHashes hash(ArtifactManifest manifest) {
        return registry.hashWorkTree(manifest, ProgressListener.NONE);
    }
}
