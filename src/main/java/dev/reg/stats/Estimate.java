package dev.reg.stats;

/**
 * A point estimate with its two-sided interval: what was estimated, how precisely, and by which
 * method (named so a reader can recompute it).
 *
 * @param standardError the estimate's standard error where the method has one (NaN for score intervals)
 * @param df degrees of freedom of a t interval, or null for other methods
 */
public record Estimate(double value, double low, double high, double standardError, Double df, String method) {
    /** The interval lies entirely above {@code x}. */
    public boolean above(double x) {
        return low > x;
    }

    /** The interval lies entirely below {@code x}. */
    public boolean below(double x) {
        return high < x;
    }
}
