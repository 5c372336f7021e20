package dev.reg.ledger;

/** A status change of a ledger entry after its decision: who, when, why. */
public record LedgerEvent(ReleaseStatus status, String at, String actor, String reason) {
}
