package dev.reg;

/**
 * Base of every error reg reports to its user. The subclass says what kind of "no" it is; the CLI
 * maps each subclass to one exit code in one place.
 */
public abstract class RegException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected RegException(String message) {
        super(message);
    }

    protected RegException(String message, Throwable cause) {
        super(message, cause);
    }
}
