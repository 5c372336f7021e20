package dev.reg.eval;

import java.util.Locale;

/** What kind of quantity a metric is; decides its default direction and how gates aggregate it. */
public enum MetricType {
    BINARY, SCORE, COUNT, LATENCY, COST, CATEGORY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MetricType parse(String text) {
        for (MetricType t : values()) {
            if (t.label().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown metric type '" + text + "': expected binary, score, count, latency, cost or category");
    }
}
