package dev.reg;

/**
 * There is nothing to publish because what the command would publish is already there (say, the
 * composite is the live release). Asked for directly it is bad input (exit 2); after a race lost
 * to someone who published the same thing first, reg says so and exits 0.
 */
public class AlreadyPublishedException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final String byWhom;

    /** @param byWhom who published it and when ({@code "by Ann <ann@example.com> at 2026-11-20T10:00:00Z"}) */
    public AlreadyPublishedException(String message, String byWhom) {
        super(message);
        this.byWhom = byWhom;
    }

    public String byWhom() {
        return byWhom;
    }
}
