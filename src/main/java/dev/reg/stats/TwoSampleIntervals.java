package dev.reg.stats;

import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;

/**
 * Two-sided {@code 1 - alpha} intervals for the difference between two independent groups (the
 * treatment, group 1, minus the control, group 0) and for the relative lift
 * {@code mean1 / mean0 - 1}. Quantiles are exact (Apache Commons Statistics), never rounded: at
 * alpha 0.05 the normal quantile is 1.959963984540054. The formulas, with their sources, are
 * written out in docs/online-statistics.md.
 */
public final class TwoSampleIntervals {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoSampleIntervals() {
    }

    /** {@code z_(1 - alpha/2)}, the two-sided standard normal quantile. */
    public static double z(double alpha) {
        requireAlpha(alpha);
        return STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2);
    }

    /** {@code z_p}, the standard normal quantile at probability {@code p}. */
    public static double normalQuantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** "95%" for alpha 0.05: the confidence level as people write it. */
    public static String level(double alpha) {
        return Numbers.brief(100 * (1 - alpha)) + "%";
    }

    /**
     * Difference of two independent proportions {@code x1/n1 - x0/n0} with Newcombe's hybrid score
     * interval: Newcombe RG (1998), "Interval estimation for the difference between independent
     * proportions: comparison of eleven methods", Statistics in Medicine 17:873-890, method 10, built
     * from the Wilson score interval of each proportion (Wilson 1927).
     */
    public static Estimate newcombeHybrid(long x1, long n1, long x0, long n0, double alpha) {
        double p1 = proportion(x1, n1);
        double p0 = proportion(x0, n0);
        var w1 = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(count(n1), count(x1), alpha);
        var w0 = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(count(n0), count(x0), alpha);
        double d = p1 - p0;
        double low = d - Math.hypot(p1 - w1.getLowerBound(), w0.getUpperBound() - p0);
        double high = d + Math.hypot(w1.getUpperBound() - p1, p0 - w0.getLowerBound());
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
        return new Estimate(d, Math.max(-1, low), Math.min(1, high), se, null,
                "Newcombe hybrid score (Wilson per arm; Newcombe 1998 method 10), " + level(alpha));
    }

    /**
     * Difference of two means with Welch's unequal-variance t interval (Welch 1947, Biometrika
     * 34:28-35) and Welch-Satterthwaite degrees of freedom (Satterthwaite 1946): the interval
     * {@code scipy.stats.ttest_ind(x1, x0, equal_var=False).confidence_interval()} gives. Both groups
     * need at least two values. With no variance in either group the interval is the point.
     *
     * @param var1 the sample variance of group 1 (n - 1 denominator)
     */
    public static Estimate welch(double mean1, double var1, long n1, double mean0, double var0, long n0, double alpha) {
        requireAlpha(alpha);
        if (n1 < 2 || n0 < 2) {
            throw new IllegalArgumentException("Welch's interval needs two values per group, got " + n1 + " and " + n0);
        }
        double a = var1 / n1;
        double b = var0 / n0;
        double se2 = a + b;
        double d = mean1 - mean0;
        if (se2 == 0) {
            return new Estimate(d, d, d, 0, null, "Welch t, " + level(alpha) + " (no variance in either arm: the interval is the difference)");
        }
        double df = se2 * se2 / (a * a / (n1 - 1) + b * b / (n0 - 1));
        double se = Math.sqrt(se2);
        double t = TDistribution.of(df).inverseSurvivalProbability(alpha / 2);
        return new Estimate(d, d - t * se, d + t * se, se, df,
                String.format(Locale.ROOT, "Welch t with Welch-Satterthwaite df %.1f, %s", df, level(alpha)));
    }

    /** {@code value +/- z_(1 - alpha/2) * se}: an asymptotic normal interval, for delta-method estimates. */
    public static Estimate normal(double value, double se, double alpha, String method) {
        double z = z(alpha);
        return new Estimate(value, value - z * se, value + z * se, se, null, method + ", " + level(alpha));
    }

    /**
     * Variance of the relative lift {@code m1/m0 - 1} by the delta method, from each group's mean and
     * the variance of that mean: {@code v1/m0^2 + m1^2 v0/m0^4} (Kohavi, Tang and Xu 2020,
     * "Trustworthy Online Controlled Experiments", ch. 18; Deng et al. 2018). NaN when m0 is 0.
     */
    public static double relativeLiftVariance(double m1, double varOfMean1, double m0, double varOfMean0) {
        if (m0 == 0 || Double.isNaN(m0)) {
            return Double.NaN;
        }
        double m02 = m0 * m0;
        return varOfMean1 / m02 + m1 * m1 * varOfMean0 / (m02 * m02);
    }

    /** The relative lift {@code m1/m0 - 1} with its delta-method normal interval. */
    public static Estimate relativeLift(double m1, double varOfMean1, double m0, double varOfMean0, double alpha) {
        double se = Math.sqrt(relativeLiftVariance(m1, varOfMean1, m0, varOfMean0));
        return normal(m1 / m0 - 1, se, alpha, "delta method");
    }

    private static double proportion(long x, long n) {
        if (n < 1 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, got " + x + " of " + n);
        }
        return (double) x / n;
    }

    private static int count(long c) {
        if (c > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " events in one arm");
        }
        return (int) c;
    }

    static void requireAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }
}
