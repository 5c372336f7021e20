package dev.reg.release;

import dev.reg.registry.Sha256;
import java.util.List;
import java.util.Optional;

/**
 * One release decision of a workflow. {@code status} is the entry's status now; {@code events}
 * are the changes after the decision (marked bad, rolled back). A rollback is an entry of its own
 * that ships, with {@code rollbackFrom}/{@code rollbackTo} set.
 *
 * @param tagged whether the entry has a {@code release/<workflow>/<n>} tag: it shipped when decided
 */
public record LedgerEntry(int n, ReleaseStatus status, String composite, Sha256 digest, List<ComponentVersion> components,
        String decided, String actor, String run, String gate, String adr, String reason, Integer rollbackFrom,
        Integer rollbackTo, boolean tagged, List<LedgerEvent> events) {
    public LedgerEntry {
        components = List.copyOf(components);
        events = List.copyOf(events);
    }

    public String tagName(String workflow) {
        return "release/" + workflow + "/" + n;
    }

    public Optional<String> runId() {
        return Optional.ofNullable(run);
    }

    public boolean isRollback() {
        return rollbackFrom != null;
    }

    public LedgerEntry withStatus(ReleaseStatus s, LedgerEvent event) {
        List<LedgerEvent> ev = new java.util.ArrayList<>(events);
        ev.add(event);
        return new LedgerEntry(n, s, composite, digest, components, decided, actor, run, gate, adr, reason, rollbackFrom,
                rollbackTo, tagged, ev);
    }
}
