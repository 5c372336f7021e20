package dev.reg.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square goodness-of-fit test of observed counts against planned shares, as
 * {@code scipy.stats.chisquare(observed, expected)} computes it: the statistic
 * {@code sum (O_i - E_i)^2 / E_i} with {@code E_i = N * share_i}, referred to the chi-square
 * distribution with {@code k - 1} degrees of freedom. An online experiment uses it to detect a
 * sample-ratio mismatch (Fabijan et al. 2019, "Diagnosing sample ratio mismatch in online
 * controlled experiments", KDD).
 */
public final class GoodnessOfFit {
    private GoodnessOfFit() {
    }

    /** Statistic, degrees of freedom and upper-tail p-value. */
    public record Result(double statistic, int df, double p) {
    }

    public static Result chiSquare(long[] observed, double[] shares) {
        if (observed.length != shares.length || observed.length < 2) {
            throw new IllegalArgumentException("need at least two categories with one share each");
        }
        long total = 0;
        double shareSum = 0;
        for (int i = 0; i < observed.length; i++) {
            if (observed[i] < 0 || !(shares[i] > 0)) {
                throw new IllegalArgumentException("counts must be >= 0 and shares > 0");
            }
            total += observed[i];
            shareSum += shares[i];
        }
        if (Math.abs(shareSum - 1) > 1e-9) {
            throw new IllegalArgumentException("shares must sum to 1, got " + shareSum);
        }
        if (total == 0) {
            throw new IllegalArgumentException("no observations");
        }
        double stat = 0;
        for (int i = 0; i < observed.length; i++) {
            double e = total * shares[i];
            double d = observed[i] - e;
            stat += d * d / e;
        }
        int df = observed.length - 1;
        return new Result(stat, df, ChiSquaredDistribution.of(df).survivalProbability(stat));
    }
}
