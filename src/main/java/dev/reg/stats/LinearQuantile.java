package dev.reg.stats;

import java.util.function.LongToDoubleFunction;

/**
 * Quantiles by linear interpolation between order statistics: Hyndman and Fan (1996), "Sample
 * quantiles in statistical packages", The American Statistician 50:361-365, definition 7, the
 * default of numpy, R and Excel's PERCENTILE.INC. The arithmetic follows numpy 2's
 * {@code np.quantile(x, q)} step for step (virtual index {@code (n-1) q}, and its two-sided lerp)
 * so that bin edges agree with numpy to the last bit.
 */
public final class LinearQuantile {
    public static final String METHOD = "linear interpolation (Hyndman-Fan type 7, numpy default)";

    private LinearQuantile() {
    }

    /** The 0-based ranks whose values {@link #of} reads for quantile {@code q} of {@code n} values. */
    public static long[] ranks(long n, double q) {
        double h = (n - 1) * q;
        if (h >= n - 1) {
            return new long[] {n - 1};
        }
        long lo = (long) Math.floor(Math.max(0, h));
        return new long[] {lo, lo + 1};
    }

    /**
     * Quantile {@code q} (0..1) of {@code n >= 1} values, given the order statistic of each 0-based rank
     * (the value at that position of the sorted values).
     */
    public static double of(LongToDoubleFunction orderStatistic, long n, double q) {
        if (n < 1) {
            throw new IllegalArgumentException("no values");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        double h = (n - 1) * q;
        if (h >= n - 1) {
            return orderStatistic.applyAsDouble(n - 1);
        }
        long lo = (long) Math.floor(h);
        double gamma = h - lo;
        double a = orderStatistic.applyAsDouble(lo);
        double b = orderStatistic.applyAsDouble(lo + 1);
        double diff = b - a;
        // numpy's _lerp: from the nearer end, which keeps the result inside [a, b]
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    /** Quantile {@code q} of the first {@code n} entries of a sorted array. */
    public static double ofSorted(double[] sorted, int n, double q) {
        return of(r -> sorted[(int) r], n, q);
    }
}
