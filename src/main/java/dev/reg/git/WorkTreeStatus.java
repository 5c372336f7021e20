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

/** The work tree and index against HEAD: uncommitted paths, what a commit of a folder would hold, the index as a tree. */
public final class WorkTreeStatus {
    private final GitStore store;
    private final Repository repo;

    WorkTreeStatus(GitStore store) {
        this.store = store;
        this.repo = store.repository();
    }

    /**
     * The index (what {@code git commit} would commit now) as a tree object, like {@code git
     * write-tree}: the staged content becomes readable like any commit. Unmerged entries are refused.
     */
    public GitId indexTree() {
        // the tree objects' temporary files go to a scratch folder, so a kill leaves none in .git/objects
        try (ScratchFolder scratch = store.publisher().newScratchFolder(); ObjectInserter ins = new LooseObjectInserter(repo, scratch.dir())) {
            DirCache index = repo.readDirCache();
            if (index.hasUnmergedPaths()) {
                throw new BadInputException("the index has unresolved merge conflicts; resolve them before validating staged changes");
            }
            ObjectId tree = index.writeTree(ins);
            ins.flush();
            return GitId.of(tree);
        } catch (org.eclipse.jgit.errors.UnmergedPathException e) {
            throw new BadInputException("the index has unresolved merge conflicts; resolve them before validating staged changes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths under {@code prefixes} that differ between HEAD, the index and the work tree (ignored files excluded). */
    public List<String> uncommittedPaths(Collection<String> prefixes) {
        try {
            // compares against HEAD's tree read through head(), so no lookup parses every ref
            ObjectId tree = null;
            Optional<ObjectId> h = store.refs().headId();
            if (h.isPresent()) {
                try (RevWalk rw = new RevWalk(repo)) {
                    tree = rw.parseCommit(h.get()).getTree().copy();
                }
            }
            org.eclipse.jgit.lib.IndexDiff diff = new org.eclipse.jgit.lib.IndexDiff(repo, tree, ScopedWorkTree.iterator(repo, prefixes));
            if (!prefixes.isEmpty()) {
                diff.setFilter(PathFilterGroup.createFromStrings(prefixes));
            }
            diff.diff();
            Set<String> out = new java.util.TreeSet<>();
            out.addAll(diff.getAdded());
            out.addAll(diff.getChanged());
            out.addAll(diff.getRemoved());
            out.addAll(diff.getMissing());
            out.addAll(diff.getModified());
            out.addAll(diff.getUntracked());
            out.addAll(diff.getConflicting());
            return new ArrayList<>(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives one file's content as Git would store it. */
    @FunctionalInterface
    public interface StoredContent {
        void accept(String path, InputStream content) throws IOException;
    }

    /**
     * Streams, for each of {@code paths} present in the work tree (tracked, or untracked and not
     * ignored), the bytes a commit of it would store: Git's clean filter and line-ending conversion
     * (core.autocrlf, .gitattributes text/eol) applied as Git applies them. Paths not passed to
     * {@code reader} would not be committed.
     */
    public void readAsCommitted(Collection<String> paths, StoredContent reader) {
        if (paths.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>(paths);
        try {
            forEachCommittable(repo.readDirCache(), paths, (path, file, indexed, objects) -> {
                if (wanted.contains(path)) {
                    try (InputStream in = file.openEntryStream()) {
                        reader.accept(path, in);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files under {@code folder} that a commit of it would hold, as they stand in the work
     * tree: tracked files still present and untracked files that are not ignored.
     */
    public java.util.SortedSet<String> committableFiles(String folder) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        try {
            forEachCommittable(repo.readDirCache(), List.of(folder), (path, file, indexed, objects) -> out.add(path));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One work-tree file a commit would hold: the file, its index entry (null when untracked), and the walk's object reader. */
    @FunctionalInterface
    interface CommittableFile {
        void accept(String path, WorkingTreeIterator file, DirCacheIterator indexed, ObjectReader objects) throws IOException;
    }

    /**
     * Walks the work-tree files under {@code filters} that a commit would hold, as Git decides it:
     * tracked files still present, and untracked files that are not ignored.
     */
    void forEachCommittable(DirCache index, Collection<String> filters, CommittableFile visitor) throws IOException {
        try (TreeWalk tw = new TreeWalk(repo)) {
            int dcIdx = tw.addTree(new DirCacheIterator(index));
            FileTreeIterator fti = ScopedWorkTree.iterator(repo, filters);
            int wtIdx = tw.addTree(fti);
            fti.setDirCacheIterator(tw, dcIdx);
            tw.setRecursive(true);
            tw.setFilter(PathFilterGroup.createFromStrings(filters));
            while (tw.next()) {
                WorkingTreeIterator w = tw.getTree(wtIdx, WorkingTreeIterator.class);
                DirCacheIterator d = tw.getTree(dcIdx, DirCacheIterator.class);
                if (w != null && !(d == null && w.isEntryIgnored())) {
                    visitor.accept(tw.getPathString(), w, d, tw.getObjectReader());
                }
            }
        }
    }
}
