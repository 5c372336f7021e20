package dev.reg.ledger;

/**
 * A freeze or an unfreeze of a workflow, kept in the ledger's {@code freezes} log so
 * {@code reg history} shows it without walking commits.
 *
 * @param action {@code freeze} or {@code unfreeze}
 * @param reason null when none was given (an unfreeze may have none)
 */
public record FreezeEvent(String action, String at, String actor, String reason) {
    public static final String FREEZE = "freeze";
    public static final String UNFREEZE = "unfreeze";

    public FreezeEvent {
        if (!FREEZE.equals(action) && !UNFREEZE.equals(action)) {
            throw new IllegalArgumentException("a freeze event is 'freeze' or 'unfreeze', not '" + action + "'");
        }
    }
}
