package dev.reg.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Exact {@link LinearQuantile type-7} quantiles of a stream of values that may be far too long to
 * keep, in bounded memory, at the cost of re-reading the stream when it must.
 * <p>
 * The first pass counts each distinct value ({@link ValueCounts}); when the values are few (the
 * usual case for telemetry) the quantiles follow at once. Past the limit of distinct values the
 * first pass keeps a histogram of the top 16 bits of each value's order-preserving 64-bit key
 * instead, and further passes narrow down only the buckets that hold the needed order statistics:
 * a bucket small enough is collected and sorted; a larger one is split on its next 16 bits. Four
 * levels of 16 bits reach single values, so at most five passes are ever needed and the memory is a
 * few histograms plus at most {@code collectLimit} collected values. The answers are the same
 * numbers {@code numpy.quantile} gives on the whole array.
 * <p>
 * Protocol: {@link #add} every value; then while {@link #needsPass()}: {@link #addInPass} every
 * value again, in any order, then {@link #endPass()}; then {@link #quantiles()}.
 */
public final class ExactQuantiles {
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private final double[] probabilities;
    private final ValueCounts counts;
    private long collectLimit;
    private long[] topHistogram;
    private final TreeMap<Long, Double> resolved = new TreeMap<>();
    private List<Group> groups = List.of();
    private boolean planned;

    /** A key prefix whose values a pass collects or splits, and the ranks it holds. */
    private static final class Group {
        final long prefix;
        final int bits;
        final long below;
        final List<Long> ranks = new ArrayList<>();
        final DoubleList values;
        final long[] histogram;

        Group(long prefix, int bits, long below, boolean collect) {
            this.prefix = prefix;
            this.bits = bits;
            this.below = below;
            this.values = collect ? new DoubleList() : null;
            this.histogram = collect ? null : new long[BUCKETS];
        }
    }

    /**
     * @param probabilities the quantiles wanted, each in [0, 1]
     * @param maxDistinct distinct values counted exactly before switching to histograms
     * @param collectLimit values a refinement pass may hold in memory at once
     */
    public ExactQuantiles(double[] probabilities, int maxDistinct, long collectLimit) {
        this.probabilities = probabilities.clone();
        this.counts = new ValueCounts(maxDistinct);
        this.collectLimit = collectLimit;
    }

    /** Lowers the values the refinement passes may collect (callers share one budget among many fields). */
    public void collectLimit(long limit) {
        if (planned) {
            throw new IllegalStateException("the passes are planned already");
        }
        collectLimit = limit;
    }

    /** First pass: one value. */
    public void add(double v) {
        if (topHistogram != null) {
            counts.add(v);
            histogramAdd(v);
        } else if (!counts.add(v)) {
            // too many distinct values: carry the counts so far into the histogram and go on there
            topHistogram = new long[BUCKETS];
            counts.forEach((value, c) -> topHistogram[(int) (key(value) >>> (64 - BITS))] += c);
            counts.release();
            histogramAdd(v);
        }
    }

    private void histogramAdd(double v) {
        topHistogram[(int) (key(v) >>> (64 - BITS))]++;
    }

    public long count() {
        return counts.total();
    }

    /** The exact counts of each distinct value, or null when there were too many distinct values. */
    public ValueCounts valueCounts() {
        return counts.overflowed() ? null : counts;
    }

    /** Whether another pass over the values is needed before {@link #quantiles()}. */
    public boolean needsPass() {
        if (counts.total() == 0 || !counts.overflowed()) {
            return false;
        }
        if (!planned) {
            planFirst();
        }
        return !groups.isEmpty();
    }

    /** A value during a refinement pass. */
    public void addInPass(double v) {
        long k = key(v);
        for (Group g : groups) {
            if (k >>> (64 - g.bits) == g.prefix) {
                if (g.values != null) {
                    g.values.add(v + 0.0);
                } else {
                    g.histogram[(int) ((k >>> (64 - g.bits - BITS)) & (BUCKETS - 1))]++;
                }
                return;
            }
        }
    }

    public void endPass() {
        List<Group> next = new ArrayList<>();
        long budget = collectLimit;
        for (Group g : groups) {
            if (g.values != null) {
                double[] sorted = Arrays.copyOf(g.values.array(), g.values.size());
                Arrays.sort(sorted);
                for (long r : g.ranks) {
                    long i = r - g.below;
                    if (i < 0 || i >= sorted.length) {
                        throw new IllegalStateException("the values changed between passes");
                    }
                    resolved.put(r, sorted[(int) i]);
                }
            } else {
                budget = split(g.histogram, g.prefix, g.bits, g.below, g.ranks, next, budget);
            }
        }
        groups = next;
    }

    /** The quantiles, in the order asked for. */
    public double[] quantiles() {
        long n = counts.total();
        if (n == 0) {
            throw new IllegalStateException("no values");
        }
        double[] out = new double[probabilities.length];
        if (!counts.overflowed()) {
            long[][] c = new long[1][];
            double[] values = counts.sorted(c);
            long[] cumulative = new long[values.length];
            long run = 0;
            for (int i = 0; i < values.length; i++) {
                run += c[0][i];
                cumulative[i] = run;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = LinearQuantile.of(r -> values[upperIndex(cumulative, r)], n, probabilities[i]);
            }
            return out;
        }
        if (needsPass()) {
            throw new IllegalStateException("another pass over the values is needed first");
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = LinearQuantile.of(r -> {
                Double v = resolved.get(r);
                if (v == null) {
                    throw new IllegalStateException("rank " + r + " was not resolved");
                }
                return v;
            }, n, probabilities[i]);
        }
        return out;
    }

    /** The first index whose cumulative count exceeds rank r (0-based). */
    private static int upperIndex(long[] cumulative, long r) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private void planFirst() {
        planned = true;
        java.util.TreeSet<Long> ranks = new java.util.TreeSet<>();
        for (double p : probabilities) {
            for (long r : LinearQuantile.ranks(counts.total(), p)) {
                ranks.add(r);
            }
        }
        List<Group> next = new ArrayList<>();
        split(topHistogram, 0, 0, 0, new ArrayList<>(ranks), next, collectLimit);
        topHistogram = null;
        groups = next;
    }

    /**
     * Places each rank in its bucket of {@code histogram} (the next 16 bits after a prefix of
     * {@code bits} bits): resolved at once when the key is complete, else a group that the next pass
     * collects (while the budget lasts) or splits again.
     */
    private long split(long[] histogram, long prefix, int bits, long below, List<Long> ranks, List<Group> next, long budget) {
        int childBits = bits + BITS;
        long cumulative = below;
        int bucket = 0;
        Group current = null;
        for (long r : ranks) {
            while (cumulative + histogram[bucket] <= r) {
                cumulative += histogram[bucket];
                bucket++;
                if (bucket == BUCKETS) {
                    throw new IllegalStateException("the values changed between passes");
                }
            }
            long childPrefix = (prefix << BITS) | bucket;
            if (childBits == 64) {
                resolved.put(r, fromKey(childPrefix));
                continue;
            }
            if (current == null || current.prefix != childPrefix) {
                long size = histogram[bucket];
                boolean collect = size <= budget;
                if (collect) {
                    budget -= size;
                }
                current = new Group(childPrefix, childBits, cumulative, collect);
                next.add(current);
            }
            current.ranks.add(r);
        }
        return budget;
    }

    /** An unsigned 64-bit key whose order is the numeric order of doubles (-0.0 as 0.0). */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    static double fromKey(long key) {
        long bits = key < 0 ? key ^ Long.MIN_VALUE : ~key;
        return Double.longBitsToDouble(bits);
    }
}
