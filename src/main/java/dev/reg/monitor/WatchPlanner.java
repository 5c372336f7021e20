package dev.reg.monitor;

import dev.reg.ledger.Freeze;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.Releases;
import dev.reg.online.BudgetReadout;
import dev.reg.online.Level;
import dev.reg.online.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code reg watch} does about one run's readouts, decided from the readouts and the ledger alone
 * (no I/O, so every case is a unit test):
 * <ul>
 * <li>drift red, or a page-level burn: freeze the workflow and roll back what runs (the canary, else the
 * live release) to the last good composite; freeze only when there is none to go back to;</li>
 * <li>an exhausted error budget: freeze (the seeds' "breach means feature freeze");</li>
 * <li>a running canary whose readout says rollback (its stop-loss): roll the canary back;</li>
 * <li>unknown (no or too little data) never acts;</li>
 * <li>a frozen workflow is an incident in hand: watch does not freeze or roll back again (only a canary
 * that crossed its stop-loss is still rolled back), so a second run of the same watch does nothing.</li>
 * </ul>
 */
public final class WatchPlanner {
    private WatchPlanner() {
    }

    /**
     * One run's signals; a null field was not checked: drift without a reference is unknown, a canary
     * running without a readout is unknown, no {@code slo:} section is simply not watched.
     *
     * @param driftReasons what made the drift level (the red fields), for the plan's reasons
     * @param canaryNote why the canary could not be read (it counts as unknown), or null
     */
    public record Signals(Level drift, List<String> driftReasons, BudgetReadout.Status budget, boolean budgetExhausted, Verdict canary,
            List<String> canaryReasons, String canaryNote) {
        public Signals {
            driftReasons = List.copyOf(driftReasons);
            canaryReasons = List.copyOf(canaryReasons);
        }
    }

    /**
     * The plan. {@code status}: {@code green} (every signal known and fine), {@code unknown} (nothing
     * bad, but some signal had too little data or was not checked), {@code act} (an action is planned),
     * or {@code held} (a trigger fired but the workflow is already frozen: nothing more to do).
     *
     * @param rollbackFrom the release rolled back (null: no rollback)
     * @param rollbackTo where it goes
     * @param reasons why, one line per trigger
     * @param notes what the plan left alone and why
     */
    public record Plan(String status, boolean freeze, Integer rollbackFrom, Integer rollbackTo, List<String> reasons, List<String> notes) {
        public Plan {
            reasons = List.copyOf(reasons);
            notes = List.copyOf(notes);
        }

        public boolean acts() {
            return freeze || rollbackFrom != null;
        }
    }

    public static Plan plan(Signals s, Ledger ledger) {
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean page = false;
        if (s.drift() == Level.RED) {
            page = true;
            reasons.add("drift red" + (s.driftReasons().isEmpty() ? "" : ": " + String.join("; ", s.driftReasons())));
        }
        if (s.budget() == BudgetReadout.Status.PAGE) {
            page = true;
            reasons.add("error budget burning at page level (both windows of a page alert above their threshold)");
        }
        boolean exhausted = s.budgetExhausted();
        if (exhausted) {
            reasons.add("error budget exhausted: freeze");
        }
        Optional<LedgerEntry> canary = Releases.canary(ledger);
        boolean stopLoss = s.canary() == Verdict.ROLLBACK && canary.isPresent();
        if (stopLoss) {
            reasons.add("canary release " + canary.get().n() + " crossed its stop-loss" + (s.canaryReasons().isEmpty() ? ""
                    : ": " + String.join("; ", s.canaryReasons())));
        }
        if (s.canaryNote() != null) {
            notes.add("canary readout unknown: " + s.canaryNote());
        }

        Optional<Freeze> frozen = ledger.frozen();
        boolean freeze = false;
        Integer from = null;
        Integer to = null;
        if ((page || exhausted) && frozen.isPresent()) {
            notes.add("workflow already frozen since " + frozen.get().since() + " by " + frozen.get().actor() + " (" + frozen.get().reason()
                    + "): the incident is in hand, watch does not act again ('reg unfreeze' once it is resolved)");
        } else if (page || exhausted) {
            freeze = true;
        }
        if ((page && frozen.isEmpty()) || stopLoss) {
            Optional<LedgerEntry> current = Releases.current(ledger);
            Optional<LedgerEntry> target = current.flatMap(c -> Releases.lastGoodBefore(ledger, c.n()));
            if (current.isEmpty()) {
                notes.add("nothing to roll back: no release is live");
            } else if (target.isEmpty()) {
                notes.add("nothing to roll back to: no release before " + current.get().n() + " shipped with a composite not marked bad");
            } else if (target.get().digest().equals(current.get().digest())) {
                notes.add("release " + current.get().n() + " already has the composite of the last good release " + target.get().n());
            } else {
                from = current.get().n();
                to = target.get().n();
            }
        }
        boolean acts = freeze || from != null;
        String status;
        if (acts) {
            status = "act";
        } else if (!reasons.isEmpty()) {
            status = "held";
        } else if (s.drift() == null || s.drift() == Level.UNKNOWN || s.budget() == BudgetReadout.Status.UNKNOWN
                || (canary.isPresent() && (s.canary() == null || s.canary() == Verdict.CONTINUE))) {
            status = "unknown";
        } else {
            status = "green";
        }
        return new Plan(status, freeze, from, to, reasons, notes);
    }
}
