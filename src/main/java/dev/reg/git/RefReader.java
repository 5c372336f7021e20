package dev.reg.git;

import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.util.SymbolicLinks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.ObjectBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryState;
import org.eclipse.jgit.lib.Signer;
import org.eclipse.jgit.lib.Signers;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import java.util.HashSet;
import java.util.Set;

/**
 * Refs by name: the fast packed-refs paths for prefixes and single refs, HEAD, revisions and tag
 * objects. While a change for a remote is planned ({@link RemotePublisher}) a {@link ChangeBase}
 * stands in: its remote tip is HEAD and the remote's reg tags are read as if they were local, so a
 * service plans on what the remote has without a local ref moving.
 */
public final class RefReader implements RefSource {
    private final GitStore store;
    private final Repository repo;
    private ChangeBase base;

    RefReader(GitStore store) {
        this.store = store;
        this.repo = store.repository();
    }

    /** Plans from now on against {@code base} (null: the local refs again). */
    void planOn(ChangeBase base) {
        this.base = base;
    }

    private java.nio.file.Path gitDir() {
        return store.gitDir();
    }

    /*
     * Fast paths for single refs and prefixes (PackedRefs): used when the repository keeps its refs
     * as files and a sorted packed-refs, so a reading command never parses every ref of a large
     * registry. Any other layout, and anything unexpected, falls back to JGit's ref database.
     */

    private Optional<List<PackedRefs.Entry>> fastPrefix(String prefix) {
        try {
            Optional<PackedRefs> p = PackedRefs.open(gitDir());
            return p.isPresent() ? Optional.of(p.get().prefix(prefix)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The ref, or empty when it does not exist; null when only JGit can say. */
    private Optional<PackedRefs.Entry> fastExact(String name) {
        try {
            Optional<PackedRefs> p = PackedRefs.open(gitDir());
            return p.isPresent() ? p.get().exact(name) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** HEAD's commit (inner empty: unborn branch); outer empty when only JGit can say. */
    private Optional<Optional<ObjectId>> fastHead() {
        try {
            String head = Files.readString(gitDir().resolve(Constants.HEAD), StandardCharsets.US_ASCII).trim();
            if (ObjectId.isId(head)) {
                return Optional.of(Optional.of(ObjectId.fromString(head)));
            }
            if (!head.startsWith("ref: refs/heads/")) {
                return Optional.empty();
            }
            Optional<PackedRefs.Entry> branch = fastExact(head.substring("ref: ".length()));
            return branch == null ? Optional.empty() : Optional.of(branch.map(PackedRefs.Entry::id));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Full names of the refs starting with {@code prefix}, read from ref names only (packed-refs and loose refs). */
    @Override
    public List<String> refNames(String prefix) {
        if (base != null) {
            java.util.SortedSet<String> all = new java.util.TreeSet<>(localRefNames(prefix));
            all.addAll(base.tagsWithPrefix(prefix).keySet());
            return List.copyOf(all);
        }
        return localRefNames(prefix);
    }

    private List<String> localRefNames(String prefix) {
        try {
            Optional<List<PackedRefs.Entry>> fast = fastPrefix(prefix);
            if (fast.isPresent()) {
                return fast.get().stream().map(PackedRefs.Entry::name).toList();
            }
            List<String> out = new ArrayList<>();
            for (Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
                out.add(r.getName());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The refs starting with {@code prefix}, in name order, with the commit each peels to where
     * packed-refs records it (the ref's own target otherwise).
     */
    @Override
    public Map<String, GitId> refsPeeled(String prefix) {
        Map<String, GitId> out = new LinkedHashMap<>();
        peeled(prefix).forEach((name, id) -> out.put(name, GitId.of(id)));
        return out;
    }

    Map<String, ObjectId> peeled(String prefix) {
        if (base != null) {
            Map<String, ObjectId> all = new TreeMap<>(localPeeled(prefix));
            base.tagsWithPrefix(prefix).forEach((name, ref) -> all.putIfAbsent(name, ref.target()));
            return new LinkedHashMap<>(all);
        }
        return localPeeled(prefix);
    }

    private Map<String, ObjectId> localPeeled(String prefix) {
        Optional<List<PackedRefs.Entry>> fast = fastPrefix(prefix);
        Map<String, ObjectId> out = new LinkedHashMap<>();
        try {
            if (fast.isPresent()) {
                try (RevWalk rw = new RevWalk(repo)) {
                    for (PackedRefs.Entry e : fast.get()) {
                        // packed-refs records the peeled commit; a loose ref (rare once reg packs) needs its object read
                        out.put(e.name(), e.peeled() != null ? e.peeled() : rw.peel(rw.parseAny(e.id())).copy());
                    }
                }
                return out;
            }
            for (Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
                Ref peeled = r.isPeeled() ? r : repo.getRefDatabase().peel(r);
                out.put(r.getName(), peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : r.getObjectId());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean refExists(String name) {
        return base != null && base.tag(name).isPresent() || existsLocally(name);
    }

    boolean existsLocally(String name) {
        try {
            Optional<PackedRefs.Entry> fast = fastExact(name);
            if (fast != null) {
                return fast.isPresent();
            }
            return repo.getRefDatabase().exactRef(name) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The commit HEAD points at, empty on an unborn branch; while a change for a remote is planned,
     * the remote tip it is built on.
     */
    @Override
    public Optional<GitId> head() {
        if (base != null) {
            return base.tip().map(GitId::of);
        }
        return headId().map(GitId::of);
    }

    /** The local HEAD's commit, whatever a change is planned on (the work tree and index are compared with it). */
    Optional<ObjectId> headId() {
        try {
            Optional<Optional<ObjectId>> fast = fastHead();
            if (fast.isPresent()) {
                return fast.get();
            }
            Ref head = repo.exactRef(Constants.HEAD);
            return head == null || head.getObjectId() == null ? Optional.empty() : Optional.of(head.getObjectId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves a revision ({@code main}, {@code HEAD~1}, a tag, an id) to the commit it names. */
    @Override
    public Optional<GitId> resolveCommit(String revision) {
        return resolveCommitId(revision).map(GitId::of);
    }

    Optional<ObjectId> resolveCommitId(String revision) {
        if (base != null && base.tag(revision).isPresent() && !existsLocally(revision)) {
            return Optional.of(base.tag(revision).get().target());
        }
        try {
            if (revision.startsWith(Constants.R_REFS)) {
                Optional<PackedRefs.Entry> fast = fastExact(revision);
                if (fast != null) {
                    if (fast.isEmpty()) {
                        return Optional.empty();
                    }
                    try (RevWalk rw = new RevWalk(repo)) {
                        RevObject o = rw.peel(rw.parseAny(fast.get().target()));
                        return o instanceof RevCommit ? Optional.of(o.copy()) : Optional.empty();
                    }
                }
            }
            ObjectId id = repo.resolve(revision + "^{commit}");
            return Optional.ofNullable(id);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot resolve revision '" + revision + "': " + e.getMessage());
        }
    }

    /** Reads the tag object behind {@code refName}; empty when the ref does not exist. */
    @Override
    public Optional<TagInfo> readTag(String refName) {
        try (RevWalk rw = new RevWalk(repo)) {
            Ref ref = repo.exactRef(refName);
            ObjectId id = ref != null ? ref.getObjectId() : base == null ? null : base.tag(refName).map(t -> t.id()).orElse(null);
            if (id == null) {
                return Optional.empty();
            }
            return Optional.of(tagInfo(rw, id, refName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The refs starting with {@code prefix} that point straight at a commit: lightweight tags, where reg makes annotated ones. */
    public List<String> lightweight(String prefix) {
        List<String> out = new ArrayList<>();
        try {
            for (Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
                Ref peeled = r.isPeeled() ? r : repo.getRefDatabase().peel(r);
                if (peeled.getPeeledObjectId() == null) {
                    out.add(r.getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The tag {@code refName} names {@code id} (a tag object, or a commit for a lightweight tag), as read from its object. */
    public static TagInfo tagInfo(RevWalk rw, ObjectId id, String refName) throws IOException {
        RevObject o = rw.parseAny(id);
        String shortName = refName.startsWith(Constants.R_TAGS) ? refName.substring(Constants.R_TAGS.length()) : refName;
        if (o instanceof RevTag) {
            RevTag t = (RevTag) o;
            RevObject target = rw.peel(t);
            PersonIdent who = t.getTaggerIdent();
            return new TagInfo(shortName, GitId.of(t), GitId.of(target), t.getFullMessage(),
                    who == null ? "" : who.getName() + " <" + who.getEmailAddress() + ">",
                    who == null ? null : who.getWhenAsInstant());
        }
        return new TagInfo(shortName, null, GitId.of(o), null, "", null);
    }

    boolean branchContains(String branch, ObjectId commit) throws IOException {
        Ref ref = repo.exactRef(branch);
        if (ref == null || ref.getObjectId() == null) {
            return false;
        }
        try (RevWalk rw = new RevWalk(repo)) {
            return rw.isMergedInto(rw.parseCommit(commit), rw.parseCommit(ref.getObjectId()));
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            return false;
        }
    }
}
