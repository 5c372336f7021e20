package dev.reg.ledger;

import dev.reg.composite.ComponentVersion;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.Sha256;
import java.util.List;
import java.util.Optional;

/**
 * One release decision of a workflow. {@code status} is the entry's status now; {@code events}
 * are the changes after the decision (marked bad, rolled back). A rollback is an entry of its own
 * that ships, with {@code rollbackFrom}/{@code rollbackTo} set.
 *
 * @param tagged whether the entry has a {@code release/<workflow>/<n>} tag: it shipped when decided
 * @param bad set once the release is marked bad, and never cleared by a later status: a ledger
 *     written before the mark had its own record has it from its last {@code bad} event (or, with
 *     neither, from {@code status: bad})
 */
public record LedgerEntry(int n, ReleaseStatus status, String composite, Sha256 digest, List<ComponentVersion> components,
        String decided, String actor, String run, String gate, String adr, String reason, Integer rollbackFrom,
        Integer rollbackTo, boolean tagged, List<LedgerEvent> events, BadMark bad) {
    public LedgerEntry {
        components = List.copyOf(components);
        events = List.copyOf(events);
        if (bad == null) {
            bad = events.stream().filter(e -> e.status() == ReleaseStatus.BAD).reduce((a, b) -> b)
                    .map(e -> new BadMark(e.at(), e.actor(), e.reason()))
                    .orElse(status == ReleaseStatus.BAD ? new BadMark("", "", null) : null);
        }
    }

    /** An entry not (yet) marked bad unless its status or events say so. */
    public LedgerEntry(int n, ReleaseStatus status, String composite, Sha256 digest, List<ComponentVersion> components,
            String decided, String actor, String run, String gate, String adr, String reason, Integer rollbackFrom,
            Integer rollbackTo, boolean tagged, List<LedgerEvent> events) {
        this(n, status, composite, digest, components, decided, actor, run, gate, adr, reason, rollbackFrom, rollbackTo, tagged,
                events, null);
    }

    public String tagName(String workflow) {
        return RegistryLayout.releaseTag(workflow, n);
    }

    public Optional<String> runId() {
        return Optional.ofNullable(run);
    }

    public boolean isRollback() {
        return rollbackFrom != null;
    }

    /** Whether the release was ever marked bad (its status now may be {@code rolled-back}). */
    public boolean isBad() {
        return bad != null;
    }

    /** The entry with status {@code s} after {@code event}; a bad mark stays, and a {@code bad} event sets it. */
    public LedgerEntry withStatus(ReleaseStatus s, LedgerEvent event) {
        List<LedgerEvent> ev = new java.util.ArrayList<>(events);
        ev.add(event);
        BadMark mark = bad != null || event.status() != ReleaseStatus.BAD ? bad : new BadMark(event.at(), event.actor(), event.reason());
        return new LedgerEntry(n, s, composite, digest, components, decided, actor, run, gate, adr, reason, rollbackFrom,
                rollbackTo, tagged, ev, mark);
    }

    /** The entry whose decision record is now the ADR at {@code path} (a promotion's memo). */
    public LedgerEntry withAdr(String path) {
        return new LedgerEntry(n, status, composite, digest, components, decided, actor, run, gate, path, reason, rollbackFrom,
                rollbackTo, tagged, events, bad);
    }
}
