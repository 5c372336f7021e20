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

/**
 * The one place reg talks to JGit. Reads (refs by name prefix, files at a revision, tags) and one
 * kind of write: a {@link CommitRequest} published as a commit plus tags in a single atomic ref
 * transaction, with the work tree and index brought in line afterwards.
 */
public final class GitStore implements AutoCloseable {
    private final Repository repo;
    private final Path workTree;

    private GitStore(Repository repo) {
        this.repo = repo;
        this.workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
    }

    /** Opens the repository containing {@code dir}. */
    public static GitStore open(Path dir) {
        FileRepositoryBuilder b = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (b.getGitDir() == null) {
            throw new BadInputException("not in a Git repository: " + dir.toAbsolutePath()
                    + " (run 'reg init' to create a registry here)");
        }
        try {
            Repository r = b.setMustExist(true).build();
            if (r.isBare()) {
                r.close();
                throw new BadInputException("the repository at " + b.getGitDir() + " is bare; reg needs a work tree");
            }
            return new GitStore(r);
        } catch (IOException e) {
            throw new BadInputException("cannot open the Git repository at " + b.getGitDir() + ": " + e.getMessage());
        }
    }

    /**
     * Opens the repository whose top is {@code dir}, or creates one there, as {@code git init DIR}
     * does: a folder inside another repository gets its own repository, never the enclosing one.
     */
    public static GitStore openOrInit(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs.resolve(Constants.DOT_GIT))) {
            return open(abs);
        }
        try {
            Files.createDirectories(abs);
            Git git = Git.init().setDirectory(abs.toFile()).call();
            return new GitStore(git.getRepository());
        } catch (GitAPIException | IOException e) {
            throw new BadInputException("cannot create a Git repository in " + abs + ": " + e.getMessage());
        }
    }

    public Path workTree() {
        return workTree;
    }

    public Path gitDir() {
        return repo.getDirectory().toPath();
    }

    /** Lets the {@code git} package's helpers and tests reach JGit; nothing outside {@code git/} calls this. */
    Repository repository() {
        return repo;
    }

    @Override
    public void close() {
        repo.close();
    }

    // ---------------------------------------------------------------- reading

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
    public List<String> refNames(String prefix) {
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
    public Map<String, ObjectId> refsPeeled(String prefix) {
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

    public boolean refExists(String name) {
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

    /** The commit HEAD points at, empty on an unborn branch. */
    public Optional<ObjectId> head() {
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
    public Optional<ObjectId> resolveCommit(String revision) {
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

    /** The content of {@code path} in the commit, tag or tree {@code rev}, if it is a file there. */
    public Optional<byte[]> readFile(ObjectId rev, String path) {
        try (RevWalk rw = new RevWalk(repo)) {
            RevTree t = rw.parseTree(rev);
            try (TreeWalk tw = TreeWalk.forPath(repo, path, t)) {
                if (tw == null || (tw.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) {
                    return Optional.empty();
                }
                return Optional.of(repo.open(tw.getObjectId(0), Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE - 8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code folder} in {@code rev} (a commit, tag or tree): path relative to the folder, to blob id and mode. */
    public Map<String, TreeFile> listFiles(ObjectId rev, String folder) {
        Map<String, TreeFile> out = new TreeMap<>();
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(rw.parseTree(rev));
            tw.setRecursive(true);
            tw.setFilter(PathFilterGroup.createFromStrings(folder));
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            while (tw.next()) {
                String p = tw.getPathString();
                if (p.startsWith(prefix)) {
                    out.put(p.substring(prefix.length()), new TreeFile(tw.getObjectId(0), tw.getFileMode(0).getBits()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file in a tree: its blob and mode bits. */
    public record TreeFile(ObjectId blob, int mode) {
        public boolean isRegularFile() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
        }

        public boolean isSymlink() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK;
        }

        public boolean isTree() {
            return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        }
    }

    /** The entry at {@code path} in {@code rev} (a commit, tag or tree): file, symbolic link or folder. */
    public Optional<TreeFile> entry(ObjectId rev, String path) {
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = TreeWalk.forPath(repo, path, rw.parseTree(rev))) {
            return tw == null ? Optional.empty() : Optional.of(new TreeFile(tw.getObjectId(0), tw.getRawMode(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The immediate entries of {@code folder} in {@code rev}, by name; empty when it is no folder there. */
    public Map<String, TreeFile> children(ObjectId rev, String folder) {
        Map<String, TreeFile> out = new TreeMap<>();
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            RevTree root = rw.parseTree(rev);
            if (folder.isEmpty()) {
                tw.addTree(root);
            } else {
                Optional<TreeFile> dir = entry(root, folder);
                if (dir.isEmpty() || !dir.get().isTree()) {
                    return out;
                }
                tw.addTree(dir.get().blob());
            }
            tw.setRecursive(false);
            while (tw.next()) {
                out.put(tw.getNameString(), new TreeFile(tw.getObjectId(0), tw.getRawMode(0)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Paths under {@code prefixes} whose entry differs between two commits or trees (added,
     * changed or removed), found by comparing tree ids so unchanged folders are skipped whole.
     */
    public java.util.SortedSet<String> changedPaths(ObjectId from, ObjectId to, Collection<String> prefixes) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(rw.parseTree(from));
            tw.addTree(rw.parseTree(to));
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
    public Optional<ObjectId> mergeBase(ObjectId a, ObjectId b) {
        try (RevWalk rw = new RevWalk(repo)) {
            rw.setRevFilter(org.eclipse.jgit.revwalk.filter.RevFilter.MERGE_BASE);
            rw.markStart(rw.parseCommit(a));
            rw.markStart(rw.parseCommit(b));
            RevCommit base = rw.next();
            return base == null ? Optional.empty() : Optional.of(base.copy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether commit {@code ancestor} is reachable from {@code commit} (or is it). */
    public boolean isAncestor(ObjectId ancestor, ObjectId commit) {
        try (RevWalk rw = new RevWalk(repo)) {
            return rw.isMergedInto(rw.parseCommit(ancestor), rw.parseCommit(commit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A commit's id and full message. */
    public record CommitInfo(ObjectId id, String message) {
        public Optional<String> trailer(String key) {
            return Trailers.find(message, key);
        }
    }

    /**
     * Commits reachable from {@code until} but not from {@code since} that changed {@code path},
     * newest first: the history of one file within a change, walked only as far as the change goes.
     */
    public List<CommitInfo> commitsTouching(ObjectId since, ObjectId until, String path) {
        try (RevWalk rw = new RevWalk(repo)) {
            rw.setTreeFilter(org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(PathFilterGroup.createFromStrings(path),
                    org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF));
            rw.markStart(rw.parseCommit(until));
            if (since != null) {
                rw.markUninteresting(rw.parseCommit(since));
            }
            List<CommitInfo> out = new ArrayList<>();
            for (RevCommit c : rw) {
                out.add(new CommitInfo(c.copy(), c.getFullMessage()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The index (what {@code git commit} would commit now) as a tree object, like {@code git
     * write-tree}: the staged content becomes readable like any commit. Unmerged entries are refused.
     */
    public ObjectId indexTree() {
        // the tree objects' temporary files go to a scratch folder, so a kill leaves none in .git/objects
        try (ScratchFolder scratch = newScratchFolder(); ObjectInserter ins = new LooseObjectInserter(repo, scratch.dir())) {
            DirCache index = repo.readDirCache();
            if (index.hasUnmergedPaths()) {
                throw new BadInputException("the index has unresolved merge conflicts; resolve them before validating staged changes");
            }
            ObjectId tree = index.writeTree(ins);
            ins.flush();
            return tree;
        } catch (org.eclipse.jgit.errors.UnmergedPathException e) {
            throw new BadInputException("the index has unresolved merge conflicts; resolve them before validating staged changes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The editor Git config names ({@code core.editor}), as {@code git commit} would read it. */
    public Optional<String> coreEditor() {
        String e = repo.getConfig().getString("core", null, "editor");
        return e == null || e.isBlank() ? Optional.empty() : Optional.of(e);
    }

    /** Where Git looks for hooks: {@code core.hooksPath} if set, else the hooks folder of the (common) Git directory. */
    public Path hooksDir() {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured.startsWith("~/") ? System.getProperty("user.home") + configured.substring(1) : configured);
            return p.isAbsolute() ? p : workTree.resolve(p).normalize();
        }
        return repo.getCommonDirectory().toPath().resolve("hooks");
    }

    public InputStream openBlob(ObjectId blob) {
        try {
            return repo.open(blob, Constants.OBJ_BLOB).openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long blobSize(ObjectId blob) {
        try {
            return repo.open(blob, Constants.OBJ_BLOB).getSize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code folder} that differ between two commits, with unified diffs. */
    public List<FileChange> diff(ObjectId from, ObjectId to, String folder) {
        try (RevWalk rw = new RevWalk(repo);
                java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
                org.eclipse.jgit.diff.DiffFormatter fmt = new org.eclipse.jgit.diff.DiffFormatter(buf)) {
            fmt.setRepository(repo);
            fmt.setPathFilter(PathFilterGroup.createFromStrings(folder));
            fmt.setDetectRenames(true);
            List<FileChange> out = new ArrayList<>();
            for (org.eclipse.jgit.diff.DiffEntry e : fmt.scan(rw.parseCommit(from).getTree(), rw.parseCommit(to).getTree())) {
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

    /** Reads the tag object behind {@code refName}; empty when the ref does not exist. */
    public Optional<TagInfo> readTag(String refName) {
        try (RevWalk rw = new RevWalk(repo)) {
            Ref ref = repo.exactRef(refName);
            if (ref == null) {
                return Optional.empty();
            }
            RevObject o = rw.parseAny(ref.getObjectId());
            String shortName = refName.startsWith(Constants.R_TAGS) ? refName.substring(Constants.R_TAGS.length()) : refName;
            if (o instanceof RevTag) {
                RevTag t = (RevTag) o;
                RevObject target = rw.peel(t);
                PersonIdent who = t.getTaggerIdent();
                return Optional.of(new TagInfo(shortName, t.copy(), target.copy(), t.getFullMessage(),
                        who == null ? "" : who.getName() + " <" + who.getEmailAddress() + ">",
                        who == null ? null : who.getWhenAsInstant()));
            }
            return Optional.of(new TagInfo(shortName, null, o.copy(), null, "", null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commit time of {@code commit}. */
    public Instant commitTime(ObjectId commit) {
        try (RevWalk rw = new RevWalk(repo)) {
            return rw.parseCommit(commit).getCommitterIdent().getWhenAsInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The actor reg records for this user: {@code user.name <user.email>} from Git config. */
    public String actor() {
        PersonIdent p = new PersonIdent(repo);
        return p.getName() + " <" + p.getEmailAddress() + ">";
    }

    /** Paths under {@code prefixes} that differ between HEAD, the index and the work tree (ignored files excluded). */
    public List<String> uncommittedPaths(Collection<String> prefixes) {
        try {
            // compares against HEAD's tree read through head(), so no lookup parses every ref
            ObjectId tree = null;
            Optional<ObjectId> h = head();
            if (h.isPresent()) {
                try (RevWalk rw = new RevWalk(repo)) {
                    tree = rw.parseCommit(h.get()).getTree().copy();
                }
            }
            org.eclipse.jgit.lib.IndexDiff diff = new org.eclipse.jgit.lib.IndexDiff(repo, tree, new FileTreeIterator(repo));
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

    // ---------------------------------------------------------------- writing

    /**
     * Publishes {@code req} all or nothing, as one {@link Change}: the commit and its tags become
     * visible in one atomic ref transaction, and only then are the work tree and index updated,
     * under a journal that {@link #recoverInterrupted()} completes if the process dies.
     *
     * @throws RefusedException when HEAD moved, a tag already exists, another process holds a lock,
     *     a merge or the like is in progress, or a path goes through a symbolic link
     */
    public CommitResult publish(CommitRequest req) {
        try (Change change = startChange()) {
            return change.publish(req);
        }
    }

    /**
     * Starts a change that may bring files into the work tree before publishing (see {@link Change}),
     * holding the index lock until it is closed.
     *
     * @throws RefusedException when the repository is in no state for reg to commit, or another process holds the lock
     */
    public Change startChange() {
        requireCommittableState();
        String branch = currentBranchForWrite();
        return new Change(this, ChangeLock.acquire(gitDir(), repo.getIndexFile().toPath()), branch);
    }

    /**
     * Checks, before any work, that reg may write {@code paths} (repository paths of files or
     * folders): the repository is not in the middle of a merge or the like, and no path goes through
     * a symbolic link.
     */
    public void requireWritable(Collection<String> paths) {
        requireCommittableState();
        requireNoLinks(paths);
    }

    /**
     * Refuses a commit while Git is in the middle of a merge, rebase, cherry-pick, revert or
     * {@code git am}: reg commits only its own paths, and Git refuses such partial commits then.
     */
    private void requireCommittableState() {
        RepositoryState state = repo.getRepositoryState();
        String operation = switch (state) {
            case MERGING, MERGING_RESOLVED -> "merge";
            case CHERRY_PICKING, CHERRY_PICKING_RESOLVED -> "cherry-pick";
            case REVERTING, REVERTING_RESOLVED -> "revert";
            case REBASING, REBASING_REBASING, REBASING_MERGE, REBASING_INTERACTIVE -> "rebase";
            case APPLY -> "patch application (git am)";
            default -> null;
        };
        if (operation != null) {
            throw new RefusedException("a " + operation + " is in progress (" + state.getDescription()
                    + "); Git refuses partial commits until it is finished, and so does reg — finish or abort it"
                    + " (e.g. 'git " + (operation.startsWith("patch") ? "am" : operation) + " --continue' or '--abort'), then run reg again; nothing was changed");
        }
    }

    /**
     * Refuses a write whose path passes through a symbolic link (the path itself or a folder above
     * it): a committed link to a folder outside the repository would have reg write there.
     */
    void requireNoLinks(Collection<String> paths) {
        for (String p : paths) {
            Optional<String> link = SymbolicLinks.firstLink(workTree, p);
            if (link.isPresent()) {
                String target;
                try {
                    target = " (to " + Files.readSymbolicLink(workTree.resolve(link.get())) + ")";
                } catch (IOException e) {
                    target = "";
                }
                throw new RefusedException(link.get() + " is a symbolic link" + target + "; reg writes " + p
                        + " only inside the repository and never through a link — replace the link with the folder or file itself;"
                        + " nothing was changed");
            }
        }
    }

    /**
     * A new folder for temporary files of this process (say, sorting an eval run), removed by the
     * caller when done or, if the process dies, by the next recovery.
     */
    public ScratchFolder newScratchFolder() {
        return new ScratchFolder(ChangeLock.newScratchFolder(gitDir()));
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
            FileTreeIterator fti = new FileTreeIterator(repo);
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

    void sign(ObjectBuilder builder, GpgConfig gpg, PersonIdent me, String what) {
        Signer signer = Signers.get(gpg.getKeyFormat());
        if (signer == null) {
            throw new BadInputException("Git config asks to sign (" + what + ") with gpg.format=" + gpg.getKeyFormat()
                    + ", but no signer for that format is available; set the config off or install a signer");
        }
        try {
            if (!signer.canLocateSigningKey(repo, gpg, me, gpg.getSigningKey(), null)) {
                throw new BadInputException("Git config asks to sign (" + what + "), but no signing key was found for "
                        + (gpg.getSigningKey() != null ? gpg.getSigningKey() : me.getEmailAddress())
                        + "; set user.signingKey or turn tag.gpgSign/commit.gpgSign off");
            }
            signer.signObject(repo, gpg, builder, me, gpg.getSigningKey(), null);
        } catch (BadInputException e) {
            throw e;
        } catch (Exception e) {
            throw new BadInputException("cannot sign " + what + ": " + e.getMessage(), e);
        }
    }

    private String currentBranchForWrite() {
        try {
            Ref head = repo.exactRef(Constants.HEAD);
            if (head == null || !head.isSymbolic()) {
                throw new RefusedException("HEAD is detached; check out a branch before running a command that commits");
            }
            return head.getTarget().getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Completes or discards the changes a crash or kill interrupted: one whose commit was published
     * gets the work-tree files and index it still owed; one that was not has what it left behind
     * removed. Returns a description of what was done, or empty when there was nothing to recover.
     */
    public Optional<String> recoverInterrupted() {
        return Recovery.run(this);
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
