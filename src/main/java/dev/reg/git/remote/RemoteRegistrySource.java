package dev.reg.git.remote;

import dev.reg.BadInputException;
import dev.reg.git.GitId;
import dev.reg.git.RefReader;
import dev.reg.git.RefSource;
import dev.reg.git.TagInfo;
import dev.reg.git.TreeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A registry on a remote, read without a clone ({@code reg show --remote URL}). HEAD is resolved
 * by the fetch of its commit and trees; other refs come from ls-remote, one advertisement per ref
 * prefix a read needs (a protocol v2 server sends only those
 * refs; a v0 server sends all of them once, and no second ls-remote follows). A prefix a read
 * announces ({@link #expectRefs}, as the overview does for every tag) is listed on a thread of its
 * own from then on, overlapping the fetches and parsing in between; its refs are taken, and its
 * failure thrown, where they are first read. Files come from a
 * temporary partial object store: the commit read and its trees at depth 1 without blobs, then
 * only the blobs read; tag objects with their commits and nothing below. Nothing is written to
 * any repository of the user's; closing deletes the store.
 */
public final class RemoteRegistrySource implements RefSource, AutoCloseable {
    private final Remotes remotes;
    private final RemoteTarget remote;
    private RefTable refs = RefTable.EMPTY;
    private final List<String> covered = new ArrayList<>();
    private boolean complete;
    /** Listings started ahead of need ({@link #expectRefs}), by prefix, on {@link #lister}. */
    private final Map<String, Future<RefAdvertisement>> expected = new HashMap<>();
    private ExecutorService lister;
    private boolean headLoaded;
    private ObjectId headId;
    /** The ref each commit read was reached through: what the tree fetch asks for (a v0 server serves only advertised refs). */
    private final Map<ObjectId, String> namedBy = new HashMap<>();
    private final Set<ObjectId> withTrees = new HashSet<>();
    private RemoteObjects objects;
    private TreeReader trees;

    private RemoteRegistrySource(Remotes remotes, RemoteTarget remote) {
        this.remotes = remotes;
        this.remote = remote;
    }

    /**
     * The registry at {@code nameOrUrl}: a URL or path, or the name of a remote configured in the
     * repository containing {@code dir} (if it is in one).
     */
    public static RemoteRegistrySource open(RemoteSettings settings, String nameOrUrl, Path dir) {
        boolean inRepository = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile()).getGitDir() != null;
        Remotes remotes = inRepository ? Remotes.open(dir, settings) : Remotes.withoutRepository(settings);
        try {
            return new RemoteRegistrySource(remotes, remotes.resolve(nameOrUrl));
        } catch (RuntimeException e) {
            remotes.close();
            throw e;
        }
    }

    /** What to call the registry in output: the remote's name, or its URL without credentials. */
    public String location() {
        return remote.label();
    }

    // ---------------------------------------------------------------- refs, from ls-remote

    private void ensure(String prefix) {
        if (complete || covered.stream().anyMatch(prefix::startsWith)) {
            return;
        }
        Optional<String> listing = expected.keySet().stream().filter(prefix::startsWith).findFirst();
        if (listing.isPresent()) {
            take(listing.get());
            return;
        }
        add(prefix, list(prefix));
    }

    /** One ls-remote, started now on a thread of its own; {@link #ensure} takes its refs when they are needed. */
    @Override
    public void expectRefs(String prefix) {
        if (complete || covered.stream().anyMatch(prefix::startsWith) || expected.containsKey(prefix)) {
            return;
        }
        if (lister == null) {
            lister = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "reg ls-remote");
                t.setDaemon(true);
                return t;
            });
        }
        expected.put(prefix, lister.submit(() -> list(prefix)));
    }

    /** Waits for the background listing of {@code prefix} and adds its refs. */
    private void take(String prefix) {
        Future<RefAdvertisement> f = expected.remove(prefix);
        try {
            add(prefix, f.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing " + prefix + " on " + location(), e);
        }
    }

    /**
     * One ls-remote of {@code prefix}: a v2 server sends just those refs. Touches no field of this
     * source, so it may run on the background thread.
     */
    private RefAdvertisement list(String prefix) {
        return remotes.listRefs(null, remote.fetchUrl(), List.of(prefix));
    }

    private void add(String prefix, RefAdvertisement listing) {
        refs = refs.merge(listing.refs());
        complete |= listing.everything(); // the server advertised everything (protocol v0): no further ls-remote is needed
        covered.add(prefix);
    }

    /** Positions of the refs under {@code prefix} in {@link #refs}, listed first if need be. */
    private int[] withPrefix(String prefix) {
        ensure(prefix);
        return refs.range(prefix);
    }

    /** The ref named {@code name}, listed first if need be; null when the remote has none. */
    private RemoteRef ref(String name) {
        ensure(name);
        int i = refs.find(name);
        return i < 0 ? null : refs.ref(i);
    }

    @Override
    public List<String> refNames(String prefix) {
        int[] r = withPrefix(prefix);
        return refs.names(r[0], r[1]);
    }

    @Override
    public Map<String, GitId> refsPeeled(String prefix) {
        int[] r = withPrefix(prefix);
        Map<String, GitId> out = new LinkedHashMap<>();
        for (int i = r[0]; i < r[1]; i++) {
            out.put(refs.name(i), GitId.of(refs.target(i)));
        }
        return out;
    }

    @Override
    public boolean refExists(String name) {
        return ref(name) != null;
    }

    @Override
    public Optional<GitId> head() {
        if (!headLoaded) {
            // one fetch both resolves HEAD and brings its commit and trees: every read starts with registry.yaml there
            headId = objects().fetchTip(Constants.HEAD, true).orElse(null);
            headLoaded = true;
            if (headId != null) {
                namedBy.putIfAbsent(headId, Constants.HEAD);
                withTrees.add(headId);
            }
        }
        return Optional.ofNullable(headId).map(GitId::of);
    }

    @Override
    public Optional<GitId> resolveCommit(String revision) {
        if (revision.equals(Constants.HEAD)) {
            return head();
        }
        if (!revision.startsWith(Constants.R_REFS)) {
            throw new BadInputException("a remote read names refs in full (refs/heads/main, refs/tags/…), not '" + revision + "'");
        }
        RemoteRef r = ref(revision);
        if (r == null) {
            return Optional.empty();
        }
        namedBy.putIfAbsent(r.target(), revision);
        return Optional.of(GitId.of(r.target()));
    }

    @Override
    public Optional<TagInfo> readTag(String refName) {
        RemoteRef r = ref(refName);
        if (r == null) {
            return Optional.empty();
        }
        prefetchTags(List.of(refName));
        try (RevWalk rw = new RevWalk(objects().repository())) {
            return Optional.of(RefReader.tagInfo(rw, r.id(), refName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void prefetchTags(Collection<String> refNames) {
        List<String> fetch = new ArrayList<>();
        List<ObjectId> ids = new ArrayList<>();
        for (String name : refNames) {
            RemoteRef r = ref(name);
            if (r != null) {
                fetch.add(name);
                ids.add(r.id());
            }
        }
        Set<ObjectId> missing = new HashSet<>(objects().missing(ids));
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < fetch.size(); i++) {
            if (missing.contains(ids.get(i))) {
                absent.add(fetch.get(i));
            }
        }
        objects().fetchTags(absent);
    }

    // ---------------------------------------------------------------- objects, fetched as read

    private RemoteObjects objects() {
        if (objects == null) {
            objects = RemoteObjects.create(remotes, remote);
            trees = TreeReader.partial(objects.repository(), objects::fetchAbsent);
        }
        return objects;
    }

    /** Files at the commits read; call {@link #ensureCommit} for a commit before reading its files. */
    public TreeReader trees() {
        objects();
        return trees;
    }

    /** Fetches {@code commit}'s trees (no blob) at depth 1 through the ref it was reached by, once. */
    public void ensureCommit(GitId commit) {
        ObjectId id = commit.objectId();
        if (withTrees.contains(id)) {
            return;
        }
        String ref = namedBy.get(id);
        if (ref == null) {
            throw new IllegalStateException("commit " + commit + " was not reached through a ref of " + location());
        }
        Optional<ObjectId> fetched = objects().fetchTip(ref, true);
        if (fetched.isEmpty() || !fetched.get().equals(id)) {
            throw new dev.reg.RefusedException(ref + " changed on " + location() + " while reg was reading it; run the command again");
        }
        withTrees.add(id);
    }

    /** Bytes of object data fetched so far. */
    public long bytesFetched() {
        return objects == null ? 0 : objects.bytesFetched();
    }

    @Override
    public void close() {
        for (Future<RefAdvertisement> f : expected.values()) {
            try {
                f.get(); // a listing nobody waited for ends before the connections it uses are closed
            } catch (ExecutionException | CancellationException e) {
                // not needed after all: its failure does not matter
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        expected.clear();
        if (lister != null) {
            lister.shutdown();
        }
        if (objects != null) {
            objects.close();
        }
        remotes.close();
    }
}
