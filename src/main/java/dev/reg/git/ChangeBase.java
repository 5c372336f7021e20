package dev.reg.git;

import dev.reg.git.remote.RemoteRef;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What a change for a remote is planned on: the remote branch tip just fetched (its objects are
 * here, named by no local ref) and the remote's reg tags. While it is set, {@link RefReader} reads
 * the tip as HEAD and the remote's tags beside the local ones.
 */
final class ChangeBase {
    private final ObjectId tip;
    private final NavigableMap<String, RemoteRef> tags;

    ChangeBase(ObjectId tip, NavigableMap<String, RemoteRef> tags) {
        this.tip = tip == null ? null : tip.copy();
        this.tags = Collections.unmodifiableNavigableMap(new TreeMap<>(tags));
    }

    /** The remote tip; empty when the remote has no such branch yet. */
    Optional<ObjectId> tip() {
        return Optional.ofNullable(tip);
    }

    /** The remote's tag named {@code refName} ({@code refs/tags/prompt/x@1.2.0}). */
    Optional<RemoteRef> tag(String refName) {
        return Optional.ofNullable(tags.get(refName));
    }

    NavigableMap<String, RemoteRef> tags() {
        return tags;
    }

    NavigableMap<String, RemoteRef> tagsWithPrefix(String prefix) {
        return prefix.isEmpty() ? tags : tags.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }
}
