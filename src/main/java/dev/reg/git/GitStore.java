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
 * A Git repository with a work tree, as reg uses it: opening (or creating) it, the user's identity
 * and editor, and the parts reg reads and writes it through — refs by name ({@link RefReader}),
 * files at a revision ({@link TreeReader}), history ({@link CommitHistory}), the work tree against
 * HEAD ({@link WorkTreeStatus}) and the one way of writing ({@link Publisher}). The {@code git}
 * package is the only place reg talks to JGit.
 */
public final class GitStore implements AutoCloseable {
    private final Repository repo;
    private final Path workTree;
    private final RefReader refs;
    private final TreeReader trees;
    private final CommitHistory history;
    private final WorkTreeStatus status;
    private final Publisher publisher;

    private GitStore(Repository repo) {
        this.repo = repo;
        this.workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        this.refs = new RefReader(this);
        this.trees = new TreeReader(this);
        this.history = new CommitHistory(this);
        this.status = new WorkTreeStatus(this);
        this.publisher = new Publisher(this);
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

    /**
     * Closes the object and ref databases, as {@code Repository.close()} does for a repository that
     * is not in JGit's {@code RepositoryCache} (reg never puts one there). Asking the cache whether
     * it holds this one would create it, and with it a scheduler thread, at the end of every run.
     */
    @Override
    public void close() {
        repo.getObjectDatabase().close();
        repo.getRefDatabase().close();
    }

    /** Whether this is a shallow clone: history cut off at the commits {@code .git/shallow} names ({@code git clone --depth}). */
    public boolean isShallow() {
        try {
            return !repo.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The branch HEAD is on ({@code main}); empty when HEAD is detached at a commit. */
    public Optional<String> branch() {
        try {
            String full = repo.getFullBranch();
            return full != null && full.startsWith(Constants.R_HEADS) ? Optional.of(full.substring(Constants.R_HEADS.length())) : Optional.empty();
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

    /** The actor reg records for this user: {@code user.name <user.email>} from Git config. */
    public String actor() {
        PersonIdent p = new PersonIdent(repo);
        return p.getName() + " <" + p.getEmailAddress() + ">";
    }

    public RefReader refs() {
        return refs;
    }

    public TreeReader trees() {
        return trees;
    }

    public CommitHistory history() {
        return history;
    }

    public WorkTreeStatus status() {
        return status;
    }

    public Publisher publisher() {
        return publisher;
    }
}
