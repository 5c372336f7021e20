package dev.reg.git.remote;

import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Local reg tags against a remote's: the ones with the same name and a different object (never
 * overwritten by reg; the user decides), the ones only one side has, and how many agree.
 */
public record TagComparison(List<Difference> differing, List<String> onlyLocal, List<String> onlyRemote, int same) {
    public TagComparison {
        differing = List.copyOf(differing);
        onlyLocal = List.copyOf(onlyLocal);
        onlyRemote = List.copyOf(onlyRemote);
    }

    /** True when every tag both sides have names the same object. */
    public boolean consistent() {
        return differing.isEmpty();
    }

    /**
     * A tag both sides have with different objects.
     *
     * @param tag the short tag name ({@code prompt/x@1.2.0})
     * @param localPeeled the commit the local tag points at (null if it cannot be read)
     */
    public record Difference(String tag, ObjectId local, ObjectId localPeeled, ObjectId remote, ObjectId remotePeeled) {
        /** Both tags point at the same commit (re-made with another message or tagger), as opposed to other contents. */
        public boolean sameCommit() {
            return localPeeled != null && localPeeled.equals(remotePeeled);
        }
    }
}
