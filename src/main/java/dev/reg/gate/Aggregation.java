package dev.reg.gate;

import java.util.Locale;

/** How a bar reduces its cases' values to one number. */
public enum Aggregation {
    MEAN, P50, P90, P95, P99, MIN, MAX, COUNT, RATE, PER_SUCCESS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The percentile for P50…P99, or 0. */
    public int percentile() {
        return switch (this) {
            case P50 -> 50;
            case P90 -> 90;
            case P95 -> 95;
            case P99 -> 99;
            default -> 0;
        };
    }

    /** Whether the bar counts cases matching {@code equals} rather than averaging values. */
    public boolean counts() {
        return this == COUNT || this == RATE;
    }

    public static Aggregation parse(String text) {
        for (Aggregation a : values()) {
            if (a.label().equals(text)) {
                return a;
            }
        }
        return null;
    }
}
