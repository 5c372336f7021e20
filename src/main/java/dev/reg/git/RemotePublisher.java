package dev.reg.git;

import dev.reg.AlreadyPublishedException;
import dev.reg.RefusedException;
import dev.reg.git.Change.Catchup;
import dev.reg.git.Change.Prepared;
import dev.reg.git.remote.PushOutcome;
import dev.reg.git.remote.PushRequest;
import dev.reg.git.remote.RegTags;
import dev.reg.git.remote.RemoteAccessException;
import dev.reg.git.remote.RemoteRef;
import dev.reg.git.remote.RemoteRefs;
import dev.reg.git.remote.RemoteSettings;
import dev.reg.git.remote.RemoteTarget;
import dev.reg.git.remote.Remotes;
import dev.reg.git.remote.TagComparison;
import dev.reg.util.Faults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Publishes a change to a shared remote ({@code --push}): the remote's branch and reg tags are
 * fetched (objects only, no local ref moves), the service plans its change on that tip (the
 * {@link ChangeBase} stands in for HEAD and the tags), the commit and tags are written as objects,
 * and the branch and the new tags go in one atomic push whose branch update expects the tip the
 * change was built on and whose tags expect to be absent. Only when the remote accepted do the
 * local branch, tags and work tree move; a lost race leaves the clone as it was and the change is
 * planned again on the new tip (a release number taken becomes the next one), a bounded number of
 * times with jittered back-off. A change whose work-tree folders moved on the remote (a version
 * someone else published first) is refused, naming who and when.
 */
public final class RemotePublisher implements AutoCloseable {
    /** How many times a change is planned and pushed before reg gives up on a remote that keeps moving. */
    static final int MAX_ATTEMPTS = 12;

    private final GitStore store;
    private final Remotes remotes;
    private final RemoteTarget target;
    private final String branch;
    private final Random random = new Random();

    private RemotePublisher(GitStore store, Remotes remotes, RemoteTarget target, String branch) {
        this.store = store;
        this.remotes = remotes;
        this.target = target;
        this.branch = branch;
    }

    /**
     * Publication of {@code store}'s current branch to {@code remote} (a configured remote's name or
     * a URL), reached with the user's Git and ssh setup and {@code env} (credential helpers run in it).
     */
    public static RemotePublisher open(GitStore store, String remote, Map<String, String> env) {
        String branch = store.publisher().currentBranchForWrite();
        Remotes remotes = Remotes.open(store.workTree(), RemoteSettings.fromEnvironment(env));
        try {
            return new RemotePublisher(store, remotes, remotes.resolve(remote), branch);
        } catch (RuntimeException e) {
            remotes.close();
            throw e;
        }
    }

    /** The remote's name or redacted URL. */
    public String label() {
        return target.label();
    }

    private String shortBranch() {
        return Repository.shortenRefName(branch);
    }

    // ---------------------------------------------------------------- a change, planned on the remote tip

    /**
     * Runs {@code change} (a writing service's one call) planned on the remote's tip and publishes
     * what it commits there first, then here. A lost race runs it again on the new tip.
     *
     * @throws RefusedException when the clone has unpublished or conflicting work, a version was
     *     published by someone else first, the remote refused or could not be reached; the clone is unchanged
     */
    public <T> Published<T> run(Supplier<T> change) {
        List<String> lost = new ArrayList<>();
        RaceLost pending = null;
        for (int attempt = 1;; attempt++) {
            RemoteRefs snapshot = snapshot();
            ObjectId tip = snapshot.branchTip(branch).orElse(null);
            if (pending != null) {
                lost.add(describeLoss(pending, tip, snapshot));
                pending = null;
            }
            ObjectId local = store.refs().headId().orElse(null);
            Map<String, ObjectId> catchup = catchup(local, tip);
            Attempt a = new Attempt(snapshot, tip, local, catchup);
            store.refs().planOn(new ChangeBase(tip, snapshot.regTags()));
            store.publisher().remoteAttempt(a);
            try {
                T value = change.get();
                return new Published<>(value, Optional.of(a.report(lost, Optional.empty())));
            } catch (RaceLost e) {
                pending = e;
                if (attempt >= MAX_ATTEMPTS) {
                    throw new RefusedException(label() + " kept moving: " + attempt + " attempts each lost a race to another"
                            + " publisher; nothing was changed here — run the command again");
                }
                sleep(attempt);
            } catch (RefusedException e) {
                if (lost.isEmpty()) {
                    throw e;
                }
                throw new RefusedException(String.join("\n", lost.stream().map(l -> "lost a race: " + l).toList()) + "\n" + e.getMessage(), e);
            } catch (AlreadyPublishedException e) {
                if (lost.isEmpty() && Objects.equals(local, tip)) {
                    throw e; // asked for directly: nothing new, as without --push
                }
                return new Published<>(null, Optional.of(a.report(lost, Optional.of(e.getMessage() + " — published first on "
                        + label() + " (" + e.byWhom() + "); nothing more to do"))));
            } finally {
                store.refs().planOn(null);
                store.publisher().remoteAttempt(null);
            }
        }
    }

    /** Jittered exponential back-off: about 50 ms, 100 ms, … up to about 1.6 s. */
    private void sleep(int attempt) {
        long ms = 25L << Math.min(attempt, 6);
        try {
            Thread.sleep(ms / 2 + (long) (random.nextDouble() * ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefusedException("interrupted while waiting to retry; nothing was changed here");
        }
    }

    private RemoteRefs snapshot() {
        try {
            return remotes.snapshotWithObjects(target, branch);
        } catch (RemoteAccessException e) {
            throw new RefusedException("cannot reach " + label() + ": " + e.getMessage() + "; nothing was changed", e);
        }
    }

    /**
     * The files the remote changed since the local HEAD (path to blob at the tip; null: removed),
     * which the clone takes along with the change. Refuses when the local branch has commits the
     * remote lacks.
     */
    private Map<String, ObjectId> catchup(ObjectId local, ObjectId tip) {
        if (Objects.equals(local, tip)) {
            return Map.of();
        }
        if (tip == null) {
            throw new RefusedException(label() + " has no branch " + shortBranch() + " yet; publish this clone's history first with"
                    + " 'reg push " + label() + "', then run the command again; nothing was changed");
        }
        if (local == null) {
            throw new RefusedException("this clone's branch " + shortBranch() + " has no commits; clone " + label()
                    + " to work on it; nothing was changed");
        }
        try (RevWalk rw = new RevWalk(store.repository())) {
            RevCommit l = rw.parseCommit(local);
            RevCommit t = rw.parseCommit(tip);
            if (!rw.isMergedInto(l, t)) {
                boolean ahead = rw.isMergedInto(t, l);
                throw new RefusedException("this clone's " + shortBranch() + " has commits " + label() + " does not have"
                        + (ahead ? "" : ", and " + label() + " has commits this clone does not") + "; the change is built on "
                        + label() + "'s tip, so publish yours first: " + (ahead ? "" : "'git pull --rebase', then ")
                        + "'reg push " + label() + "', then run the command again; nothing was changed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ObjectId> out = new TreeMap<>();
        try (RevWalk rw = new RevWalk(store.repository()); TreeWalk tw = new TreeWalk(store.repository())) {
            tw.addTree(rw.parseCommit(local).getTree());
            tw.addTree(rw.parseCommit(tip).getTree());
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                out.put(tw.getPathString(), tw.getRawMode(1) == 0 ? null : tw.getObjectId(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Refuses when the user has uncommitted work in a file the clone would take from the remote. */
    private void requireCatchupClean(Map<String, ObjectId> files) {
        List<String> dirty = files.isEmpty() ? List.of() : store.status().uncommittedPaths(files.keySet());
        if (!dirty.isEmpty()) {
            throw new RefusedException(label() + " changed " + String.join(", ", dirty.subList(0, Math.min(5, dirty.size())))
                    + (dirty.size() > 5 ? " and " + (dirty.size() - 5) + " more" : "") + " since this clone last took it, and you have"
                    + " uncommitted changes there; commit or stash them, 'git pull', then run the command again; nothing was changed");
        }
    }

    /** A push the remote refused because it moved on: planned again on the new tip. */
    private static final class RaceLost extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ObjectId builtOn;
        final transient PushOutcome.Rejected rejected;

        RaceLost(ObjectId builtOn, PushOutcome.Rejected rejected) {
            super(null, null, false, false);
            this.builtOn = builtOn;
            this.rejected = rejected;
        }
    }

    /** One line for the user: what got to the remote first. */
    private String describeLoss(RaceLost lost, ObjectId newTip, RemoteRefs now) {
        List<String> parts = new ArrayList<>();
        if (newTip != null && !newTip.equals(lost.builtOn)) {
            List<String> commits = new ArrayList<>();
            int more = 0;
            try (RevWalk rw = new RevWalk(store.repository())) {
                rw.markStart(rw.parseCommit(newTip));
                if (lost.builtOn != null) {
                    rw.markUninteresting(rw.parseCommit(lost.builtOn));
                }
                for (RevCommit c : rw) {
                    if (commits.size() < 3) {
                        commits.add("'" + c.getShortMessage() + "' by " + who(c.getAuthorIdent()));
                    } else {
                        more++;
                    }
                }
            } catch (IOException e) {
                commits.add("new commits");
            }
            parts.add(String.join(", ", commits) + (more > 0 ? " and " + more + " more" : ""));
        }
        for (PushOutcome.TagTaken t : lost.rejected.tagsTaken()) {
            parts.add("tag " + t.tag() + " was taken");
        }
        return label() + " got " + (parts.isEmpty() ? "another update" : String.join("; ", parts))
                + " first; planned again on its new tip";
    }

    private static String who(PersonIdent p) {
        return p.getName() + " <" + p.getEmailAddress() + "> at " + p.getWhenAsInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * One planning of the change on one remote tip: {@link Change#publish} hands its request here,
     * which pushes it and, once the remote accepted, applies it locally.
     */
    final class Attempt {
        private final RemoteRefs snapshot;
        private final ObjectId tip;
        private final ObjectId local;
        private final Map<String, ObjectId> catchup;
        private PushOutcome.Accepted accepted;
        private CommitResult result;

        Attempt(RemoteRefs snapshot, ObjectId tip, ObjectId local, Map<String, ObjectId> catchup) {
            this.snapshot = snapshot;
            this.tip = tip;
            this.local = local;
            this.catchup = catchup;
        }

        CommitResult publish(Change change, CommitRequest req) throws IOException {
            if (result != null) {
                throw new IllegalStateException("one change per publication");
            }
            if (!Objects.equals(tip, GitId.objectIdOrNull(req.expectedHead()))) {
                throw new IllegalStateException("the change was not planned on " + label() + "'s tip");
            }
            List<String> moved = catchup.keySet().stream().filter(p -> under(p, req.folders())).toList();
            if (!moved.isEmpty()) {
                throw conflict(req.folders(), moved);
            }
            for (TagSpec t : req.tags()) {
                if (store.refs().existsLocally(t.refName())) {
                    throw new RefusedException("tag " + t.name() + " exists in this clone but not on " + label() + "; publish it with 'reg push "
                            + label() + "' or remove it ('git tag -d " + t.name() + "'), then run the command again; nothing was changed");
                }
            }
            Map<String, ObjectId> files = new TreeMap<>(catchup);
            files.keySet().removeIf(path -> under(path, req.folders()));
            requireCatchupClean(files);
            Prepared p = change.prepare(req, tip);
            Map<String, ObjectId> tags = new LinkedHashMap<>();
            p.tagIds().forEach((ref, id) -> tags.put(ref.substring(RegTags.PREFIX.length()), id));
            Faults.check("before-push");
            PushOutcome o = remotes.atomicPush(target, new PushRequest(branch, tip, p.commit(), tags));
            if (o instanceof PushOutcome.Rejected r) {
                if (!r.tagsLeftOnRemote().isEmpty()) {
                    throw partial(r.tagsLeftOnRemote(), r.serverMessage());
                }
                if (r.branchMoved().isPresent() || !r.tagsTaken().isEmpty()) {
                    throw new RaceLost(tip, r);
                }
                throw new RefusedException(label() + " refused the push: " + r.serverMessage().orElse("no reason given")
                        + "; nothing was changed here or on " + label());
            }
            if (o instanceof PushOutcome.Failed f) {
                throw failed(f);
            }
            accepted = (PushOutcome.Accepted) o;
            Map<String, ObjectId> theirTags = new TreeMap<>();
            for (RemoteRef r : snapshot.regTags().values()) {
                if (!store.refs().existsLocally(r.name()) && !p.tagIds().containsKey(r.name())) {
                    theirTags.put(r.name(), r.id());
                }
            }
            try {
                result = change.apply(p, local, new Catchup(files, theirTags));
            } catch (RefusedException e) {
                throw new RefusedException(label() + " accepted the change (" + shortBranch() + " at " + p.commit().name().substring(0, 12)
                        + "), but this clone could not take it: " + e.getMessage() + " — run 'git pull' to bring it in", e);
            }
            return result;
        }

        PushReport report(List<String> lost, Optional<String> alreadyDone) {
            boolean atomic = accepted == null || accepted.mode() == PushOutcome.Mode.ATOMIC;
            return new PushReport(label(), shortBranch(), atomic, result == null ? null : result.commit().name(),
                    result == null ? List.of() : result.tags(), lost, accepted != null && accepted.confirmedAfterConnectionLoss(),
                    alreadyDone, result == null ? 0 : catchup.size());
        }

        /** The change takes folders from the work tree that the remote changed since this clone last took them. */
        private RefusedException conflict(List<String> folders, List<String> moved) {
            String what = "";
            try (RevWalk rw = new RevWalk(store.repository())) {
                rw.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(folders), TreeFilter.ANY_DIFF));
                rw.markStart(rw.parseCommit(tip));
                if (local != null) {
                    rw.markUninteresting(rw.parseCommit(local));
                }
                RevCommit newest = rw.next();
                if (newest != null) {
                    List<String> tagged = new ArrayList<>();
                    snapshot.regTags().forEach((name, ref) -> {
                        if (ref.target().equals(newest)) {
                            tagged.add(name.substring(RegTags.PREFIX.length()));
                        }
                    });
                    what = (tagged.isEmpty() ? "'" + newest.getShortMessage() + "'" : String.join(", ", tagged)) + " was published by "
                            + who(newest.getAuthorIdent()) + (tagged.isEmpty() ? "" : " ('" + newest.getShortMessage() + "')") + "; ";
                }
            } catch (IOException e) {
                what = "";
            }
            String folderText = String.join(", ", folders);
            return new RefusedException(folderText + " changed on " + label() + " since this clone last took it: " + what
                    + "nothing was changed here or on " + label() + ". Take it with 'git pull' (merging your edits to " + folderText
                    + " if you have any), then run the command again.");
        }
    }

    private static boolean under(String path, List<String> folders) {
        for (String f : folders) {
            if (path.equals(f) || path.startsWith(f.endsWith("/") ? f : f + "/")) {
                return true;
            }
        }
        return false;
    }

    private RefusedException partial(List<String> tagsLeft, Optional<String> said) {
        return new RefusedException(label() + " does not offer atomic pushes, and after the tags " + String.join(", ", tagsLeft)
                + " were created there its branch " + shortBranch() + " refused to move (" + said.orElse("it moved meanwhile")
                + "); nothing was changed here. Those tags on " + label() + " name a commit that is not on its branch:"
                + " run 'reg fetch " + label() + "' and check them before publishing again");
    }

    private RefusedException failed(PushOutcome.Failed f) {
        String state = switch (f.remoteState()) {
            case UNCHANGED -> label() + " is unchanged — run the command again when it can be reached";
            case PARTIAL -> label() + " has only part of it (tags " + String.join(", ", f.tagsLeftOnRemote())
                    + " were created before the failure) — run 'reg fetch " + label() + "' and check them before publishing again";
            case UNKNOWN -> "whether the push reached " + label() + " is unknown — run 'reg fetch " + label()
                    + "' (or 'git fetch') to see; if it landed, 'git pull' brings it in, otherwise run the command again";
        };
        return new RefusedException("could not publish to " + label() + ": " + f.message() + "; nothing was changed in this clone, and "
                + state);
    }

    // ---------------------------------------------------------------- reg push: what is already committed

    /**
     * Publishes the local branch and the reg tags the remote does not have, in one atomic push: the
     * branch expects the remote tip (a fast-forward only), the tags expect to be absent. A local tag
     * that differs from the remote's is refused, never overwritten.
     */
    public PushReport pushCommitted() {
        RemoteRefs snapshot = snapshot();
        ObjectId tip = snapshot.branchTip(branch).orElse(null);
        ObjectId local = store.refs().headId().orElseThrow(() -> new RefusedException("this clone's branch " + shortBranch()
                + " has no commits; nothing to push"));
        TagComparison tags = remotes.compareTags(snapshot);
        if (!tags.differing().isEmpty()) {
            List<String> names = tags.differing().stream().map(TagComparison.Difference::tag).toList();
            throw new RefusedException("tag" + (names.size() == 1 ? " " : "s ") + String.join(", ", names) + " differ"
                    + (names.size() == 1 ? "s" : "") + " from " + label() + "'s; reg never overwrites a published tag. Keep "
                    + label() + "'s: 'git tag -d " + names.get(0) + "' and 'reg fetch " + label() + "'; nothing was pushed");
        }
        boolean behind;
        try (RevWalk rw = new RevWalk(store.repository())) {
            behind = tip != null && !tip.equals(local) && rw.isMergedInto(rw.parseCommit(local), rw.parseCommit(tip));
            if (tip != null && !behind && !rw.isMergedInto(rw.parseCommit(tip), rw.parseCommit(local))) {
                throw new RefusedException(label() + " has commits this clone does not have; 'git pull --rebase', then 'reg push "
                        + label() + "' again; nothing was pushed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ObjectId> newTags = new TreeMap<>();
        try {
            for (String t : tags.onlyLocal()) {
                Ref r = store.repository().exactRef(RegTags.PREFIX + t);
                if (r != null && r.getObjectId() != null) {
                    newTags.put(t, r.getObjectId());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectId newTip = behind ? tip : local;
        if (Objects.equals(newTip, tip) && newTags.isEmpty()) {
            return new PushReport(label(), shortBranch(), true, null, List.of(), List.of(), false, Optional.empty(), 0);
        }
        PushOutcome o = remotes.atomicPush(target, new PushRequest(branch, tip, newTip, newTags));
        if (o instanceof PushOutcome.Rejected r) {
            if (!r.tagsLeftOnRemote().isEmpty()) {
                throw partial(r.tagsLeftOnRemote(), r.serverMessage());
            }
            if (!r.tagsTaken().isEmpty()) {
                throw new RefusedException("tag " + r.tagsTaken().get(0).tag() + " was published on " + label()
                        + " by someone else meanwhile, with other content; nothing was pushed. Keep theirs: 'git tag -d "
                        + r.tagsTaken().get(0).tag() + "' and 'reg fetch " + label() + "'");
            }
            if (r.branchMoved().isPresent()) {
                throw new RefusedException(label() + "'s " + shortBranch() + " moved meanwhile; nothing was pushed. 'git pull --rebase',"
                        + " then 'reg push " + label() + "' again");
            }
            throw new RefusedException(label() + " refused the push: " + r.serverMessage().orElse("no reason given") + "; nothing was pushed");
        }
        if (o instanceof PushOutcome.Failed f) {
            throw failed(f);
        }
        PushOutcome.Accepted a = (PushOutcome.Accepted) o;
        return new PushReport(label(), shortBranch(), a.mode() == PushOutcome.Mode.ATOMIC, Objects.equals(newTip, tip) ? null : newTip.name(),
                List.copyOf(newTags.keySet()), List.of(), a.confirmedAfterConnectionLoss(), Optional.empty(), 0);
    }

    @Override
    public void close() {
        remotes.close();
    }
}
