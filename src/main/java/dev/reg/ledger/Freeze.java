package dev.reg.ledger;

/** A workflow frozen during an incident: no release until it is unfrozen. */
public record Freeze(String since, String actor, String reason) {
}
