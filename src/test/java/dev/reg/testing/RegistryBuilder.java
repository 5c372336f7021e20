package dev.reg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * Writes a test repository's history directly with JGit, in the spirit of JGit's {@code TestRepository}:
 * blobs, trees, commits and annotated tags go straight into the object database and the refs move in
 * one batch, with no command of reg's run. Tests that are not about {@code reg init} or {@code reg add}
 * get their registries this way (see {@link RegistryFixtures}); the CLI tests keep running the CLI.
 *
 * <p>The tree of each commit is the previous one plus the files written since; {@link #checkout()}
 * writes the last commit's files and a clean index, as a clone would.
 */
public final class RegistryBuilder implements AutoCloseable {
    private final Path root;
    private final Repository repo;
    private final Map<String, byte[]> tree = new TreeMap<>();
    private final Map<String, String> pendingTags = new LinkedHashMap<>();
    private final PersonIdent who;
    private ObjectId head;

    private RegistryBuilder(Path root, Repository repo) {
        this.root = root;
        this.repo = repo;
        this.who = new PersonIdent(TestEnv.USER_NAME, TestEnv.USER_EMAIL);
    }

    /** A new, empty repository in {@code dir} (branch {@code main}, the test identity), as {@code git init} makes it. */
    public static RegistryBuilder init(Path dir) {
        TestEnv.home();
        try {
            Files.createDirectories(dir);
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            return new RegistryBuilder(dir, git.getRepository());
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException("cannot create a repository in " + dir, e);
        }
    }

    /** Sets {@code path} (relative, with {@code /}) to {@code content} in the next commit's tree. */
    public RegistryBuilder file(String path, byte[] content) {
        tree.put(path, content.clone());
        return this;
    }

    public RegistryBuilder file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Commits the tree as it now is on top of the last commit, and annotates it with the tags asked for since. */
    public RegistryBuilder commit(String message) {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder b = index.builder();
            for (Map.Entry<String, byte[]> f : tree.entrySet()) {
                DirCacheEntry e = new DirCacheEntry(f.getKey());
                e.setFileMode(FileMode.REGULAR_FILE);
                e.setObjectId(ins.insert(Constants.OBJ_BLOB, f.getValue()));
                b.add(e);
            }
            b.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(ins));
            if (head != null) {
                c.setParentId(head);
            }
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(message);
            ObjectId commit = ins.insert(c);
            BatchRefUpdate refs = repo.getRefDatabase().newBatchUpdate();
            refs.setAtomic(true);
            refs.setRefLogIdent(who);
            refs.setRefLogMessage("commit: " + message.lines().findFirst().orElse(""), false);
            refs.addCommand(new ReceiveCommand(head == null ? ObjectId.zeroId() : head, commit, Constants.R_HEADS + "main"));
            for (Map.Entry<String, ObjectId> t : tags(ins, commit).entrySet()) {
                refs.addCommand(new ReceiveCommand(ObjectId.zeroId(), t.getValue(), t.getKey()));
            }
            ins.flush();
            try (RevWalk rw = new RevWalk(repo)) {
                refs.execute(rw, NullProgressMonitor.INSTANCE);
            }
            for (ReceiveCommand r : refs.getCommands()) {
                if (r.getResult() != ReceiveCommand.Result.OK) {
                    throw new IllegalStateException("could not update " + r.getRefName() + ": " + r.getResult());
                }
            }
            head = commit;
            pendingTags.clear();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An annotated tag {@code name} with {@code message} on the next commit. */
    public RegistryBuilder tag(String name, String message) {
        pendingTags.put(name, message.endsWith("\n") ? message : message + "\n");
        return this;
    }

    private Map<String, ObjectId> tags(ObjectInserter ins, ObjectId commit) throws IOException {
        Map<String, ObjectId> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : pendingTags.entrySet()) {
            TagBuilder t = new TagBuilder();
            t.setTag(p.getKey());
            t.setObjectId(commit, Constants.OBJ_COMMIT);
            t.setTagger(who);
            t.setMessage(p.getValue());
            out.put(Constants.R_TAGS + p.getKey(), ins.insert(t));
        }
        return out;
    }

    /** Writes the last commit's files into the work tree and a clean index for them; the repository is then ready to use. */
    public TestRegistry checkout() {
        try (RevWalk rw = new RevWalk(repo)) {
            DirCache index = repo.lockDirCache();
            DirCacheCheckout co = new DirCacheCheckout(repo, index, rw.parseCommit(head).getTree());
            co.setFailOnConflict(true);
            co.checkout();
            return TestRegistry.open(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
