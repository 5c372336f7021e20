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
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.JGitText;
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

/**
 * A temporary bare object store filled from one remote with as few objects as the server allows:
 * a ref's commit and trees at depth 1 ({@code filter=blob:none}), blobs by id when they are read,
 * tag objects with their commits and nothing below ({@code filter=tree:0}). No ref is ever written.
 * A server that offers no filter gets depth-1 fetches without one; a protocol v0 server that will
 * not serve a blob by id gets one full depth-1 fetch of the refs read so far. Closing deletes it.
 */
final class RemoteObjects implements AutoCloseable {
    private final Remotes remotes;
    private final RemoteTarget remote;
    private final Path dir;
    private final Repository repo;
    /** The refs fetched so far, true for those fetched without blobs. */
    private final Map<String, Boolean> tips = new LinkedHashMap<>();

    private RemoteObjects(Remotes remotes, RemoteTarget remote, Path dir, Repository repo) {
        this.remotes = remotes;
        this.remote = remote;
        this.dir = dir;
        this.repo = repo;
    }

    static RemoteObjects create(Remotes remotes, RemoteTarget remote) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("reg-remote-objects-");
            Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            repo.create(true);
            return new RemoteObjects(remotes, remote, dir, repo);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(dir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    Repository repository() {
        return repo;
    }

    RemoteTarget remote() {
        return remote;
    }

    /** True when the ref was fetched with all its blobs (asked so, or after a fallback). */
    boolean full(String ref) {
        return Boolean.FALSE.equals(tips.get(ref));
    }

    /**
     * Fetches {@code ref} at depth 1, blob-less if asked and offered, and returns the commit it
     * names (peeled); empty when the remote has no such ref.
     */
    Optional<ObjectId> fetchTip(String ref, boolean blobless) {
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
                return Optional.empty();
            }
            tips.put(ref, blobless);
            try (RevWalk rw = new RevWalk(repo)) {
                RevCommit c = rw.parseCommit(advertised.getObjectId());
                return Optional.of(c.copy());
            }
        } catch (TransportException e) {
            if (blobless && noFilter(e)) {
                return fetchTip(ref, false); // the server offers no filter: take the whole tree at depth 1
            }
            if (message(e).endsWith(MessageFormat.format(JGitText.get().remoteDoesNotHaveSpec, ref))) {
                return Optional.empty();
            }
            throw connections.classify(remote.fetchUrl(), e);
        } catch (NotSupportedException e) {
            throw connections.classify(remote.fetchUrl(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fetches the objects not here yet by id (protocol v2 serves any object the remote has). When
     * that fails for any reason but the remote being out of reach (a protocol v0 server refuses a
     * want that is not a tip: depending on timing the refusal arrives as an error line or as the
     * connection closing under us), the refs read so far are fetched again with every blob.
     */
    void fetchMissing(Collection<ObjectId> ids) {
        fetchAbsent(missing(ids));
    }

    /** As {@link #fetchMissing}, for ids the caller already found absent (a partial TreeReader's): no second look. */
    void fetchAbsent(Collection<ObjectId> absent) {
        List<RefSpec> wants = new ArrayList<>();
        for (ObjectId id : absent) {
            wants.add(new RefSpec(id.name()));
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
            if (UNREACHABLE.contains(failure.kind())) {
                throw failure;
            }
            refetchBlobless();
        } catch (NotSupportedException e) {
            throw connections.classify(remote.fetchUrl(), e);
        }
    }

    /** Failures after which a fallback fetch cannot do better. */
    private static final Set<RemoteAccessException.Kind> UNREACHABLE = Set.of(RemoteAccessException.Kind.UNREACHABLE,
            RemoteAccessException.Kind.AUTHENTICATION, RemoteAccessException.Kind.HOST_KEY, RemoteAccessException.Kind.NO_REPOSITORY);

    private void refetchBlobless() {
        for (String ref : List.copyOf(tips.keySet())) {
            if (tips.get(ref)) {
                fetchTip(ref, false);
            }
        }
    }

    /**
     * Fetches the tag objects behind {@code refs} (advertised tags, so any server serves them) with
     * the commits they name and no tree or blob when the server offers filters.
     */
    void fetchTags(Collection<String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        fetchTags(refs, true);
    }

    private void fetchTags(Collection<String> refs, boolean filtered) {
        Connections connections = remotes.connections();
        try (Transport t = connections.open(repo, remote.fetchUrl())) {
            t.setDepth(1);
            t.setTagOpt(TagOpt.NO_TAGS);
            if (filtered) {
                t.setFilterSpec(FilterSpec.fromFilterLine("tree:0"));
            }
            t.fetch(NullProgressMonitor.INSTANCE, refs.stream().map(RefSpec::new).toList());
            connections.credentials().approve();
        } catch (TransportException e) {
            if (filtered && noFilter(e)) {
                fetchTags(refs, false);
                return;
            }
            throw connections.classify(remote.fetchUrl(), e);
        } catch (NotSupportedException e) {
            throw connections.classify(remote.fetchUrl(), e);
        }
    }

    /** The ids among {@code ids} that are not in the store. */
    List<ObjectId> missing(Collection<ObjectId> ids) {
        List<ObjectId> out = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader()) {
            for (ObjectId id : ids) {
                if (!reader.has(id)) {
                    out.add(id);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean noFilter(TransportException e) {
        return message(e).endsWith(JGitText.get().filterRequiresCapability);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    /** Bytes of object data received so far: what the reads cost on the wire (before inflation). */
    long bytesFetched() {
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

    @Override
    public void close() {
        repo.close();
        FileTrees.deleteQuietly(dir);
    }
}
