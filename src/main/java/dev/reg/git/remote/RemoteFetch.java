package dev.reg.git.remote;

import dev.reg.RefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;

/**
 * {@code reg fetch}: one ls-remote, then (only if something is missing here) one fetch of the
 * branch and the missing reg tags' objects, then one atomic local ref transaction that moves the
 * remote-tracking ref and creates the new tags. Existing local tags are never touched, so a tag
 * that differs from the remote's stays as the user had it and is reported.
 */
final class RemoteFetch {
    private final Remotes remotes;

    RemoteFetch(Remotes remotes) {
        this.remotes = remotes;
    }

    FetchResult fetch(RemoteTarget remote, String branch) {
        Repository repo = remotes.repository();
        String branchRef = RemoteRefs.branchRef(branch);
        RemoteRefs theirs = remotes.lsRemote(remote, branchRef, RegTags.PREFIX);
        Optional<ObjectId> tip = theirs.branchTip(branchRef);
        try {
            List<RemoteRef> newTags = new ArrayList<>();
            java.util.Set<String> local = remotes.localRegTags().keySet();
            for (RemoteRef r : theirs.regTags().values()) {
                if (!local.contains(r.name())) {
                    newTags.add(r);
                }
            }
            List<ObjectId> needed = new ArrayList<>();
            tip.ifPresent(needed::add);
            newTags.forEach(t -> needed.add(t.id()));
            boolean fetched = false;
            if (!allPresent(repo, needed)) {
                fetchObjects(repo, remote, tip.isPresent() ? branchRef : null, newTags);
                fetched = true;
            }
            Optional<String> tracking = trackingRef(remote, branchRef);
            updateLocalRefs(repo, tracking, tip, newTags);
            TagComparison comparison = remotes.compareTags(theirs);
            return new FetchResult(remote.label(), branchRef, tip, tip.isPresent() ? tracking : Optional.empty(),
                    newTags.stream().map(t -> Remotes.shortTag(t.name())).toList(), comparison, fetched);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The branch and reg tags of the remote, with the objects of the tip and of every tag brought
     * here if missing, and no ref created or moved: what a change for the remote is planned on.
     */
    RemoteRefs snapshot(RemoteTarget remote, String branch) {
        Repository repo = remotes.repository();
        String branchRef = RemoteRefs.branchRef(branch);
        RemoteRefs theirs = remotes.lsRemote(remote, branchRef, RegTags.PREFIX);
        Optional<ObjectId> tip = theirs.branchTip(branchRef);
        List<RemoteRef> tags = new ArrayList<>(theirs.regTags().values());
        List<ObjectId> needed = new ArrayList<>();
        tip.ifPresent(needed::add);
        tags.forEach(t -> needed.add(t.id()));
        try {
            if (!allPresent(repo, needed)) {
                List<RemoteRef> missing = new ArrayList<>();
                try (ObjectReader reader = repo.newObjectReader()) {
                    for (RemoteRef t : tags) {
                        if (!reader.has(t.id())) {
                            missing.add(t);
                        }
                    }
                }
                fetchObjects(repo, remote, tip.isPresent() ? branchRef : null, missing);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return theirs;
    }

    static boolean allPresent(Repository repo, List<ObjectId> ids) throws IOException {
        try (ObjectReader reader = repo.newObjectReader()) {
            for (ObjectId id : ids) {
                if (!reader.has(id)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Objects only: refspecs without destinations, so JGit writes FETCH_HEAD and no ref. Tags are
     * wanted by object id (an advertised tip for protocol v0, any object for v2), so a v2 server is
     * asked to list only the branch, however many tags are missing.
     */
    void fetchObjects(Repository repo, RemoteTarget remote, String branchRef, List<RemoteRef> tags) {
        List<RefSpec> specs = new ArrayList<>();
        if (branchRef != null) {
            specs.add(new RefSpec(branchRef));
        }
        tags.forEach(t -> specs.add(new RefSpec(t.id().name())));
        Connections connections = remotes.connections();
        try (Transport t = connections.open(repo, remote.fetchUrl())) {
            t.setTagOpt(TagOpt.NO_TAGS); // tags are chosen above, never auto-followed into refs/tags
            t.setRemoveDeletedRefs(false);
            t.fetch(NullProgressMonitor.INSTANCE, specs);
            connections.credentials().approve();
        } catch (TransportException | NotSupportedException e) {
            throw connections.classify(remote.fetchUrl(), e);
        }
    }

    /** Where a configured remote tracks {@code branchRef} ({@code refs/remotes/origin/main}); empty for a URL. */
    static Optional<String> trackingRef(RemoteTarget remote, String branchRef) {
        for (String spec : remote.fetchRefSpecs()) {
            RefSpec s = new RefSpec(spec);
            if (!s.isNegative() && s.getDestination() != null && s.matchSource(branchRef)) {
                return Optional.of(s.expandFromSource(branchRef).getDestination());
            }
        }
        return Optional.empty();
    }

    /** One atomic transaction (written straight into packed-refs): the tracking ref moves, new tags appear. */
    private static void updateLocalRefs(Repository repo, Optional<String> tracking, Optional<ObjectId> tip,
            List<RemoteRef> newTags) throws IOException {
        BatchRefUpdate bru = repo.getRefDatabase().newBatchUpdate();
        bru.setAtomic(true);
        bru.setAllowNonFastForwards(true); // a tracking ref follows the remote, as +refs/heads/*:refs/remotes/… does
        bru.setRefLogIdent(new PersonIdent(repo));
        bru.setRefLogMessage("reg fetch", false);
        if (tracking.isPresent() && tip.isPresent()) {
            Ref old = repo.getRefDatabase().exactRef(tracking.get());
            ObjectId oldId = old == null || old.getObjectId() == null ? ObjectId.zeroId() : old.getObjectId();
            if (!oldId.equals(tip.get())) {
                bru.addCommand(new ReceiveCommand(oldId, tip.get(), tracking.get()));
            }
        }
        for (RemoteRef t : newTags) {
            bru.addCommand(new ReceiveCommand(ObjectId.zeroId(), t.id(), t.name()));
        }
        if (bru.getCommands().isEmpty()) {
            return;
        }
        try (RevWalk rw = new RevWalk(repo)) {
            bru.execute(rw, NullProgressMonitor.INSTANCE);
        }
        for (ReceiveCommand c : bru.getCommands()) {
            if (c.getResult() != ReceiveCommand.Result.OK) {
                throw new RefusedException("another process changed " + Repository.shortenRefName(c.getRefName())
                        + " while reg was fetching; nothing was changed locally — run the fetch again");
            }
        }
    }
}
