package dev.reg.git.remote;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * An immutable snapshot of a remote's refs from one {@code ls-remote}: branch tips and tags with
 * their peeled commits, in name order. Reads like "latest version of prompt/x" or "release numbers
 * of workflow w" are answered from these names, with no object downloaded. When the snapshot was
 * taken for some prefixes only, refs outside them are absent (not deleted).
 */
public final class RemoteRefs {
    private final String remote;
    private final NavigableMap<String, RemoteRef> refs;

    /** Takes {@code refs} as it is (the caller hands it over and keeps no reference). */
    RemoteRefs(String remote, TreeMap<String, RemoteRef> refs) {
        this.remote = remote;
        this.refs = Collections.unmodifiableNavigableMap(refs);
    }

    /** The remote these refs came from (its name, or its redacted URL). */
    public String remote() {
        return remote;
    }

    public int size() {
        return refs.size();
    }

    public Optional<RemoteRef> get(String fullName) {
        return Optional.ofNullable(refs.get(fullName));
    }

    /** The commit branch {@code main} (or {@code refs/heads/main}) points at on the remote. */
    public Optional<ObjectId> branchTip(String branch) {
        return get(branchRef(branch)).map(RemoteRef::id);
    }

    /** Every ref whose name starts with {@code prefix}, in name order (a view, not a copy). */
    public NavigableMap<String, RemoteRef> withPrefix(String prefix) {
        if (prefix.isEmpty()) {
            return refs;
        }
        return refs.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    /** Full names of the refs starting with {@code prefix}: the remote twin of {@code GitStore.refNames}. */
    public List<String> refNames(String prefix) {
        return List.copyOf(withPrefix(prefix).keySet());
    }

    /** The refs starting with {@code prefix} and the commit each peels to: the twin of {@code GitStore.refsPeeled}. */
    public Map<String, ObjectId> refsPeeled(String prefix) {
        Map<String, ObjectId> out = new LinkedHashMap<>();
        withPrefix(prefix).forEach((name, ref) -> out.put(name, ref.target()));
        return out;
    }

    /** reg's version and release tags (see {@link RegTags}). */
    public NavigableMap<String, RemoteRef> regTags() {
        NavigableMap<String, RemoteRef> out = new TreeMap<>();
        withPrefix(RegTags.PREFIX).forEach((name, ref) -> {
            if (RegTags.isRegTag(name)) {
                out.put(name, ref);
            }
        });
        return Collections.unmodifiableNavigableMap(out);
    }

    static String branchRef(String branch) {
        return branch.startsWith(Constants.R_REFS) ? branch : Constants.R_HEADS + branch;
    }

    @Override
    public String toString() {
        return "RemoteRefs[" + remote + ", " + refs.size() + " refs]";
    }
}
