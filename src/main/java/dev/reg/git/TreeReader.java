package dev.reg.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * Files and folders as a commit, tag or tree records them, read from Git objects. Over a partial
 * object store (a remote read without a clone) blobs that are not there yet are asked for first,
 * through the store's {@link MissingBlobs}. Walks are made on an object reader rather than the
 * repository: a walk made on a repository stats its three config files on each construction,
 * which for thousands of small trees cost more than parsing them.
 */
public final class TreeReader {
    /** Brings blobs that a partial object store lacks; the blobs of a full repository are always there. */
    @FunctionalInterface
    public interface MissingBlobs {
        MissingBlobs NONE = ids -> { };

        /** Makes {@code ids} readable; the ids given are the ones not in the store. */
        void fetch(Collection<ObjectId> ids);
    }

    private final Repository repo;
    private final MissingBlobs missing;
    /**
     * A partial store's trees, parsed once: a remote read looks up thousands of paths in the same
     * few trees (every artifact.yaml of a large registry), which would otherwise re-inflate them each time.
     */
    private final Map<ObjectId, Map<String, TreeFile>> parsed = new java.util.HashMap<>();
    /** A partial store's commits (or tags, or trees) and the root tree each names: every path looked up starts there. */
    private final Map<GitId, ObjectId> roots = new java.util.HashMap<>();

    TreeReader(GitStore store) {
        this(store.repository(), MissingBlobs.NONE);
    }

    private TreeReader(Repository repo, MissingBlobs missing) {
        this.repo = repo;
        this.missing = missing;
    }

    /** A reader of a partial object store (of {@code dev.reg.git.remote}) that calls {@code missing} for absent blobs. */
    public static TreeReader partial(Repository repo, MissingBlobs missing) {
        return new TreeReader(repo, missing);
    }

    /** Fetches, in one go, those of {@code blobs} a partial store lacks: before reading many files. */
    public void prefetch(Collection<GitId> blobs) {
        if (missing == MissingBlobs.NONE || blobs.isEmpty()) {
            return;
        }
        List<ObjectId> absent = new ArrayList<>();
        for (GitId b : blobs) {
            if (!hasBlob(b.objectId())) {
                absent.add(b.objectId());
            }
        }
        if (!absent.isEmpty()) {
            missing.fetch(absent);
        }
    }

    private void ensure(ObjectId blob) {
        if (missing != MissingBlobs.NONE && !hasBlob(blob)) {
            missing.fetch(List.of(blob));
        }
    }

    /** The content of {@code path} in the commit, tag or tree {@code rev}, if it is a file there. */
    public Optional<byte[]> readFile(GitId rev, String path) {
        try (ObjectReader or = repo.newObjectReader(); RevWalk rw = new RevWalk(or)) {
            RevTree t = rw.parseTree(rev.objectId());
            try (TreeWalk tw = TreeWalk.forPath(or, path, t)) {
                if (tw == null || (tw.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                    return Optional.empty();
                }
                ensure(tw.getObjectId(0));
                return Optional.of(or.open(tw.getObjectId(0), Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE - 8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code folder} in {@code rev} (a commit, tag or tree): path relative to the folder, to blob id and mode. */
    public Map<String, TreeFile> listFiles(GitId rev, String folder) {
        Map<String, TreeFile> out = new TreeMap<>();
        try (ObjectReader or = repo.newObjectReader(); RevWalk rw = new RevWalk(or); TreeWalk tw = new TreeWalk(or)) {
            tw.addTree(rw.parseTree(rev.objectId()));
            tw.setRecursive(true);
            tw.setFilter(PathFilterGroup.createFromStrings(folder));
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            while (tw.next()) {
                String p = tw.getPathString();
                if (p.startsWith(prefix)) {
                    out.put(p.substring(prefix.length()), new TreeFile(GitId.of(tw.getObjectId(0)), tw.getFileMode(0).getBits()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry at {@code path} in {@code rev} (a commit, tag or tree): file, symbolic link or folder. */
    public Optional<TreeFile> entry(GitId rev, String path) {
        if (missing != MissingBlobs.NONE) {
            return cachedEntry(rev, path);
        }
        try (ObjectReader or = repo.newObjectReader(); RevWalk rw = new RevWalk(or); TreeWalk tw = TreeWalk.forPath(or, path, rw.parseTree(rev.objectId()))) {
            return tw == null ? Optional.empty() : Optional.of(new TreeFile(GitId.of(tw.getObjectId(0)), tw.getRawMode(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<TreeFile> cachedEntry(GitId rev, String path) {
        ObjectId tree = rootTree(rev);
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            TreeFile f = parsedTree(tree).get(parts[i]);
            if (f == null || i == parts.length - 1) {
                return Optional.ofNullable(f);
            }
            if (!f.isTree()) {
                return Optional.empty();
            }
            tree = f.blob().objectId();
        }
        return Optional.empty();
    }

    private ObjectId rootTree(GitId rev) {
        return roots.computeIfAbsent(rev, r -> {
            try (RevWalk rw = new RevWalk(repo)) {
                return rw.parseTree(r.objectId()).copy();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Map<String, TreeFile> parsedTree(ObjectId tree) {
        return parsed.computeIfAbsent(tree, id -> {
            Map<String, TreeFile> out = new java.util.HashMap<>();
            try (ObjectReader or = repo.newObjectReader(); TreeWalk tw = new TreeWalk(or)) {
                tw.addTree(id);
                tw.setRecursive(false);
                while (tw.next()) {
                    out.put(tw.getNameString(), new TreeFile(GitId.of(tw.getObjectId(0)), tw.getRawMode(0)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out;
        });
    }

    /** The immediate entries of {@code folder} in {@code rev}, by name; empty when it is no folder there. */
    public Map<String, TreeFile> children(GitId rev, String folder) {
        if (missing != MissingBlobs.NONE) {
            ObjectId tree = rootTree(rev);
            if (!folder.isEmpty()) {
                Optional<TreeFile> dir = cachedEntry(rev, folder);
                if (dir.isEmpty() || !dir.get().isTree()) {
                    return new TreeMap<>();
                }
                tree = dir.get().blob().objectId();
            }
            return new TreeMap<>(parsedTree(tree));
        }
        Map<String, TreeFile> out = new TreeMap<>();
        try (ObjectReader or = repo.newObjectReader(); RevWalk rw = new RevWalk(or); TreeWalk tw = new TreeWalk(or)) {
            RevTree root = rw.parseTree(rev.objectId());
            if (folder.isEmpty()) {
                tw.addTree(root);
            } else {
                Optional<TreeFile> dir = entry(GitId.of(root), folder);
                if (dir.isEmpty() || !dir.get().isTree()) {
                    return out;
                }
                tw.addTree(dir.get().blob().objectId());
            }
            tw.setRecursive(false);
            while (tw.next()) {
                out.put(tw.getNameString(), new TreeFile(GitId.of(tw.getObjectId(0)), tw.getRawMode(0)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream openBlob(GitId blob) {
        ensure(blob.objectId());
        try {
            return repo.open(blob.objectId(), Constants.OBJ_BLOB).openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A blob's bytes when it is at most {@code limit} bytes long, else empty: one lookup and one
     * array of the blob's size (a stream read would inflate it twice and copy it through 16 KiB buffers).
     */
    public Optional<byte[]> readBlob(GitId blob, long limit) {
        ensure(blob.objectId());
        try {
            ObjectLoader loader = repo.open(blob.objectId(), Constants.OBJ_BLOB);
            return loader.getSize() > limit ? Optional.empty() : Optional.of(loader.getBytes((int) Math.min(limit, Integer.MAX_VALUE - 8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long blobSize(GitId blob) {
        ensure(blob.objectId());
        try {
            return repo.open(blob.objectId(), Constants.OBJ_BLOB).getSize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the object database has {@code blob} (a restore copies only blobs that are there). */
    boolean hasBlob(ObjectId blob) {
        try {
            return repo.getObjectDatabase().has(blob);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
