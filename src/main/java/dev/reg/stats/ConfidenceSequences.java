package dev.reg.stats;

import java.util.Locale;

/**
 * Always-valid intervals for sequential monitoring: the asymptotic confidence sequence of
 * Waudby-Smith, Arbour, Sinha, Kennedy and Ramdas, "Time-uniform central limit theory and
 * asymptotic confidence sequences", Annals of Statistics 52 (2024), arXiv:2103.06476, Theorem 2.2
 * (the two-sided Gaussian-mixture boundary, their eq. 9), applied to a two-sample difference the
 * way GrowthBook documents its sequential testing: with N the events of both arms and SE the
 * standard error of the estimate, the half-width is
 * <pre>
 *   SE * sqrt( 2 (N rho^2 + 1) / (N rho^2) * ln( sqrt(N rho^2 + 1) / alpha ) )
 * </pre>
 * and {@code rho^2 = (-2 ln alpha + ln(1 - 2 ln alpha)) / N*} makes the sequence tightest near the
 * tuning parameter N* (GrowthBook's default 5,000). Looking at the interval after every event
 * keeps the chance that it ever misses the true value below alpha.
 */
public final class ConfidenceSequences {
    /** GrowthBook's default tuning parameter: the sequence is tightest near this many events. */
    public static final double DEFAULT_TUNING = 5000;

    private ConfidenceSequences() {
    }

    public static double rhoSquared(double alpha, double tuning) {
        TwoSampleIntervals.requireAlpha(alpha);
        if (!(tuning > 0)) {
            throw new IllegalArgumentException("the tuning parameter must be positive, got " + tuning);
        }
        double la = -2 * Math.log(alpha);
        return (la + Math.log(1 + la)) / tuning;
    }

    /** The multiplier of the standard error at {@code n} events: the sequential analogue of z. */
    public static double multiplier(double n, double alpha, double tuning) {
        if (!(n >= 1)) {
            throw new IllegalArgumentException("need at least one event, got " + n);
        }
        double nr = n * rhoSquared(alpha, tuning);
        return Math.sqrt(2 * (nr + 1) / nr * Math.log(Math.sqrt(nr + 1) / alpha));
    }

    /** {@code value +/- multiplier(n) * se}. */
    public static Estimate interval(double value, double se, long n, double alpha, double tuning, String estimateMethod) {
        double h = multiplier(n, alpha, tuning) * se;
        return new Estimate(value, value - h, value + h, se, null, estimateMethod + "; " + method(alpha, tuning));
    }

    public static String method(double alpha, double tuning) {
        return String.format(Locale.ROOT, "always-valid asymptotic confidence sequence (Waudby-Smith et al. 2024, Gaussian mixture, N*=%s), %s",
                Numbers.brief(tuning), TwoSampleIntervals.level(alpha));
    }
}
