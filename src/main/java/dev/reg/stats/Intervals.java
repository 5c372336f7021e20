package dev.reg.stats;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.NormalConfidenceInterval;

/**
 * Confidence intervals used by gates and readouts. The single-proportion, mean and exact bounds come
 * from Apache Commons Statistics; Newcombe's differences of proportions (1998, method 10) are the
 * published combinations of those Wilson intervals.
 */
public final class Intervals {
    /** The confidence level of every interval reg reports. */
    public static final double CONFIDENCE = 0.95;
    private static final double ALPHA = 1 - CONFIDENCE;

    private Intervals() {
    }

    /**
     * Wilson score interval for {@code successes} of {@code n} (Wilson 1927). The bounds are within
     * [0, 1] exactly: for 0 successes the lower bound is 0 and for n the upper is 1 (the formula's
     * value; floating point otherwise leaves a stray -8.7e-19 or 1.0000000000000002).
     */
    public static Interval wilson(int successes, int n) {
        requireCounts(successes, n);
        var i = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, successes, ALPHA);
        return new Interval(successes == 0 ? 0 : Math.max(0, i.getLowerBound()), successes == n ? 1 : Math.min(1, i.getUpperBound()),
                "Wilson score 95%");
    }

    /**
     * Difference {@code x1/n1 - x2/n2} of two independent proportions: Newcombe (1998), "Interval
     * estimation for the difference between independent proportions", method 10 (hybrid score).
     */
    public static Interval newcombeIndependent(int x1, int n1, int x2, int n2) {
        requireCounts(x1, n1);
        requireCounts(x2, n2);
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval w1 = wilson(x1, n1);
        Interval w2 = wilson(x2, n2);
        double d = p1 - p2;
        double low = d - Math.sqrt(sq(p1 - w1.low()) + sq(w2.high() - p2));
        double high = d + Math.sqrt(sq(w1.high() - p1) + sq(p2 - w2.low()));
        return new Interval(Math.max(-1, low), Math.min(1, high), "Newcombe hybrid score 95%");
    }

    /**
     * Difference of two proportions measured on the same cases: Newcombe (1998), "Improved confidence
     * intervals for the difference between binomial proportions based on paired data", method 10.
     * The 2x2 table: {@code bothPass}, {@code firstOnly} (pass in the first, fail in the second),
     * {@code secondOnly}, {@code neither}; the difference is first minus second.
     */
    public static Interval newcombePaired(int bothPass, int firstOnly, int secondOnly, int neither) {
        int e = bothPass;
        int f = firstOnly;
        int g = secondOnly;
        int h = neither;
        if (e < 0 || f < 0 || g < 0 || h < 0) {
            throw new IllegalArgumentException("negative count in a paired table");
        }
        int n = e + f + g + h;
        if (n == 0) {
            throw new IllegalArgumentException("no pairs");
        }
        double d = (double) (f - g) / n;
        double p1 = (double) (e + f) / n;
        double p2 = (double) (e + g) / n;
        Interval w1 = wilson(e + f, n);
        Interval w2 = wilson(e + g, n);
        double dl2 = p1 - w1.low();
        double du2 = w1.high() - p1;
        double dl3 = p2 - w2.low();
        double du3 = w2.high() - p2;
        double phi = phi(e, f, g, h);
        double low = d - Math.sqrt(Math.max(0, dl2 * dl2 - 2 * phi * dl2 * du3 + du3 * du3));
        double high = d + Math.sqrt(Math.max(0, du2 * du2 - 2 * phi * du2 * dl3 + dl3 * dl3));
        return new Interval(Math.max(-1, low), Math.min(1, high), "Newcombe paired score 95%");
    }

    /** Newcombe's correlation estimate for the paired table, with his continuity adjustment and 0 for an empty margin. */
    private static double phi(double e, double f, double g, double h) {
        double margins = (e + f) * (g + h) * (e + g) * (f + h);
        if (margins == 0) {
            return 0;
        }
        double n = e + f + g + h;
        double num = e * h > f * g ? Math.max(e * h - f * g - n / 2, 0) : e * h - f * g;
        return num / Math.sqrt(margins);
    }

    /** Student-t interval for a mean from its sample mean, sample variance and size (n of at least 2). */
    public static Interval mean(double mean, double variance, long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a t interval needs at least 2 values, got " + n);
        }
        var i = NormalConfidenceInterval.MEAN.fromErrorRate(mean, variance, n, ALPHA);
        return new Interval(i.getLowerBound(), i.getUpperBound(), "Student t 95%");
    }

    /**
     * {@code i} restricted to the scale {@code [low, high]} a quantity cannot leave (a score's
     * declared scale, 0 for costs and latencies): the part of the interval outside it holds no
     * possible value. Either bound may be infinite. The method says when it clipped.
     */
    public static Interval clip(Interval i, double low, double high) {
        if (i.low() >= low && i.high() <= high) {
            return i;
        }
        return new Interval(Math.min(Math.max(i.low(), low), high), Math.max(Math.min(i.high(), high), low),
                i.method() + ", clipped to " + scale(low, high));
    }

    /** {@code [0, 1]}, {@code [0, ∞)}: a scale as the notes print it. */
    public static String scale(double low, double high) {
        return (low == Double.NEGATIVE_INFINITY ? "(-∞" : "[" + Numbers.brief(low)) + ", "
                + (high == Double.POSITIVE_INFINITY ? "∞)" : Numbers.brief(high) + "]");
    }

    /**
     * What zero events in {@code n} trials proves: the exact one-sided 95% upper bound on the rate
     * (Clopper-Pearson, {@code 1 - 0.05^(1/n)}), which the "rule of three" approximates as 3/n.
     */
    public static double zeroEventUpperBound(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("no trials");
        }
        return BetaDistribution.of(1, n).inverseCumulativeProbability(CONFIDENCE);
    }

    private static void requireCounts(int successes, int n) {
        if (n < 1 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, got " + successes + " of " + n);
        }
    }

    private static double sq(double x) {
        return x * x;
    }
}
