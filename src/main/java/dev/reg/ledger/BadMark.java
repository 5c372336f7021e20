package dev.reg.ledger;

/**
 * A release marked bad: who, when, why. Once set on a ledger entry it stays, whatever status the
 * entry has later (a bad release that was rolled back is still bad), so neither the entry nor any
 * entry with the same composite digest is ever a rollback target.
 */
public record BadMark(String at, String actor, String reason) {
    /** {@code by ACTOR at TIME: REASON}, for messages. */
    public String describe() {
        return "by " + actor + " at " + at + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
