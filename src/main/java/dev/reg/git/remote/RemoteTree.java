package dev.reg.git.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Files at one ref of a remote, without a clone: a depth-1 fetch of that ref alone into a
 * temporary bare repository. With {@link Fetch#BLOBLESS} (the default) the server sends the commit
 * and its trees only ({@code filter=blob:none}) and each file read costs one more fetch of just its
 * blobs; a server that offers no filter, or refuses a blob by id, gets a full depth-1 fetch instead.
 * Closing deletes the temporary repository.
 */
public final class RemoteTree implements AutoCloseable {
    /** How the objects of the tree are fetched. */
    public enum Fetch {
        /** Commit and trees first, then only the blobs read (falls back to FULL when the server cannot). */
        BLOBLESS,
        /** Commit, trees and every blob at the ref, in one fetch. */
        FULL
    }

    private final RemoteObjects objects;
    private final Repository repo;
    private final String ref;
    private final ObjectId commit;

    private RemoteTree(RemoteObjects objects, String ref, ObjectId commit) {
        this.objects = objects;
        this.repo = objects.repository();
        this.ref = ref;
        this.commit = commit;
    }

    static Optional<RemoteTree> open(Remotes remotes, RemoteTarget remote, String ref, Fetch how) {
        RemoteObjects objects = RemoteObjects.create(remotes, remote);
        try {
            Optional<ObjectId> c = objects.fetchTip(ref, how == Fetch.BLOBLESS);
            if (c.isEmpty()) {
                objects.close();
                return Optional.empty();
            }
            return Optional.of(new RemoteTree(objects, ref, c.get()));
        } catch (RuntimeException e) {
            objects.close();
            throw e;
        }
    }

    /** The ref read, as given. */
    public String ref() {
        return ref;
    }

    /** The commit the ref points at (peeled). */
    public ObjectId commit() {
        return commit;
    }

    /** How the tree's objects were actually fetched (a blob-less request falls back when the server cannot). */
    public Fetch fetched() {
        return objects.full(ref) ? Fetch.FULL : Fetch.BLOBLESS;
    }

    /** The content of the file at {@code path}, fetching its blob if it is not here yet; empty when there is no such file. */
    public Optional<byte[]> read(String path) {
        return Optional.ofNullable(read(List.of(path)).get(path));
    }

    /** The files among {@code paths} that exist at the ref, with their content; missing blobs come in one fetch. */
    public Map<String, byte[]> read(Collection<String> paths) {
        try {
            Map<String, ObjectId> blobs = new LinkedHashMap<>();
            try (ObjectReader or = repo.newObjectReader(); RevWalk rw = new RevWalk(or)) {
                RevTree root = rw.parseTree(commit);
                for (String p : paths) {
                    try (TreeWalk tw = TreeWalk.forPath(or, p, root)) { // on a reader: no config files statted per path
                        if (tw != null && (tw.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                            blobs.put(p, tw.getObjectId(0).copy());
                        }
                    }
                }
            }
            objects.fetchMissing(blobs.values());
            Map<String, byte[]> out = new LinkedHashMap<>();
            try (ObjectReader reader = repo.newObjectReader()) {
                for (Map.Entry<String, ObjectId> b : blobs.entrySet()) {
                    out.put(b.getKey(), reader.open(b.getValue(), Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE - 8));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the entries directly under {@code folder} ("" for the root); trees only, no blob is fetched. */
    public SortedSet<String> list(String folder) {
        SortedSet<String> out = new TreeSet<>();
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            if (folder.isEmpty()) {
                tw.addTree(rw.parseTree(commit));
            } else {
                try (TreeWalk at = TreeWalk.forPath(repo, folder, rw.parseTree(commit))) {
                    if (at == null || (at.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_TREE) {
                        return out;
                    }
                    tw.addTree(at.getObjectId(0));
                }
            }
            while (tw.next()) {
                out.add(tw.getNameString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of pack data received so far: what the reads cost on the wire (before inflation). */
    public long bytesFetched() {
        return objects.bytesFetched();
    }

    @Override
    public void close() {
        objects.close();
    }
}
