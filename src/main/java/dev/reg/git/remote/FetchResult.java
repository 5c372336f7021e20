package dev.reg.git.remote;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What {@code fetch} brought: the remote branch tip (recorded in the remote-tracking ref when the
 * remote is a configured one), the reg tags that were new here and are now local, and how local
 * tags compare with the remote's afterwards. Local tags are never moved: a differing one is only
 * reported in {@link #tags()}.
 *
 * @param remoteTip the remote branch's commit; empty when the remote has no such branch
 * @param trackingRef where the tip was recorded ({@code refs/remotes/origin/main}); empty for a bare URL
 * @param newTags short names of the tags created locally by this fetch
 * @param objectsFetched false when everything needed was already here and no pack was asked for
 */
public record FetchResult(String remote, String branch, Optional<ObjectId> remoteTip, Optional<String> trackingRef,
        List<String> newTags, TagComparison tags, boolean objectsFetched) {
    public FetchResult {
        newTags = List.copyOf(newTags);
    }
}
