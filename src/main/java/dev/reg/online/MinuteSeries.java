package dev.reg.online;

import dev.reg.stats.LongIndex;
import java.util.Arrays;

/**
 * Sums per minute of event time, in primitive arrays (one row per minute that has events): what a
 * window ending at the latest event needs, without keeping events. Thirty days of telemetry are at
 * most 43,200 rows whatever the number of events. Windows are whole minutes: a window of w minutes
 * ending with minute M holds the minutes M - w + 1 .. M.
 */
final class MinuteSeries {
    private final int columns;
    private final LongIndex minutes = new LongIndex();
    private double[] sums;

    MinuteSeries(int columns) {
        this.columns = columns;
        sums = new double[64 * columns];
    }

    static long minuteOf(long epochMillis) {
        return Math.floorDiv(epochMillis, 60_000L);
    }

    void add(long minute, int column, double value) {
        int row = minutes.add(minute);
        if ((row + 1) * columns > sums.length) {
            sums = Arrays.copyOf(sums, sums.length * 2);
        }
        sums[row * columns + column] += value;
    }

    /** The sum of {@code column} over the {@code count} minutes ending with {@code lastMinute}. */
    double sum(long lastMinute, long count, int column) {
        double s = 0;
        if (count >= minutes.size()) {
            for (int row = 0; row < minutes.size(); row++) {
                long m = minutes.key(row);
                if (m <= lastMinute && m > lastMinute - count) {
                    s += sums[row * columns + column];
                }
            }
            return s;
        }
        for (long m = lastMinute - count + 1; m <= lastMinute; m++) {
            int row = minutes.indexOf(m);
            if (row >= 0) {
                s += sums[row * columns + column];
            }
        }
        return s;
    }
}
