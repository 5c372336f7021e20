package dev.reg.git.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Compares local reg tags with a remote's (one ls-remote), then checks that each of the remote's
 * version tags is reachable from the remote branch: the objects missing here are fetched (objects
 * only, no ref is written), and one walk of the branch's history marks every commit on it.
 */
final class RemoteTagCheck {
    private final Remotes remotes;

    RemoteTagCheck(Remotes remotes) {
        this.remotes = remotes;
    }

    RemoteTagReport check(RemoteTarget remote, String branch) {
        Repository repo = remotes.repository();
        String branchRef = RemoteRefs.branchRef(branch);
        RemoteRefs theirs = remotes.lsRemote(remote, branchRef, RegTags.PREFIX);
        TagComparison comparison = remotes.compareTags(theirs);
        Optional<ObjectId> tip = theirs.branchTip(branchRef);
        List<RemoteRef> versionTags = new ArrayList<>();
        for (RemoteRef r : theirs.regTags().values()) {
            if (!r.name().startsWith(RegTags.PREFIX + "release/")) {
                versionTags.add(r);
            }
        }
        try {
            List<ObjectId> needed = new ArrayList<>();
            tip.ifPresent(needed::add);
            versionTags.forEach(t -> needed.add(t.id()));
            boolean fetched = false;
            if (!RemoteFetch.allPresent(repo, needed)) {
                new RemoteFetch(remotes).fetchObjects(repo, remote, tip.isPresent() ? branchRef : null, versionTags);
                fetched = true;
            }
            List<String> notOnBranch = new ArrayList<>();
            try (RevWalk rw = new RevWalk(repo)) {
                rw.setRetainBody(false);
                RevFlag onBranch = rw.newFlag("on-branch");
                if (tip.isPresent()) {
                    rw.markStart(rw.parseCommit(tip.get()));
                    for (RevCommit c = rw.next(); c != null; c = rw.next()) {
                        c.add(onBranch);
                    }
                }
                for (RemoteRef t : versionTags) {
                    RevObject target = rw.peel(rw.parseAny(t.id()));
                    if (!target.has(onBranch)) {
                        notOnBranch.add(Remotes.shortTag(t.name()));
                    }
                }
            }
            return new RemoteTagReport(remote.label(), branchRef, tip, comparison, notOnBranch, fetched);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
