package dev.reg.gate;

import dev.reg.stats.Numbers;

/**
 * How a bar's outcome is written wherever it appears — {@code reg gate}'s notes, {@code reg
 * release}'s output, the decision memo and JUnit XML — so the four say the same thing the same way:
 * {@code grounded_judge mean where domain=Support = 3.675 (n=4, bar >= 4.2, delta -0.5)}.
 */
public final class BarLine {
    private BarLine() {
    }

    /** What the bar measures: {@code metric aggregation[ where slice]}. */
    public static String subject(BarResult b) {
        return b.metric() + " " + b.aggregation() + (b.where() == null || b.where().isBlank() ? "" : " where " + b.where());
    }

    /** What the bar measures and its requirement: the bar's name in a test report. */
    public static String name(BarResult b) {
        return subject(b) + " " + b.bar();
    }

    /** The whole line: subject, value, sample size, the bar and the delta when there is one. */
    public static String of(BarResult b) {
        return subject(b) + " = " + Numbers.brief(b.value()) + " (n=" + b.n() + ", bar " + b.bar()
                + (b.delta() == null ? "" : ", delta " + Numbers.signed(b.delta())) + ")";
    }

    /** The 95% interval as {@code [low, high]}; a delta's is signed like the delta. Null when there is none. */
    public static String interval(BarResult b) {
        if (b.intervalLow() == null || b.intervalHigh() == null) {
            return null;
        }
        return b.delta() != null ? "[" + Numbers.signed(b.intervalLow()) + ", " + Numbers.signed(b.intervalHigh()) + "]"
                : "[" + Numbers.brief(b.intervalLow()) + ", " + Numbers.brief(b.intervalHigh()) + "]";
    }
}
