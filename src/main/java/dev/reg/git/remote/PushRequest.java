package dev.reg.git.remote;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One publication to a remote: move {@code branch} from the tip the change was built on to the new
 * commit, and create the new tags, all or nothing. The objects must be in the local repository
 * (they need not be referenced by any local ref yet: reg publishes locally only after the remote
 * accepted).
 *
 * @param branch {@code main} or {@code refs/heads/main}
 * @param expectedRemoteTip the remote tip the change was built on; null when the branch must not exist yet
 * @param newTip the commit the branch should point at (may equal the expected tip to push tags only)
 * @param newTags short tag name ({@code prompt/x@1.2.0}) to the object it should name (the annotated tag object)
 */
public record PushRequest(String branch, ObjectId expectedRemoteTip, ObjectId newTip, Map<String, ObjectId> newTags) {
    public PushRequest {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(newTip, "newTip");
        newTags = java.util.Collections.unmodifiableMap(new TreeMap<>(newTags));
        expectedRemoteTip = expectedRemoteTip == null ? null : expectedRemoteTip.copy();
        newTip = newTip.copy();
    }

    String branchRef() {
        return RemoteRefs.branchRef(branch);
    }
}
