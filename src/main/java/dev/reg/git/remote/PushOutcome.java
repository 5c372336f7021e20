package dev.reg.git.remote;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * How a {@link PushRequest} ended: accepted, rejected by the remote's state, or failed to get an
 * answer. Nothing here has been printed; the caller renders it.
 */
public sealed interface PushOutcome permits PushOutcome.Accepted, PushOutcome.Rejected, PushOutcome.Failed {
    /** How the push was carried out. */
    enum Mode {
        /** One atomic push: the branch and every tag, or nothing. */
        ATOMIC,
        /**
         * The server does not offer atomic pushes: tags first, then the branch, each create-only or
         * expecting the old tip. A rejection after some tags were created leaves those tags on the remote.
         */
        TAGS_THEN_BRANCH
    }

    /**
     * {@link Mode#ATOMIC} unless the server was found not to offer atomic pushes. A push refused
     * from the ref advertisement alone (nothing sent) says ATOMIC: the server's capabilities never
     * came into play.
     */
    Mode mode();

    /**
     * The remote now has the new tip and every tag. {@code confirmedAfterConnectionLoss} is true when
     * the connection broke before the server's answer and a fresh ls-remote showed the push had landed.
     */
    record Accepted(Mode mode, ObjectId newTip, List<String> tags, boolean confirmedAfterConnectionLoss) implements PushOutcome {
        public Accepted {
            tags = List.copyOf(tags);
        }
    }

    /**
     * The remote refused because its state is not what the change expected. For an atomic push
     * nothing changed on the remote; for {@link Mode#TAGS_THEN_BRANCH} the tags in
     * {@code tagsLeftOnRemote} were created before the refusal.
     *
     * @param branchMoved set when the remote branch is no longer at the expected tip
     * @param tagsTaken the requested tags the remote already has with another object
     * @param serverMessage what the server said when neither explains the refusal (a hook, a policy)
     */
    record Rejected(Mode mode, Optional<BranchMoved> branchMoved, List<TagTaken> tagsTaken, List<String> tagsLeftOnRemote,
            Optional<String> serverMessage) implements PushOutcome {
        public Rejected {
            tagsTaken = List.copyOf(tagsTaken);
            tagsLeftOnRemote = List.copyOf(tagsLeftOnRemote);
        }
    }

    /**
     * No answer could be had. {@code remoteState} says what is known of the remote afterwards.
     *
     * @param kind what failed (unreachable, authentication, host key, connection lost, …)
     * @param message a message for the user, free of credentials
     */
    record Failed(Mode mode, RemoteAccessException.Kind kind, String message, RemoteState remoteState,
            List<String> tagsLeftOnRemote) implements PushOutcome {
        public Failed {
            tagsLeftOnRemote = List.copyOf(tagsLeftOnRemote);
        }
    }

    /** What a failed push left on the remote, as far as reg could tell. */
    enum RemoteState {
        /** Checked (or certain, e.g. the connection never opened): nothing of this push is on the remote. */
        UNCHANGED,
        /** The remote has part of the push (tags created before the branch update failed). */
        PARTIAL,
        /** The remote could not be asked; run a fetch to learn whether the push landed. */
        UNKNOWN
    }

    /** The remote branch moved on: it is at {@code actual} (null if it no longer exists), not at {@code expected}. */
    record BranchMoved(String branch, ObjectId expected, ObjectId actual) {
    }

    /** Someone else created {@code tag} first: on the remote it names {@code remoteObject} (peeling to {@code remotePeeled}). */
    record TagTaken(String tag, ObjectId remoteObject, ObjectId remotePeeled) {
    }
}
