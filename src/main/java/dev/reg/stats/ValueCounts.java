package dev.reg.stats;

import java.util.Arrays;

/**
 * How often each distinct value occurs, in primitive arrays (open addressing on the value's bits),
 * up to a limit of distinct values. Telemetry fields such as whole-millisecond latencies, costs in
 * cents and judge scores take few distinct values, so their exact order statistics fit in a few
 * megabytes however many events there are; past the limit {@link #overflowed()} says so and only
 * the total goes on counting. -0.0 counts as 0.0; NaN is refused.
 */
public final class ValueCounts {
    private static final long EMPTY = 0x7ff8000000000001L; // a NaN payload no added value can have
    private final int maxDistinct;
    private long[] keys;
    private long[] counts;
    private int distinct;
    private long total;
    private boolean overflowed;

    public ValueCounts(int maxDistinct) {
        this.maxDistinct = maxDistinct;
        allocate(64);
    }

    /** Counts {@code v}; returns false once the number of distinct values passed the limit. */
    public boolean add(double v) {
        return add(v, 1);
    }

    public boolean add(double v, long count) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("NaN is not a value");
        }
        total += count;
        if (overflowed) {
            return false;
        }
        long bits = Double.doubleToRawLongBits(v + 0.0);
        int mask = keys.length - 1;
        int i = mix(bits) & mask;
        while (true) {
            long k = keys[i];
            if (k == bits) {
                counts[i] += count;
                return true;
            }
            if (k == EMPTY) {
                if (distinct == maxDistinct) {
                    overflowed = true; // the counts so far stay readable by forEach until release()
                    return false;
                }
                keys[i] = bits;
                counts[i] = count;
                distinct++;
                if (distinct * 2 > keys.length) {
                    grow();
                }
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    public boolean overflowed() {
        return overflowed;
    }

    /** Every value added, counted with repetition (also after an overflow). */
    public long total() {
        return total;
    }

    public int distinct() {
        return overflowed ? -1 : distinct;
    }

    /** The distinct values in increasing order, with their counts in {@code countsOut} (same length). */
    public double[] sorted(long[][] countsOut) {
        requireCounts();
        long[] packed = new long[distinct];
        int j = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                packed[j++] = k;
            }
        }
        double[] values = new double[distinct];
        for (int i = 0; i < distinct; i++) {
            values[i] = Double.longBitsToDouble(packed[i]);
        }
        Arrays.sort(values);
        long[] c = new long[distinct];
        for (int i = 0; i < distinct; i++) {
            c[i] = count(values[i]);
        }
        countsOut[0] = c;
        return values;
    }

    /**
     * Calls {@code each} with every distinct value and its count, in no particular order; after an
     * overflow, with the values counted before it (until {@link #release()}).
     */
    public void forEach(ValueCount each) {
        if (keys == null) {
            throw new IllegalStateException("the counts were released");
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                each.accept(Double.longBitsToDouble(keys[i]), counts[i]);
            }
        }
    }

    /** Drops the counts kept after an overflow. */
    public void release() {
        if (overflowed) {
            keys = null;
            counts = null;
        }
    }

    /** A distinct value and how often it occurred. */
    @FunctionalInterface
    public interface ValueCount {
        void accept(double value, long count);
    }

    private long count(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int mask = keys.length - 1;
        int i = mix(bits) & mask;
        while (keys[i] != bits) {
            i = (i + 1) & mask;
        }
        return counts[i];
    }

    private void requireCounts() {
        if (overflowed) {
            throw new IllegalStateException("more than " + maxDistinct + " distinct values: the counts were dropped");
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        counts = new long[capacity];
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    private static int mix(long bits) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
