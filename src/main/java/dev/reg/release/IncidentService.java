package dev.reg.release;

import dev.reg.registry.Trailer;
import dev.reg.ledger.Freeze;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.ledger.ReleaseStatus;
import dev.reg.ledger.Releases;
import dev.reg.BadInputException;
import dev.reg.git.CommitRequest;
import dev.reg.git.CommitResult;
import dev.reg.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.reg.git.GitId;

/**
 * Incident controls: {@code reg mark WORKFLOW N bad}, {@code reg freeze} and {@code reg unfreeze}.
 * Each is one commit of the ledger whose message carries the actor and the reason, so
 * {@code git log} of the ledger is the audit trail.
 */
public final class IncidentService {
    private final Registry registry;
    private final Clock clock;

    public IncidentService(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * What an incident control changed. {@code commit} is null when the workflow was already in the
     * asked-for state: nothing was written, and {@code actor}, {@code at} and {@code reason} are
     * those of the standing mark or freeze (null for a workflow that was not frozen).
     */
    public record ControlChange(String workflow, String action, Integer release, String actor, String at, String reason,
            String commit) {
        public boolean changed() {
            return commit != null;
        }
    }

    public ControlChange markBad(String workflow, int n, String reason) {
        String why = requireReason(reason, "marking a release bad");
        Loaded l = load(workflow);
        LedgerEntry e = l.ledger().entry(n).orElseThrow(() -> new BadInputException("workflow " + workflow + " has no release " + n
                + " (see 'reg history " + workflow + "')"));
        if (!e.tagged()) {
            throw new BadInputException("release " + n + " of " + workflow + " was " + e.status().label()
                    + " and never shipped; only shipped releases can be marked bad");
        }
        if (e.isBad()) {
            return new ControlChange(workflow, "bad", n, e.bad().actor(), e.bad().at(), e.bad().reason(), null);
        }
        requireClean(l);
        String at = ReleaseSupport.now(clock);
        String actor = registry.actor();
        Ledger updated = l.ledger().with(e.withStatus(e.status() == ReleaseStatus.SHIPPED ? ReleaseStatus.BAD : e.status(),
                new LedgerEvent(ReleaseStatus.BAD, at, actor, why)));
        boolean live = Releases.live(l.ledger()).map(x -> x.n() == n).orElse(false);
        String subject = "mark " + workflow + " release " + n + " bad: " + why;
        String body = live ? "Release " + n + " is live; roll it back with 'reg rollback " + workflow + "'." : null;
        return commit(l, updated, "bad", n, at, actor, why, subject, body);
    }

    public ControlChange freeze(String workflow, String reason) {
        String why = requireReason(reason, "freezing a workflow");
        Loaded l = load(workflow);
        if (l.ledger().frozen().isPresent()) {
            Freeze f = l.ledger().frozen().get();
            return new ControlChange(workflow, "freeze", null, f.actor(), f.since(), f.reason(), null);
        }
        requireClean(l);
        String at = ReleaseSupport.now(clock);
        String actor = registry.actor();
        Ledger updated = l.ledger().frozenBy(new Freeze(at, actor, why));
        return commit(l, updated, "freeze", null, at, actor, why, "freeze " + workflow + ": " + why,
                "No release of " + workflow + " until 'reg unfreeze " + workflow + "'.");
    }

    public ControlChange unfreeze(String workflow, String reason) {
        Loaded l = load(workflow);
        if (l.ledger().frozen().isEmpty()) {
            return new ControlChange(workflow, "unfreeze", null, null, null, null, null);
        }
        requireClean(l);
        Freeze f = l.ledger().frozen().get();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        String at = ReleaseSupport.now(clock);
        String actor = registry.actor();
        Ledger updated = l.ledger().unfrozen(at, actor, why);
        return commit(l, updated, "unfreeze", null, at, actor, why, "unfreeze " + workflow + (why == null ? "" : ": " + why),
                "Frozen since " + f.since() + " by " + f.actor() + ": " + f.reason());
    }

    private record Loaded(String workflow, GitId head, Ledger ledger) {
    }

    private Loaded load(String workflow) {
        registry.config().workflow(workflow);
        GitId head = registry.headCommit()
                .orElseThrow(() -> new BadInputException("the repository has no commits yet; workflow " + workflow + " has no ledger"));
        return new Loaded(workflow, head, Ledger.in(registry.at(head, "HEAD as committed"), workflow));
    }

    /** Only a control that writes refuses over uncommitted changes to the ledger; one that finds nothing to do does not. */
    private void requireClean(Loaded l) {
        ReleaseSupport.requireClean(registry, List.of(Ledger.path(l.workflow())), "changing the ledger of " + l.workflow());
    }

    private ControlChange commit(Loaded l, Ledger updated, String action, Integer n, String at, String actor, String reason,
            String subject, String body) {
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put(Trailer.WORKFLOW.key(), l.workflow());
        trailers.put(Trailer.RELEASE.key(), n == null ? null : n.toString());
        trailers.put(Trailer.ACTION.key(), action);
        trailers.put(Trailer.ACTOR.key(), actor);
        trailers.put(Trailer.REASON.key(), reason);
        CommitResult done = registry.publish(new CommitRequest(l.head(), List.of(),
                Map.of(Ledger.path(l.workflow()), updated.render().getBytes(StandardCharsets.UTF_8)), List.of(),
                ReleaseSupport.message(subject, body, trailers), List.of()));
        return new ControlChange(l.workflow(), action, n, actor, at, reason, done.commit().name());
    }

    private static String requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException(what + " needs --reason TEXT; it is recorded in the ledger and the commit");
        }
        return reason.strip();
    }
}
