package dev.reg.stats;

import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Percentiles by the nearest-rank method: the smallest value such that at least p% of the values
 * are at or below it, i.e. the value of rank {@code ceil(p/100 * n)} (Hyndman and Fan's type 1,
 * the inverse of the empirical distribution function). Always one of the observed values.
 */
public final class Percentiles {
    public static final String METHOD = "nearest-rank";
    private static final Quantile NEAREST_RANK = Quantile.withDefaults().with(Quantile.EstimationMethod.HF1).withCopy(false);

    private Percentiles() {
    }

    /** The p-th percentile (0 < p <= 100) of {@code values}, which this call may reorder. */
    public static double nearestRank(double[] values, int length, double p) {
        if (length < 1) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        return NEAREST_RANK.evaluateRange(values, 0, length, p / 100);
    }

    /** The 1-based rank nearest-rank picks: {@code ceil(p/100 * n)}. */
    public static long rank(long n, double p) {
        return Math.max(1, (long) Math.ceil(p / 100 * n - 1e-9));
    }
}
