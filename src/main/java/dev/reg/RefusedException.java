package dev.reg;

/**
 * Refused because of the repository's state: uncommitted work in the way, a frozen workflow, a lock
 * held or a concurrent update that won (exit 3). Nothing was changed.
 */
public class RefusedException extends RegException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
        super(message);
    }

    public RefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
