package dev.reg.online;

import java.time.Duration;
import java.util.List;

/**
 * An error-budget readout: over the SLO's window ending at {@code evaluatedAt}, how many events were
 * bad, how much of the budget that spent, the burn rates of the SRE workbook's windows, which alerts
 * fire, and whether the budget is exhausted (freeze). {@link BudgetJson} writes it as
 * {@code reg.budget/1}.
 *
 * @param evaluatedAt epoch millis: the latest event, or the given now; null without timed events
 * @param spent the share of the budget spent, {@code (bad/events) / (1 - objective)}; NaN without events
 * @param untimed events without a timestamp (left out)
 * @param afterNow events after the given now (left out)
 */
public record BudgetReadout(SloSpec slo, ReadResult read, Long evaluatedAt, long events, long good, double spent, List<BurnRate> burnRates,
        List<Alert> alerts, Status status, long untimed, long afterNow) {
    public BudgetReadout {
        burnRates = List.copyOf(burnRates);
        alerts = List.copyOf(alerts);
    }

    public long bad() {
        return events - good;
    }

    /** {@code 1 - spent}: negative once the budget is overspent. */
    public double remaining() {
        return 1 - spent;
    }

    /** The budget is used up: the seeds' "breach means feature freeze". */
    public boolean exhausted() {
        return spent >= 1;
    }

    /**
     * One window's burn rate: its error ratio over the budget, {@code (bad/events) / (1 - objective)}; NaN
     * without events in the window.
     */
    public record BurnRate(Duration window, long events, long bad, double rate) {
    }

    /**
     * One of the SRE workbook's multiwindow alerts: it fires when both windows' error ratios exceed
     * {@code threshold * (1 - objective)}.
     */
    public record Alert(Severity severity, Duration longWindow, Duration shortWindow, double threshold, boolean firing) {
    }

    public enum Severity {
        PAGE, TICKET;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** page if a page alert fires, else ticket if a ticket alert fires, else ok; unknown without events. */
    public enum Status {
        UNKNOWN, OK, TICKET, PAGE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
