package dev.reg.git;

import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.util.AtomicFiles;
import dev.reg.util.Faults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/**
 * One registry change, all or nothing, holding the index lock from start to end so a second writer
 * is refused rather than interleaved. Files the change brings into the work tree before it is
 * published ({@link #copyIn}, {@link #moveIn}) are journaled first and removed again if it is not
 * published; {@link #publish} makes the commit and its tags visible in one atomic ref transaction
 * and only then writes the work tree and index, under a journal that recovery completes if the
 * process dies. Closing an unpublished change leaves the repository as it was.
 */
public final class Change implements AutoCloseable {
    private final GitStore store;
    private final Repository repo;
    private final Path workTree;
    private final ChangeLock lock;
    private final Journal journal;
    private final String branch;
    private boolean published;
    private boolean completed;

    Change(GitStore store, ChangeLock lock, String branch) {
        this.store = store;
        this.repo = store.repository();
        this.workTree = store.workTree();
        this.lock = lock;
        this.journal = new Journal(lock.dir());
        this.branch = branch;
    }

    /** Copies {@code source} (a file outside reg's control, say the user's) to the new work-tree file {@code path}. */
    public void copyIn(String path, Path source) {
        place(path, source, false);
    }

    /** Moves {@code source} (a temporary file of reg's) to the new work-tree file {@code path}. */
    public void moveIn(String path, Path source) {
        place(path, source, true);
    }

    private void place(String path, Path source, boolean move) {
        store.publisher().requireNoLinks(List.of(path));
        Path target = workTree.resolve(path);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(path + " already exists; reg brings in new files only");
        }
        List<Path> folders = new ArrayList<>();
        for (Path p = target.getParent(); !p.equals(workTree) && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            folders.add(0, p);
        }
        List<String> records = new ArrayList<>();
        for (Path f : folders) {
            records.add("mkdir " + relative(f));
        }
        records.add("create " + path);
        journal.append(records);
        try {
            for (Path f : folders) {
                Faults.check("mkdir " + relative(f));
                Files.createDirectory(f);
            }
            if (move) {
                Faults.check("rename " + path);
                try {
                    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    copy(source, target);
                }
            } else {
                copy(source, target);
            }
            journal.append(List.of("created " + Journal.fingerprint(target) + " " + path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            AtomicFiles.write(target, in, Files.isExecutable(source));
        }
    }

    private String relative(Path p) {
        return workTree.relativize(p).toString().replace('\\', '/');
    }

    /**
     * Publishes {@code req}: the commit and its tags in one atomic ref transaction (packed as they
     * are written), then the work tree and index brought in line. While a change for a remote is
     * under way ({@link RemotePublisher}) the commit is built on the remote tip, pushed, and only
     * then published here.
     *
     * @throws RefusedException when HEAD moved, a tag already exists, or a path goes through a symbolic link
     */
    public CommitResult publish(CommitRequest req) {
        if (published) {
            throw new IllegalStateException("a change publishes once");
        }
        Set<String> paths = new TreeSet<>(req.folders());
        paths.addAll(writtenPaths(req));
        paths.addAll(req.deletes());
        store.publisher().requireNoLinks(paths);
        try {
            RemotePublisher.Attempt remote = store.publisher().remoteAttempt();
            if (remote != null) {
                return remote.publish(this, req);
            }
            ObjectId head = store.refs().headId().orElse(null);
            if (!Objects.equals(head, GitId.objectIdOrNull(req.expectedHead()))) {
                throw new RefusedException("the branch moved while reg was working (another commit landed); nothing was changed — run the command again");
            }
            for (TagSpec t : req.tags()) {
                if (store.refs().refExists(t.refName())) {
                    throw new RefusedException("tag " + t.name() + " already exists; another process published it first — nothing was changed");
                }
            }
            return apply(prepare(req, head), head, Catchup.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects of a change, written but named by no ref yet. */
    record Prepared(CommitRequest req, ObjectId parent, ObjectId commit, Map<String, ObjectId> tagIds, Map<String, String> after) {
    }

    /**
     * What a change published on a remote also brings to the local clone: the files the remote
     * changed since the local HEAD (path to blob in the new commit; null when removed) and the
     * remote's reg tags not here yet (full ref name to tag object).
     */
    record Catchup(Map<String, ObjectId> paths, Map<String, ObjectId> tags) {
        static final Catchup NONE = new Catchup(Map.of(), Map.of());
    }

    /** Writes the commit and tag objects of {@code req} on {@code parent} (null: a first commit); no ref moves. */
    Prepared prepare(CommitRequest req, ObjectId parent) throws IOException {
        DirCache index = DirCache.read(repo.getIndexFile(), repo.getFS()); // unchanging: this change holds its lock
        Map<String, ObjectId> tagIds = new LinkedHashMap<>();
        Map<String, String> after = new TreeMap<>();
        PersonIdent me = new PersonIdent(repo);
        try (ObjectInserter ins = new LooseObjectInserter(repo, lock.dir()); ObjectReader reader = repo.newObjectReader()) {
            DirCache tree = DirCache.newInCore();
            DirCacheBuilder tb = tree.builder();
            if (parent != null) {
                try (RevWalk rw = new RevWalk(reader)) {
                    tb.addTree(new byte[0], 0, reader, rw.parseCommit(parent).getTree());
                }
            }
            tb.finish();
            DirCacheEditor ed = tree.editor();
            Map<String, WorkFile> snapshot = snapshotFolders(index, req, ins);
            for (int i = 0; i < tree.getEntryCount(); i++) {
                String p = tree.getEntry(i).getPathString();
                // a committed file under a folder that is gone from the work tree is gone from the commit
                if (underAny(p, req.folders()) && !snapshot.containsKey(p) && !req.writes().containsKey(p)
                        && !req.deletes().contains(p)) {
                    ed.add(new DirCacheEditor.DeletePath(p));
                }
            }
            for (Map.Entry<String, WorkFile> e : snapshot.entrySet()) {
                ed.add(pathEdit(e.getKey(), e.getValue().mode(), e.getValue().blob()));
            }
            for (Map.Entry<String, byte[]> w : req.writes().entrySet()) {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, w.getValue());
                after.put(w.getKey(), blob.name());
                ed.add(pathEdit(w.getKey(), FileMode.REGULAR_FILE, blob));
            }
            for (Map.Entry<String, TreeFile> c : req.copies().entrySet()) {
                TreeFile f = c.getValue();
                if (!f.isRegularFile()) {
                    throw new BadInputException(c.getKey() + " is not a regular file in its source tree; reg restores plain files only");
                }
                if (!reader.has(f.blob().objectId(), Constants.OBJ_BLOB)) {
                    throw new IllegalStateException("blob " + f.blob().name() + " for " + c.getKey() + " is not in the repository");
                }
                after.put(c.getKey(), f.blob().name());
                ed.add(pathEdit(c.getKey(), FileMode.fromBits(f.mode()), f.blob().objectId()));
            }
            for (String d : req.deletes()) {
                ed.add(new DirCacheEditor.DeletePath(d));
            }
            ed.finish();
            ObjectId treeId = tree.writeTree(ins);
            Faults.check("after-write-objects");

            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(treeId);
            if (parent != null) {
                cb.setParentId(parent);
            }
            cb.setAuthor(me);
            cb.setCommitter(me);
            cb.setMessage(req.message());
            GpgConfig gpg = new GpgConfig(repo.getConfig());
            if (gpg.isSignCommits()) {
                store.publisher().sign(cb, gpg, me, "commit");
            }
            ObjectId commitId = ins.insert(cb);
            for (TagSpec t : req.tags()) {
                TagBuilder tag = new TagBuilder();
                tag.setTag(t.name());
                tag.setObjectId(commitId, Constants.OBJ_COMMIT);
                tag.setTagger(me);
                tag.setMessage(t.message().endsWith("\n") ? t.message() : t.message() + "\n");
                if (gpg.isSignAnnotated() || gpg.isSignAllTags()) {
                    store.publisher().sign(tag, gpg, me, "tag " + t.name());
                }
                tagIds.put(t.refName(), ins.insert(tag));
            }
            ins.flush();
            Faults.check("after-commit-object");
            return new Prepared(req, parent, commitId, tagIds, after);
        }
    }

    /**
     * Makes a prepared change visible here: the branch moves from {@code localHead} to the new
     * commit and its tags (and what {@code catchup} brings) appear in one atomic ref transaction,
     * then the work tree and index follow, under the journal.
     */
    CommitResult apply(Prepared p, ObjectId localHead, Catchup catchup) throws IOException {
        CommitRequest req = p.req();
        ObjectId commitId = p.commit();
        journal.append(publishRecords(req, commitId, p.tagIds(), p.after(), catchup));
        Faults.check("before-refs");
        BatchRefUpdate bru = repo.getRefDatabase().newBatchUpdate();
        bru.setAtomic(true);
        bru.setRefLogIdent(new PersonIdent(repo));
        bru.setRefLogMessage("reg: " + firstLine(req.message()), false);
        bru.addCommand(new ReceiveCommand(localHead == null ? ObjectId.zeroId() : localHead, commitId, branch));
        for (Map.Entry<String, ObjectId> t : p.tagIds().entrySet()) {
            bru.addCommand(new ReceiveCommand(ObjectId.zeroId(), t.getValue(), t.getKey()));
        }
        for (Map.Entry<String, ObjectId> t : catchup.tags().entrySet()) {
            bru.addCommand(new ReceiveCommand(ObjectId.zeroId(), t.getValue(), t.getKey()));
        }
        try (RevWalk rw = new RevWalk(repo)) {
            bru.execute(rw, NullProgressMonitor.INSTANCE);
        }
        for (ReceiveCommand c : bru.getCommands()) {
            if (c.getResult() != ReceiveCommand.Result.OK) {
                throw new RefusedException("could not publish " + Repository.shortenRefName(c.getRefName()) + " ("
                        + c.getResult() + (c.getMessage() == null ? "" : ": " + c.getMessage())
                        + "); another process updated the repository first — nothing was changed");
            }
        }
        published = true;
        Faults.check("after-refs");
        Set<String> written = new TreeSet<>(writtenPaths(req));
        Set<String> deleted = new TreeSet<>(req.deletes());
        catchup.paths().forEach((path, blob) -> {
            if (!written.contains(path) && !deleted.contains(path)) {
                (blob == null ? deleted : written).add(path);
            }
        });
        syncWorkTree(store, lock, commitId, written, deleted, req.folders(), Set.of());
        journal.end();
        completed = true;
        return new CommitResult(GitId.of(commitId), branch, req.tags().stream().map(TagSpec::name).toList());
    }

    /** What the journal needs to finish the change once its refs are published, or to recognise its ref locks. */
    private List<String> publishRecords(CommitRequest req, ObjectId commit, Map<String, ObjectId> tagIds, Map<String, String> after,
            Catchup catchup) throws IOException {
        List<String> records = new ArrayList<>();
        if (journal.value("branch") == null) {
            records.add("branch " + branch);
        }
        records.add("commit " + commit.name());
        records.add("ref " + commit.name() + " " + branch);
        tagIds.forEach((ref, id) -> records.add("ref " + id.name() + " " + ref));
        catchup.tags().forEach((ref, id) -> records.add("ref " + id.name() + " " + ref));
        for (String f : req.folders()) {
            records.add("folder " + f);
        }
        Map<String, String> writes = new TreeMap<>(after);
        List<String> deletes = new ArrayList<>(req.deletes());
        catchup.paths().forEach((path, blob) -> {
            if (writes.containsKey(path) || deletes.contains(path)) {
                return; // the change's own content wins
            }
            if (blob == null) {
                deletes.add(path);
            } else {
                writes.put(path, blob.name());
            }
        });
        for (Map.Entry<String, String> w : writes.entrySet()) {
            records.add("write " + Journal.workTreeBlob(workTree.resolve(w.getKey())) + " " + w.getValue() + " " + w.getKey());
        }
        for (String d : deletes) {
            records.add("delete " + Journal.workTreeBlob(workTree.resolve(d)) + " " + d);
        }
        return records;
    }

    /**
     * Ends the change. Unpublished, everything it brought into the work tree is removed and the lock
     * released: the repository is as before. Published but not completed (a failure while the work
     * tree was being written), the lock is released and the journal kept for recovery to finish.
     */
    @Override
    public void close() {
        if (published && !completed) {
            lock.releaseIndexLock();
            return;
        }
        try {
            if (!published) {
                Recovery.removeCreated(workTree, journal);
            }
        } finally {
            lock.release();
        }
    }

    // ------------------------------------------------------------------ shared with recovery

    private record WorkFile(FileMode mode, ObjectId blob) {
    }

    /** Paths whose content the change sets: computed writes and copied blobs. */
    static Set<String> writtenPaths(CommitRequest req) {
        Set<String> out = new TreeSet<>(req.writes().keySet());
        out.addAll(req.copies().keySet());
        return out;
    }

    /** Blobs for every tracked or non-ignored file under the request's folders, as they stand in the work tree. */
    private Map<String, WorkFile> snapshotFolders(DirCache index, CommitRequest req, ObjectInserter ins) throws IOException {
        Map<String, WorkFile> out = new TreeMap<>();
        if (req.folders().isEmpty()) {
            return out;
        }
        Set<String> skip = new HashSet<>(writtenPaths(req));
        skip.addAll(req.deletes());
        store.status().forEachCommittable(index, req.folders(), (path, w, d, reader) -> {
            if (skip.contains(path)) {
                return;
            }
            FileMode mode = w.getEntryFileMode();
            if (mode == FileMode.GITLINK) {
                throw new BadInputException(path + " is a nested Git repository; registry folders hold plain files");
            }
            if (d != null && !w.isModified(d.getDirCacheEntry(), true, reader) && d.getEntryFileMode() == mode) {
                out.put(path, new WorkFile(mode, d.getEntryObjectId()));
                return;
            }
            try (InputStream in = w.openEntryStream()) {
                out.put(path, new WorkFile(mode, ins.insert(Constants.OBJ_BLOB, w.getEntryContentLength(), in)));
            }
        });
        return out;
    }

    /** True when {@code path} is one of {@code folders} or lies under one (a "folder" may name a single file). */
    private static boolean underAny(String path, Collection<String> folders) {
        for (String f : folders) {
            if (path.equals(f) || path.startsWith(f.endsWith("/") ? f : f + "/")) {
                return true;
            }
        }
        return false;
    }

    private static DirCacheEditor.PathEdit pathEdit(String path, FileMode mode, ObjectId blob) {
        return new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry ent) {
                ent.setFileMode(mode);
                ent.setObjectId(blob);
            }
        };
    }

    /**
     * Brings the work tree and the index in line with {@code commit} for the paths the change
     * touched, leaving every other index entry (the user's staged work) as it was and the paths in
     * {@code keepWorkTree} (edited by the user since) untouched. The new index is written in the
     * change's folder and renamed over the live one while the change holds the index lock.
     */
    static void syncWorkTree(GitStore store, ChangeLock lock, ObjectId commit, Collection<String> written, Collection<String> deleted,
            Collection<String> folders, Set<String> keepWorkTree) throws IOException {
        Repository repo = store.repository();
        Path workTree = store.workTree();
        Set<String> touched = new TreeSet<>(written);
        touched.addAll(deleted);
        store.publisher().requireNoLinks(touched);
        try (RevWalk rw = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            RevCommit c = rw.parseCommit(commit);
            for (String path : written) {
                if (keepWorkTree.contains(path)) {
                    continue;
                }
                try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree());
                        InputStream in = reader.open(tw.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
                    // streamed: a restored dataset may be larger than the heap
                    AtomicFiles.write(workTree.resolve(path), in, tw.getFileMode(0) == FileMode.EXECUTABLE_FILE);
                }
            }
            for (String path : deleted) {
                if (!keepWorkTree.contains(path)) {
                    Faults.check("delete " + path);
                    Files.deleteIfExists(workTree.resolve(path));
                }
            }
            Faults.check("after-work-tree");

            Path live = repo.getIndexFile().toPath();
            Path next = lock.dir().resolve("index");
            Files.deleteIfExists(lock.dir().resolve("index.lock")); // a dead run's, when recovery finishes its change
            if (Files.exists(live)) {
                Files.copy(live, next, StandardCopyOption.REPLACE_EXISTING);
            }
            DirCache index = DirCache.lock(next.toFile(), repo.getFS());
            DirCacheBuilder b = index.builder();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                String p = e.getPathString();
                if (!touched.contains(p) && !underAny(p, folders)) {
                    b.add(e);
                }
            }
            Set<String> paths = new TreeSet<>(touched);
            if (!folders.isEmpty()) {
                try (TreeWalk tw = new TreeWalk(reader)) {
                    tw.addTree(c.getTree());
                    tw.setRecursive(true);
                    tw.setFilter(PathFilterGroup.createFromStrings(folders));
                    while (tw.next()) {
                        paths.add(tw.getPathString());
                    }
                }
            }
            for (String p : paths) {
                try (TreeWalk tw = TreeWalk.forPath(repo, p, c.getTree())) {
                    if (tw == null) {
                        continue;
                    }
                    DirCacheEntry e = new DirCacheEntry(p);
                    e.setFileMode(tw.getFileMode(0));
                    e.setObjectId(tw.getObjectId(0));
                    Path f = workTree.resolve(p);
                    if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                        e.setLength(Files.size(f));
                        e.setLastModified(Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toInstant());
                    }
                    b.add(e);
                }
            }
            Faults.check("write index");
            if (!b.commit()) {
                throw new IOException("cannot write the new index in " + lock.dir());
            }
            Faults.check("rename index");
            Files.move(next, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
