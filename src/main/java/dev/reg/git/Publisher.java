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
 * The one way reg writes: a {@link CommitRequest} published as a commit plus tags in a single atomic
 * ref transaction ({@link Change}), signing as Git config asks, the checks that come before any
 * write, scratch folders, and recovery of changes a crash interrupted.
 */
public final class Publisher {
    private final GitStore store;
    private final Repository repo;
    private RemotePublisher.Attempt remoteAttempt;

    Publisher(GitStore store) {
        this.store = store;
        this.repo = store.repository();
    }

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

    /** The publication to a remote under way, if any: changes are then built on its remote tip and pushed first. */
    RemotePublisher.Attempt remoteAttempt() {
        return remoteAttempt;
    }

    void remoteAttempt(RemotePublisher.Attempt attempt) {
        this.remoteAttempt = attempt;
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
        return new Change(store, ChangeLock.acquire(store.gitDir(), repo.getIndexFile().toPath()), branch);
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
            Optional<String> link = SymbolicLinks.firstLink(store.workTree(), p);
            if (link.isPresent()) {
                String target;
                try {
                    target = " (to " + Files.readSymbolicLink(store.workTree().resolve(link.get())) + ")";
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
        return new ScratchFolder(ChangeLock.newScratchFolder(store.gitDir()));
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

    String currentBranchForWrite() {
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
        return Recovery.run(store);
    }
}
