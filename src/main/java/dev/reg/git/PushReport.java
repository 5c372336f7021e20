package dev.reg.git;

import java.util.List;
import java.util.Optional;

/**
 * What publishing to a remote did, for the user: where, how (one atomic push, or tags first and
 * then the branch on a server without atomic pushes), what was pushed, and the races lost on the
 * way (each one retried on the remote's new tip).
 *
 * @param remote the remote's name or redacted URL
 * @param branch the branch pushed ({@code main})
 * @param atomic false when the server offers no atomic push and tags went first, each create-only
 * @param commit the commit the remote branch now points at; null when nothing was pushed
 * @param tags the tags created on the remote
 * @param racesLost one line per lost race: what got to the remote first
 * @param confirmedAfterConnectionLoss the connection broke before the answer; a fresh look showed the push landed
 * @param alreadyDone set when, after a lost race, the remote already had what this command was to publish
 * @param caughtUp paths the local clone took from the remote along with the change (it was behind)
 */
public record PushReport(String remote, String branch, boolean atomic, String commit, List<String> tags, List<String> racesLost,
        boolean confirmedAfterConnectionLoss, Optional<String> alreadyDone, int caughtUp) {
    public PushReport {
        tags = List.copyOf(tags);
        racesLost = List.copyOf(racesLost);
    }

    /** True when nothing had to be pushed (the remote already had everything). */
    public boolean nothingPushed() {
        return commit == null && tags.isEmpty();
    }
}
