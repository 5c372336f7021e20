package dev.reg.online;

import java.util.Locale;

/** A monitoring level: green, yellow (investigate), red (page), or unknown (too little data: never red). */
public enum Level {
    UNKNOWN, GREEN, YELLOW, RED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code value >= red} is red, {@code >= yellow} yellow, else green. */
    public static Level of(double value, Thresholds t) {
        return value >= t.red() ? RED : value >= t.yellow() ? YELLOW : GREEN;
    }

    /** The worse of two levels; unknown is worse than nothing but better than any known level. */
    public Level worst(Level o) {
        return ordinal() >= o.ordinal() ? this : o;
    }

    /** A yellow and a red threshold. */
    public record Thresholds(double yellow, double red) {
    }
}
