package dev.reg.stats;

/**
 * Minimum detectable effects and sample sizes of a two-arm comparison by the normal approximation
 * (Chow, Shao and Wang 2008, "Sample Size Calculations in Clinical Research", 2nd ed., section 3.2,
 * with unequal allocation): an effect {@code delta} is detected with probability {@code power} by a
 * two-sided test at {@code alpha} when {@code delta >= (z_(1-alpha/2) + z_power) * SE}, and with a
 * treatment share {@code s} of N events {@code SE^2 = var0 / ((1-s) N) + var1 / (s N)}, so
 * <pre>  N = (z_(1-alpha/2) + z_power)^2 * (var0/(1-s) + var1/s) / delta^2.</pre>
 * The sequential variant replaces {@code z_(1-alpha/2)} by the confidence-sequence multiplier at N.
 */
public final class SampleSizes {
    private SampleSizes() {
    }

    public static double mde(double standardError, double alpha, double power) {
        return (TwoSampleIntervals.z(alpha) + TwoSampleIntervals.normalQuantile(power)) * standardError;
    }

    public static double mdeSequential(double standardError, long n, double alpha, double power, double tuning) {
        return (ConfidenceSequences.multiplier(n, alpha, tuning) + TwoSampleIntervals.normalQuantile(power)) * standardError;
    }

    /** Total events (both arms) to detect {@code delta}; fractional, the caller rounds each arm up. */
    public static double totalEvents(double delta, double varControl, double varTreatment, double treatmentShare, double alpha,
            double power) {
        double k = TwoSampleIntervals.z(alpha) + TwoSampleIntervals.normalQuantile(power);
        return k * k * spread(varControl, varTreatment, treatmentShare) / (delta * delta);
    }

    /**
     * Total events to detect {@code delta} with the always-valid interval: the smallest N (to 1 event)
     * with {@code (multiplier(N) + z_power) * SE(N) <= |delta|}.
     */
    public static double totalEventsSequential(double delta, double varControl, double varTreatment, double treatmentShare,
            double alpha, double power, double tuning) {
        double spread = spread(varControl, varTreatment, treatmentShare);
        double zp = TwoSampleIntervals.normalQuantile(power);
        double target = Math.abs(delta);
        java.util.function.DoublePredicate enough = n -> (ConfidenceSequences.multiplier(n, alpha, tuning) + zp) * Math.sqrt(spread / n) <= target;
        double hi = Math.max(2, totalEvents(delta, varControl, varTreatment, treatmentShare, alpha, power));
        while (!enough.test(hi)) {
            hi *= 2;
            if (hi > 1e18) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double lo = 1;
        while (hi - lo > 1) {
            double mid = Math.floor((lo + hi) / 2);
            if (enough.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static double spread(double varControl, double varTreatment, double s) {
        if (!(s > 0 && s < 1)) {
            throw new IllegalArgumentException("treatment share must be in (0, 1), got " + s);
        }
        return varControl / (1 - s) + varTreatment / s;
    }
}
