package dev.reg.git.remote;

import dev.reg.util.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FilterSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
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

    private final Remotes remotes;
    private final RemoteTarget remote;
    private final String ref;
    private final Path dir;
    private final Repository repo;
    private ObjectId commit;
    private Fetch fetched;

    private RemoteTree(Remotes remotes, RemoteTarget remote, String ref, Path dir, Repository repo) {
        this.remotes = remotes;
        this.remote = remote;
        this.ref = ref;
        this.dir = dir;
        this.repo = repo;
    }

    static Optional<RemoteTree> open(Remotes remotes, RemoteTarget remote, String ref, Fetch how) {
        Path dir = null;
        RemoteTree tree = null;
        try {
            dir = Files.createTempDirectory("reg-remote-tree-");
            Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            repo.create(true);
            tree = new RemoteTree(remotes, remote, ref, dir, repo);
            boolean found = how == Fetch.BLOBLESS && tree.fetchTip(true) || how == Fetch.FULL && tree.fetchTip(false);
            if (!found) {
                tree.close();
                return Optional.empty();
            }
            return Optional.of(tree);
        } catch (IOException e) {
            if (tree != null) {
                tree.close();
            } else {
                FileTrees.deleteQuietly(dir);
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (tree != null) {
                tree.close();
            } else {
                FileTrees.deleteQuietly(dir);
            }
            throw e;
        }
    }

    /** Fetches the ref at depth 1 (blob-less if asked and offered); false when the remote has no such ref. */
    private boolean fetchTip(boolean blobless) throws IOException {
        Connections connections = remotes.connections();
        try (Transport t = connections.open(repo, remote.fetchUrl())) {
            t.setDepth(1);
            t.setTagOpt(TagOpt.NO_TAGS);
            if (blobless) {
                t.setFilterSpec(FilterSpec.fromFilterLine("blob:none"));
            }
            org.eclipse.jgit.transport.FetchResult r = t.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec(ref)));
            connections.credentials().approve();
            Ref advertised = r.getAdvertisedRef(ref);
            if (advertised == null) {
                return false;
            }
            try (RevWalk rw = new RevWalk(repo)) {
                RevCommit c = rw.parseCommit(advertised.getObjectId());
                commit = c.copy();
            }
            fetched = blobless ? Fetch.BLOBLESS : Fetch.FULL;
            return true;
        } catch (TransportException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (blobless && msg.endsWith(JGitText.get().filterRequiresCapability)) {
                return fetchTip(false); // the server offers no filter: take the whole tree at depth 1
            }
            if (msg.endsWith(MessageFormat.format(JGitText.get().remoteDoesNotHaveSpec, ref))) {
                return false;
            }
            throw connections.classify(remote.fetchUrl(), e);
        } catch (NotSupportedException e) {
            throw connections.classify(remote.fetchUrl(), e);
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
        return fetched;
    }

    /** The content of the file at {@code path}, fetching its blob if it is not here yet; empty when there is no such file. */
    public Optional<byte[]> read(String path) {
        return Optional.ofNullable(read(List.of(path)).get(path));
    }

    /** The files among {@code paths} that exist at the ref, with their content; missing blobs come in one fetch. */
    public Map<String, byte[]> read(Collection<String> paths) {
        try {
            Map<String, ObjectId> blobs = new LinkedHashMap<>();
            for (String p : paths) {
                try (RevWalk rw = new RevWalk(repo); TreeWalk tw = TreeWalk.forPath(repo, p, rw.parseTree(commit))) {
                    if (tw != null && (tw.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                        blobs.put(p, tw.getObjectId(0).copy());
                    }
                }
            }
            fetchMissing(blobs.values());
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
        try (Stream<Path> s = Files.walk(dir.resolve("objects"))) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".pack")
                    || p.getParent().getFileName().toString().length() == 2).mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fetches the blobs not here yet, by id (protocol v2 servers serve any object they have); a
     * server that will not falls back to one full depth-1 fetch of the ref.
     */
    private void fetchMissing(Collection<ObjectId> blobs) throws IOException {
        List<RefSpec> wants = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader()) {
            for (ObjectId b : blobs) {
                if (!reader.has(b)) {
                    wants.add(new RefSpec(b.name()));
                }
            }
        }
        if (wants.isEmpty()) {
            return;
        }
        Connections connections = remotes.connections();
        try (Transport t = connections.open(repo, remote.fetchUrl())) {
            t.setTagOpt(TagOpt.NO_TAGS);
            t.fetch(NullProgressMonitor.INSTANCE, wants);
        } catch (TransportException e) {
            RemoteAccessException failure = connections.classify(remote.fetchUrl(), e);
            if (failure.kind() != RemoteAccessException.Kind.PROTOCOL) {
                throw failure;
            }
            fetchTip(false);
        } catch (NotSupportedException e) {
            throw connections.classify(remote.fetchUrl(), e);
        }
    }

    @Override
    public void close() {
        repo.close();
        FileTrees.deleteQuietly(dir);
    }
}
