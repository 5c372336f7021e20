package dev.reg.git.remote;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * {@code reg verify --remote}: local reg tags against the remote's, and the remote's version tags
 * whose commit is not in the history of the remote's branch (published from a branch that never
 * reached main, so the version's content is not part of the registry everyone reads).
 *
 * @param remoteTip the remote branch's commit; empty when the remote has no such branch
 * @param notOnBranch short names of the remote's version tags not reachable from {@code remoteTip}, in name order
 * @param objectsFetched false when every object needed was already here
 */
public record RemoteTagReport(String remote, String branch, Optional<ObjectId> remoteTip, TagComparison tags,
        List<String> notOnBranch, boolean objectsFetched) {
    public RemoteTagReport {
        notOnBranch = List.copyOf(notOnBranch);
    }

    /** No differing tag and every remote version tag on the branch. */
    public boolean ok() {
        return tags.consistent() && notOnBranch.isEmpty();
    }
}
