package dev.reg.git.remote;

import dev.reg.git.remote.PushOutcome.Accepted;
import dev.reg.git.remote.PushOutcome.BranchMoved;
import dev.reg.git.remote.PushOutcome.Failed;
import dev.reg.git.remote.PushOutcome.Mode;
import dev.reg.git.remote.PushOutcome.Rejected;
import dev.reg.git.remote.PushOutcome.RemoteState;
import dev.reg.git.remote.PushOutcome.TagTaken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * The atomic push behind {@code --push}: the transport JGit's {@code PushCommand} uses, with
 * {@link RemoteRefUpdate}s built directly so each carries its expected old value (the branch: the
 * tip the change was built on; a tag: absent). A rejection is explained from the remote's refs; a
 * server without the atomic capability is detected (JGit refuses before sending anything) and gets
 * tags first, then the branch.
 */
final class RemotePush {
    private final Remotes remotes;
    private final Connections connections;

    RemotePush(Remotes remotes) {
        this.remotes = remotes;
        this.connections = remotes.connections();
    }

    PushOutcome push(RemoteTarget remote, PushRequest req) {
        Repository repo = remotes.repository();
        requireObjects(repo, req);
        List<RemoteRefUpdate> updates = new ArrayList<>();
        updates.add(branchUpdate(repo, remote, req));
        for (Map.Entry<String, ObjectId> t : req.newTags().entrySet()) {
            updates.add(tagUpdate(repo, t.getKey(), t.getValue()));
        }
        PushResult result;
        try (Transport t = connections.open(repo, remote.pushUrl())) {
            t.setPushAtomic(true);
            result = t.push(NullProgressMonitor.INSTANCE, updates);
        } catch (TransportException e) {
            if (atomicUnsupported(e)) {
                return tagsThenBranch(remote, req);
            }
            return failed(Mode.ATOMIC, remote, req, connections.classify(remote.pushUrl(), e), List.of());
        } catch (NotSupportedException e) {
            return failed(Mode.ATOMIC, remote, req, connections.classify(remote.pushUrl(), e), List.of());
        } catch (RemoteAccessException e) {
            return failed(Mode.ATOMIC, remote, req, e, List.of());
        }
        connections.credentials().approve();
        if (updates.stream().allMatch(RemotePush::landed)) {
            return new Accepted(Mode.ATOMIC, req.newTip(), List.copyOf(req.newTags().keySet()), false);
        }
        return explainRejection(Mode.ATOMIC, remote, req, result, List.of());
    }

    /** JGit checks the server's capabilities before it sends a command, so the remote is untouched. */
    private static boolean atomicUnsupported(TransportException e) {
        String msg = e.getMessage();
        return msg != null && msg.endsWith(JGitText.get().atomicPushNotSupported);
    }

    /**
     * For a server without atomic pushes: look first (refuse early if the branch moved or a tag is
     * taken), then create the tags (each create-only), then move the branch (expecting its old tip).
     * Tags before the branch: a branch never points at a version whose tag is someone else's.
     */
    private PushOutcome tagsThenBranch(RemoteTarget remote, PushRequest req) {
        Repository repo = remotes.repository();
        Optional<Rejected> early;
        try {
            early = conflicts(Mode.TAGS_THEN_BRANCH, req, lookup(remote, req), List.of(), Optional.empty());
        } catch (RemoteAccessException e) {
            return failed(Mode.TAGS_THEN_BRANCH, remote, req, e, List.of());
        }
        if (early.isPresent()) {
            return early.get();
        }
        List<String> created = new ArrayList<>();
        if (!req.newTags().isEmpty()) {
            List<RemoteRefUpdate> tags = new ArrayList<>();
            req.newTags().forEach((name, id) -> tags.add(tagUpdate(repo, name, id)));
            PushResult r;
            try (Transport t = connections.open(repo, remote.pushUrl())) {
                r = t.push(NullProgressMonitor.INSTANCE, tags);
            } catch (TransportException | NotSupportedException e) {
                return failed(Mode.TAGS_THEN_BRANCH, remote, req, connections.classify(remote.pushUrl(), e), List.of());
            } catch (RemoteAccessException e) {
                return failed(Mode.TAGS_THEN_BRANCH, remote, req, e, List.of());
            }
            for (RemoteRefUpdate u : tags) {
                if (landed(u)) {
                    created.add(Remotes.shortTag(u.getRemoteName()));
                }
            }
            if (created.size() < tags.size()) {
                return explainRejection(Mode.TAGS_THEN_BRANCH, remote, req, r, created);
            }
        }
        RemoteRefUpdate branch = branchUpdate(repo, remote, req);
        PushResult r;
        try (Transport t = connections.open(repo, remote.pushUrl())) {
            r = t.push(NullProgressMonitor.INSTANCE, List.of(branch));
        } catch (TransportException | NotSupportedException e) {
            return failed(Mode.TAGS_THEN_BRANCH, remote, req, connections.classify(remote.pushUrl(), e), created);
        } catch (RemoteAccessException e) {
            return failed(Mode.TAGS_THEN_BRANCH, remote, req, e, created);
        }
        connections.credentials().approve();
        if (landed(branch)) {
            return new Accepted(Mode.TAGS_THEN_BRANCH, req.newTip(), List.copyOf(req.newTags().keySet()), false);
        }
        return explainRejection(Mode.TAGS_THEN_BRANCH, remote, req, r, created);
    }

    private static boolean landed(RemoteRefUpdate u) {
        return u.getStatus() == RemoteRefUpdate.Status.OK || u.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE;
    }

    private static RemoteRefUpdate branchUpdate(Repository repo, RemoteTarget remote, PushRequest req) {
        try {
            String tracking = RemoteFetch.trackingRef(remote, req.branchRef()).orElse(null);
            return new RemoteRefUpdate(repo, null, req.newTip(), req.branchRef(), false, tracking,
                    req.expectedRemoteTip() == null ? ObjectId.zeroId() : req.expectedRemoteTip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RemoteRefUpdate tagUpdate(Repository repo, String tag, ObjectId id) {
        try {
            return new RemoteRefUpdate(repo, null, id, RegTags.PREFIX + tag, false, null, ObjectId.zeroId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireObjects(Repository repo, PushRequest req) {
        try (ObjectReader reader = repo.newObjectReader()) {
            if (!reader.has(req.newTip())) {
                throw new IllegalArgumentException("commit " + req.newTip().name() + " is not in the local repository");
            }
            for (Map.Entry<String, ObjectId> t : req.newTags().entrySet()) {
                if (!reader.has(t.getValue())) {
                    throw new IllegalArgumentException("tag object " + t.getValue().name() + " for " + t.getKey()
                            + " is not in the local repository");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The branch and the requested tags as the remote has them now. */
    private RemoteRefs lookup(RemoteTarget remote, PushRequest req) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add(req.branchRef());
        req.newTags().keySet().forEach(t -> prefixes.add(RegTags.PREFIX + t));
        RemoteTarget forPush = new RemoteTarget(remote.name(), remote.pushUrl(), remote.pushUrl(), remote.fetchRefSpecs());
        return remotes.lsRemote(forPush, prefixes.toArray(String[]::new));
    }

    /** Conflicts between the request and the remote's refs: a moved branch, tags another object took. */
    private static Optional<Rejected> conflicts(Mode mode, PushRequest req, RemoteRefs now, List<String> created,
            Optional<String> serverMessage) {
        Optional<BranchMoved> moved = Optional.empty();
        ObjectId actual = now.branchTip(req.branchRef()).orElse(null);
        ObjectId expected = req.expectedRemoteTip();
        boolean branchOk = java.util.Objects.equals(actual, expected) || req.newTip().equals(actual);
        if (!branchOk) {
            moved = Optional.of(new BranchMoved(req.branchRef(), expected, actual));
        }
        List<TagTaken> taken = new ArrayList<>();
        for (Map.Entry<String, ObjectId> t : req.newTags().entrySet()) {
            Optional<RemoteRef> r = now.get(RegTags.PREFIX + t.getKey());
            if (r.isPresent() && !r.get().id().equals(t.getValue())) {
                taken.add(new TagTaken(t.getKey(), r.get().id(), r.get().target()));
            }
        }
        if (moved.isEmpty() && taken.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rejected(mode, moved, taken, created, serverMessage));
    }

    /**
     * Why the remote refused: from a fresh ls-remote, because the advertisement the push started
     * from may predate the winner of a race (the server's own check is what refused us).
     */
    private PushOutcome explainRejection(Mode mode, RemoteTarget remote, PushRequest req, PushResult result, List<String> created) {
        Optional<String> said = serverSaid(result);
        try {
            RemoteRefs now = lookup(remote, req);
            return conflicts(mode, req, now, created, said).map(PushOutcome.class::cast)
                    .orElseGet(() -> new Rejected(mode, Optional.empty(), List.of(), created,
                            Optional.of(said.orElse("the remote refused the update without saying why"))));
        } catch (RemoteAccessException e) {
            return new Rejected(mode, Optional.empty(), List.of(), created,
                    Optional.of(said.orElse("the remote refused the update") + "; asking it why failed: " + e.getMessage()));
        }
    }

    /** Per-ref reasons and the server's "remote:" lines, cleaned of secrets. */
    private Optional<String> serverSaid(PushResult result) {
        StringBuilder sb = new StringBuilder();
        for (RemoteRefUpdate u : result.getRemoteUpdates()) {
            if (!landed(u) && u.getMessage() != null && !u.getMessage().isBlank()) {
                sb.append(Remotes.shortTag(u.getRemoteName())).append(": ").append(u.getMessage().strip()).append('\n');
            }
        }
        if (result.getMessages() != null && !result.getMessages().isBlank()) {
            sb.append(result.getMessages().strip()).append('\n');
        }
        String s = connections.secrets().scrub(sb.toString().strip());
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * A push that got no answer. If the connection broke after it was made, ask the remote (once)
     * whether the push landed: an atomic push either did entirely or not at all.
     */
    private PushOutcome failed(Mode mode, RemoteTarget remote, PushRequest req, RemoteAccessException e, List<String> created) {
        RemoteState state = created.isEmpty() ? RemoteState.UNCHANGED : RemoteState.PARTIAL;
        if (e.kind() == RemoteAccessException.Kind.CONNECTION_LOST) {
            state = RemoteState.UNKNOWN;
            try {
                RemoteRefs now = lookup(remote, req);
                boolean tipThere = req.newTip().equals(now.branchTip(req.branchRef()).orElse(null));
                boolean tagsThere = req.newTags().entrySet().stream()
                        .allMatch(t -> now.get(RegTags.PREFIX + t.getKey()).map(r -> r.id().equals(t.getValue())).orElse(false));
                boolean noneThere = !tipThere && req.newTags().entrySet().stream()
                        .noneMatch(t -> now.get(RegTags.PREFIX + t.getKey()).map(r -> r.id().equals(t.getValue())).orElse(false));
                if (tipThere && tagsThere) {
                    return new Accepted(mode, req.newTip(), List.copyOf(req.newTags().keySet()), true);
                }
                state = noneThere ? RemoteState.UNCHANGED : RemoteState.PARTIAL;
            } catch (RemoteAccessException again) {
                // still unreachable: the outcome stays unknown
            }
        }
        return new Failed(mode, e.kind(), e.getMessage(), state, created);
    }
}
