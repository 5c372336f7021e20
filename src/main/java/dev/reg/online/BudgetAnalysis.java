package dev.reg.online;

import dev.reg.BadInputException;
import dev.reg.online.BudgetReadout.Alert;
import dev.reg.online.BudgetReadout.BurnRate;
import dev.reg.online.BudgetReadout.Severity;
import dev.reg.online.BudgetReadout.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Error budgets (DESIGN.md section 2, "Online"): each event is good or bad by the SLO's condition;
 * the budget is the share {@code 1 - objective} of the events in the SLO's window that may be bad.
 * Burn rates follow Beyer et al., "The Site Reliability Workbook" (O'Reilly 2018), ch. 5 "Alerting on
 * SLOs", multiwindow multi-burn-rate alerts: page when both the 1 h and 5 min windows burn faster
 * than 14.4, or both 6 h and 30 min faster than 6; ticket when both 1 d and 2 h burn faster than 3,
 * or both 3 d and 6 h faster than 1. Everything is evaluated at the latest event (or a given now)
 * over whole minutes: a window of w ends with the minute that holds that instant and covers the w
 * minutes up to it. One streaming pass keeps a count of good and all events per minute.
 */
public final class BudgetAnalysis {
    /** The workbook's window pairs: long, short, burn-rate threshold, severity. */
    static final List<Alert> PAIRS = List.of(
            new Alert(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4, false),
            new Alert(Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 6, false),
            new Alert(Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 3, false),
            new Alert(Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 1, false));
    static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

    private BudgetAnalysis() {
    }

    /**
     * Reads the events and evaluates the budget at {@code now}, or at the latest event when now is null.
     * Events after now, and events without a timestamp, are counted apart and left out.
     */
    public static BudgetReadout run(SloSpec slo, List<TelemetryInput> inputs, ReadOptions options, Instant now) {
        if (inputs.isEmpty()) {
            throw new BadInputException("no telemetry files given");
        }
        Sink sink = new Sink(slo, now == null ? Long.MAX_VALUE : now.toEpochMilli());
        ReadResult read = TelemetryReader.read(inputs, options, sink);
        Long at = now != null ? Long.valueOf(now.toEpochMilli()) : sink.latest == Long.MIN_VALUE ? null : Long.valueOf(sink.latest);
        return evaluate(slo, read, sink.minutes, at, sink.untimed, sink.afterNow);
    }

    private static BudgetReadout evaluate(SloSpec slo, ReadResult read, MinuteSeries minutes, Long at, long untimed, long afterNow) {
        double budget = slo.budget();
        if (at == null) {
            return new BudgetReadout(slo, read, null, 0, 0, Double.NaN, List.of(), List.of(), Status.UNKNOWN, untimed, afterNow);
        }
        long last = MinuteSeries.minuteOf(at);
        long total = (long) minutes.sum(last, slo.window().toMinutes(), 1);
        long good = (long) minutes.sum(last, slo.window().toMinutes(), 0);
        double spent = total == 0 ? Double.NaN : ((double) (total - good) / total) / budget;
        List<BurnRate> rates = new ArrayList<>();
        for (Duration w : WINDOWS) {
            long n = (long) minutes.sum(last, w.toMinutes(), 1);
            long bad = n - (long) minutes.sum(last, w.toMinutes(), 0);
            rates.add(new BurnRate(w, n, bad, n == 0 ? Double.NaN : ((double) bad / n) / budget));
        }
        List<Alert> alerts = new ArrayList<>();
        Status status = total == 0 ? Status.UNKNOWN : Status.OK;
        for (Alert pair : PAIRS) {
            boolean firing = burns(rates, pair.longWindow(), pair.threshold(), budget) && burns(rates, pair.shortWindow(), pair.threshold(), budget);
            alerts.add(new Alert(pair.severity(), pair.longWindow(), pair.shortWindow(), pair.threshold(), firing));
            if (firing) {
                Status s = pair.severity() == Severity.PAGE ? Status.PAGE : Status.TICKET;
                status = s.ordinal() > status.ordinal() ? s : status;
            }
        }
        return new BudgetReadout(slo, read, at, total, good, spent, rates, alerts, status, untimed, afterNow);
    }

    /** The workbook's rule: the window's error ratio exceeds threshold * (1 - objective). */
    private static boolean burns(List<BurnRate> rates, Duration w, double threshold, double budget) {
        BurnRate r = rates.stream().filter(x -> x.window().equals(w)).findFirst().orElseThrow();
        return r.events() > 0 && (double) r.bad() / r.events() > threshold * budget;
    }

    private static final class Sink implements EventSink {
        final SloSpec slo;
        final long now;
        final MinuteSeries minutes = new MinuteSeries(2);
        long latest = Long.MIN_VALUE;
        long untimed;
        long afterNow;

        Sink(SloSpec slo, long now) {
            this.slo = slo;
            this.now = now;
        }

        @Override
        public void accept(TelemetryEvent e) {
            if (!e.hasTimestamp()) {
                untimed++;
                return;
            }
            long t = e.timestampMillis();
            if (t > now) {
                afterNow++;
                return;
            }
            latest = Math.max(latest, t);
            long m = MinuteSeries.minuteOf(t);
            minutes.add(m, 1, 1);
            if (slo.good().test(e)) {
                minutes.add(m, 0, 1);
            }
        }
    }
}
