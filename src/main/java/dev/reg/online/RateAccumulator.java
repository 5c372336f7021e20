package dev.reg.online;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rates drift follows (each score's mean, the refusal rate, each guardrail's hit rate), over
 * all events or, with a window, per minute so that the window ending at the latest event can be
 * summed at the end without keeping events.
 */
final class RateAccumulator implements DriftFields.RateVisitor {
    private final DriftFields fields;
    private final Duration window;
    private final Map<String, double[]> totals = new TreeMap<>();
    private final Map<String, MinuteSeries> minutes = new TreeMap<>();
    private long minute;
    private long lastMinute = Long.MIN_VALUE;
    private long firstMillis = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;
    private long untimed;

    RateAccumulator(DriftFields fields, Duration window) {
        this.fields = fields;
        this.window = window;
    }

    void add(TelemetryEvent e) {
        if (e.hasTimestamp()) {
            firstMillis = Math.min(firstMillis, e.timestampMillis());
            lastMillis = Math.max(lastMillis, e.timestampMillis());
        }
        if (window != null) {
            if (!e.hasTimestamp()) {
                untimed++;
                return;
            }
            minute = MinuteSeries.minuteOf(e.timestampMillis());
            lastMinute = Math.max(lastMinute, minute);
        }
        fields.rates(e, this);
    }

    @Override
    public void rate(String metric, double value) {
        if (window == null) {
            double[] t = totals.computeIfAbsent(metric, k -> new double[2]);
            t[0] += value;
            t[1]++;
        } else {
            MinuteSeries s = minutes.computeIfAbsent(metric, k -> new MinuteSeries(2));
            s.add(minute, 0, value);
            s.add(minute, 1, 1);
        }
    }

    /** metric -> {sum, n} over everything, or over the window ending with the latest event's minute. */
    Map<String, double[]> sums() {
        if (window == null) {
            return totals;
        }
        Map<String, double[]> out = new TreeMap<>();
        long w = window.toMinutes();
        minutes.forEach((metric, s) -> {
            double n = s.sum(lastMinute, w, 1);
            if (n > 0) {
                out.put(metric, new double[] {s.sum(lastMinute, w, 0), n});
            }
        });
        return out;
    }

    Duration window() {
        return window;
    }

    /** Epoch millis where the window starts (inclusive, whole minutes), or of the first event; null without timestamps. */
    Long from() {
        if (window != null) {
            return lastMinute == Long.MIN_VALUE ? null : (lastMinute - window.toMinutes() + 1) * 60_000L;
        }
        return firstMillis == Long.MAX_VALUE ? null : firstMillis;
    }

    /** Epoch millis of the latest event; null without timestamps. */
    Long to() {
        return lastMillis == Long.MIN_VALUE ? null : lastMillis;
    }

    long untimed() {
        return untimed;
    }
}
