package dev.reg.online;

import java.util.Arrays;

/**
 * Sums per minute of event time, in primitive arrays (one row per minute that has events): what a
 * window ending at the latest event needs, without keeping events. Thirty days of telemetry are at
 * most 43,200 rows whatever the number of events. Windows are whole minutes: a window of w minutes
 * ending with minute M holds the minutes M - w + 1 .. M.
 */
final class MinuteSeries {
    private static final long EMPTY = Long.MIN_VALUE;
    private final int columns;
    private long[] keys = new long[64];
    private int[] rows = new int[64];
    private double[] sums;
    private int size;

    MinuteSeries(int columns) {
        this.columns = columns;
        Arrays.fill(keys, EMPTY);
        sums = new double[64 * columns];
    }

    static long minuteOf(long epochMillis) {
        return Math.floorDiv(epochMillis, 60_000L);
    }

    void add(long minute, int column, double value) {
        int r = row(minute); // first: row() may replace the sums array
        sums[r * columns + column] += value;
    }

    /** The sum of {@code column} over the {@code minutes} minutes ending with {@code lastMinute}. */
    double sum(long lastMinute, long minutes, int column) {
        double s = 0;
        if (minutes >= size) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != EMPTY && keys[i] <= lastMinute && keys[i] > lastMinute - minutes) {
                    s += sums[rows[i] * columns + column];
                }
            }
            return s;
        }
        for (long m = lastMinute - minutes + 1; m <= lastMinute; m++) {
            int r = find(m);
            if (r >= 0) {
                s += sums[r * columns + column];
            }
        }
        return s;
    }

    private int find(long minute) {
        int mask = keys.length - 1;
        for (int i = mix(minute) & mask; ; i = (i + 1) & mask) {
            if (keys[i] == minute) {
                return rows[i];
            }
            if (keys[i] == EMPTY) {
                return -1;
            }
        }
    }

    private int row(long minute) {
        int mask = keys.length - 1;
        int i = mix(minute) & mask;
        while (true) {
            if (keys[i] == minute) {
                return rows[i];
            }
            if (keys[i] == EMPTY) {
                break;
            }
            i = (i + 1) & mask;
        }
        int r = size++;
        if ((r + 1) * columns > sums.length) {
            sums = Arrays.copyOf(sums, sums.length * 2);
        }
        keys[i] = minute;
        rows[i] = r;
        if (size * 2 > keys.length) {
            grow();
        }
        return r;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                rows[i] = oldRows[j];
            }
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
