package dev.reg.git.remote;

import dev.reg.RegException;

/**
 * A remote could not be used: unreachable, refused our credentials, an unknown host key, no
 * repository there, or the connection broke. The message names the remote by its redacted URL and
 * says what to do; it never holds a credential, and no underlying exception is attached (their
 * messages may quote what the server or the user's configuration said).
 */
public final class RemoteAccessException extends RegException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, so callers can choose an exit code or a retry. */
    public enum Kind {
        /** Nothing answered: bad host, refused connection, timeout before any reply. */
        UNREACHABLE,
        /** The server wants credentials it did not get, or refused the ones given. */
        AUTHENTICATION,
        /** The ssh server's host key is not in known_hosts (or does not match it). */
        HOST_KEY,
        /** The server answered but has no such repository (or will not say it has). */
        NO_REPOSITORY,
        /** The connection was established and then lost; a push may or may not have landed. */
        CONNECTION_LOST,
        /** The server answered something reg cannot use (protocol error, refused service). */
        PROTOCOL
    }

    private final Kind kind;

    RemoteAccessException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
