package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.git.GitId;
import dev.reg.git.GitStore;
import dev.reg.git.TreeFile;
import dev.reg.util.SymbolicLinks;
import dev.reg.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The work tree as it stands, uncommitted changes included. Symbolic links are reported, never followed. */
final class WorkTreeView implements RegistryView {
    private final GitStore git;
    private final Path root;
    private final ProgressListener progress;

    WorkTreeView(GitStore git, ProgressListener progress) {
        this.git = git;
        this.root = git.workTree();
        this.progress = progress;
    }

    @Override
    public String describe() {
        return "work tree";
    }

    @Override
    public Optional<GitId> commit() {
        return Optional.empty();
    }

    @Override
    public Optional<GitId> treeish() {
        return Optional.empty();
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
    public byte[] yamlBytes(String path) {
        return YamlDocument.readBytes(root.resolve(path), path);
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
    public Map<String, TreeFile> storedFiles(String folder) {
        throw new UnsupportedOperationException("the work tree holds files, not stored Git objects; read a commit's view");
    }

    /**
     * Checksums and digest of the artifact's content files as they stand in the work tree, taken
     * over the bytes a commit of them would store (Git's clean filter and line-ending conversion
     * applied), so they agree with the version's blobs whatever line endings the work tree has.
     */
    @Override
    public ContentHashes hash(ArtifactManifest m) {
        Path folder = root.resolve(RegistryLayout.folder(m.id()));
        String where = RegistryLayout.manifest(m.id()) + ": files";
        Map<String, String> byPath = new LinkedHashMap<>();
        long total = 0;
        for (String f : m.files()) {
            String path = RegistryLayout.folder(m.id()) + "/" + f;
            SymbolicLinks.firstLink(root, path).ifPresent(link -> {
                throw new BadInputException(where + ": '" + f + "' goes through a symbolic link (" + link
                        + "); content files must be regular files inside the repository");
            });
            try {
                total += Files.size(ContentPaths.resolveRegularFile(folder, where, f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byPath.put(path, f);
        }
        Map<String, Sha256> found = new HashMap<>();
        progress.start("checksums " + m.id(), total);
        try {
            git.status().readAsCommitted(byPath.keySet(), (path, in) -> found.put(byPath.get(path), ContentHasher.hashStream(in, progress)));
        } finally {
            progress.finish();
        }
        List<String> ignored = m.files().stream().filter(f -> !found.containsKey(f)).toList();
        if (!ignored.isEmpty()) {
            String them = ignored.size() == 1 ? "it" : "them";
            throw new BadInputException(where + ": " + String.join(", ", ignored) + (ignored.size() == 1 ? " is" : " are")
                    + " ignored by Git (.gitignore or .git/info/exclude), so a commit would leave " + them
                    + " out; stop ignoring " + them + " or remove " + them + " from files:");
        }
        Map<String, Sha256> hashes = new LinkedHashMap<>();
        m.files().forEach(f -> hashes.put(f, found.get(f)));
        return ContentHashes.of(m, hashes);
    }
}
