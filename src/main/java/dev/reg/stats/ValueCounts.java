package dev.reg.stats;

import java.util.Arrays;

/**
 * How often each distinct value occurs, in primitive arrays ({@link LongIndex} on the value's bits),
 * up to a limit of distinct values. Telemetry fields such as whole-millisecond latencies, costs in
 * cents and judge scores take few distinct values, so their exact order statistics fit in a few
 * megabytes however many events there are; past the limit {@link #overflowed()} says so and only
 * the total goes on counting. -0.0 counts as 0.0; NaN is refused.
 */
public final class ValueCounts {
    private final int maxDistinct;
    private LongIndex index = new LongIndex();
    private long[] counts = new long[64];
    private long total;
    private boolean overflowed;

    public ValueCounts(int maxDistinct) {
        this.maxDistinct = maxDistinct;
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
        int i = index.indexOf(bits);
        if (i < 0) {
            if (index.size() == maxDistinct) {
                overflowed = true; // the counts so far stay readable by forEach until release()
                return false;
            }
            i = index.add(bits);
            if (i == counts.length) {
                counts = Arrays.copyOf(counts, i * 2);
            }
        }
        counts[i] += count;
        return true;
    }

    public boolean overflowed() {
        return overflowed;
    }

    /** Every value added, counted with repetition (also after an overflow). */
    public long total() {
        return total;
    }

    public int distinct() {
        return overflowed ? -1 : index.size();
    }

    /** The distinct values in increasing order, with their counts in {@code countsOut[0]} (same length). */
    public double[] sorted(long[][] countsOut) {
        if (overflowed) {
            throw new IllegalStateException("more than " + maxDistinct + " distinct values: the counts were dropped");
        }
        int n = index.size();
        Integer[] order = new Integer[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            values[i] = Double.longBitsToDouble(index.key(i));
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] sorted = new double[n];
        long[] c = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[order[i]];
            c[i] = counts[order[i]];
        }
        countsOut[0] = c;
        return sorted;
    }

    /**
     * Calls {@code each} with every distinct value and its count, in no particular order; after an
     * overflow, with the values counted before it (until {@link #release()}).
     */
    public void forEach(ValueCount each) {
        if (index == null) {
            throw new IllegalStateException("the counts were released");
        }
        for (int i = 0; i < index.size(); i++) {
            each.accept(Double.longBitsToDouble(index.key(i)), counts[i]);
        }
    }

    /** Drops the counts kept after an overflow. */
    public void release() {
        if (overflowed) {
            index = null;
            counts = null;
        }
    }

    /** A distinct value and how often it occurred. */
    @FunctionalInterface
    public interface ValueCount {
        void accept(double value, long count);
    }
}
