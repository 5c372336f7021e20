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

/** What changed between commits: changed paths, merge bases, the commits that touched a file, diffs. */
public final class CommitHistory {
    private final Repository repo;

    CommitHistory(GitStore store) {
        this.repo = store.repository();
    }

    /**
     * Paths under {@code prefixes} whose entry differs between two commits or trees (added,
     * changed or removed), found by comparing tree ids so unchanged folders are skipped whole.
     */
    public java.util.SortedSet<String> changedPaths(GitId from, GitId to, Collection<String> prefixes) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        // walks on an object reader: one made on the repository stats its config files each time (see TreeReader)
        try (ObjectReader or = repo.newObjectReader(); RevWalk rw = new RevWalk(or); TreeWalk tw = new TreeWalk(or)) {
            tw.addTree(rw.parseTree(from.objectId()));
            tw.addTree(rw.parseTree(to.objectId()));
            tw.setRecursive(true);
            tw.setFilter(prefixes.isEmpty() ? org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF
                    : org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(PathFilterGroup.createFromStrings(prefixes),
                            org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF));
            while (tw.next()) {
                out.add(tw.getPathString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best common ancestor of two commits (what a pull request is compared against), if they share history. */
    public Optional<GitId> mergeBase(GitId a, GitId b) {
        try (RevWalk rw = new RevWalk(repo)) {
            rw.setRevFilter(org.eclipse.jgit.revwalk.filter.RevFilter.MERGE_BASE);
            rw.markStart(rw.parseCommit(a.objectId()));
            rw.markStart(rw.parseCommit(b.objectId()));
            RevCommit base = rw.next();
            return base == null ? Optional.empty() : Optional.of(GitId.of(base));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether commit {@code ancestor} is reachable from {@code commit} (or is it). */
    public boolean isAncestor(GitId ancestor, GitId commit) {
        try (RevWalk rw = new RevWalk(repo)) {
            return rw.isMergedInto(rw.parseCommit(ancestor.objectId()), rw.parseCommit(commit.objectId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A commit's id and full message. */
    public record CommitInfo(GitId id, String message) {
        public Optional<String> trailer(String key) {
            return Trailers.find(message, key);
        }
    }

    /**
     * Commits reachable from {@code until} but not from {@code since} that changed {@code path},
     * newest first: the history of one file within a change, walked only as far as the change goes.
     */
    public List<CommitInfo> commitsTouching(GitId since, GitId until, String path) {
        try (RevWalk rw = new RevWalk(repo)) {
            rw.setTreeFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(PathFilterGroup.createFromStrings(path),
                    org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF));
            rw.markStart(rw.parseCommit(until.objectId()));
            if (since != null) {
                rw.markUninteresting(rw.parseCommit(since.objectId()));
            }
            List<CommitInfo> out = new ArrayList<>();
            for (RevCommit c : rw) {
                out.add(new CommitInfo(GitId.of(c), c.getFullMessage()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Paths under {@code folder} that {@code commit} changed against its first parent (every file
     * there, for a root commit).
     */
    public java.util.SortedSet<String> pathsChangedBy(GitId commit, String folder) {
        try (ObjectReader or = repo.newObjectReader(); RevWalk rw = new RevWalk(or)) {
            RevCommit c = rw.parseCommit(commit.objectId());
            if (c.getParentCount() > 0) {
                return changedPaths(GitId.of(c.getParent(0)), commit, List.of(folder));
            }
            java.util.SortedSet<String> out = new java.util.TreeSet<>();
            try (TreeWalk tw = new TreeWalk(or)) {
                tw.addTree(c.getTree());
                tw.setRecursive(true);
                tw.setFilter(PathFilterGroup.createFromStrings(folder));
                while (tw.next()) {
                    out.add(tw.getPathString());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code folder} that differ between two commits, with unified diffs. */
    public List<FileChange> diff(GitId from, GitId to, String folder) {
        try (RevWalk rw = new RevWalk(repo);
                java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
                org.eclipse.jgit.diff.DiffFormatter fmt = new org.eclipse.jgit.diff.DiffFormatter(buf)) {
            fmt.setRepository(repo);
            fmt.setPathFilter(PathFilterGroup.createFromStrings(folder));
            fmt.setDetectRenames(true);
            List<FileChange> out = new ArrayList<>();
            for (org.eclipse.jgit.diff.DiffEntry e : fmt.scan(rw.parseCommit(from.objectId()).getTree(), rw.parseCommit(to.objectId()).getTree())) {
                buf.reset();
                fmt.format(e);
                fmt.flush();
                String patch = buf.toString(StandardCharsets.UTF_8);
                boolean binary = patch.contains("\nBinary files ") || patch.startsWith("Binary files ");
                String path = e.getChangeType() == org.eclipse.jgit.diff.DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
                out.add(new FileChange(path, e.getChangeType().name().toLowerCase(java.util.Locale.ROOT),
                        e.getOldId().name(), e.getNewId().name(), binary, patch));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commit time of {@code commit}. */
    public Instant commitTime(GitId commit) {
        try (RevWalk rw = new RevWalk(repo)) {
            return rw.parseCommit(commit.objectId()).getCommitterIdent().getWhenAsInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
