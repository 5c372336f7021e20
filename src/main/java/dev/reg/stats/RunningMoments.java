package dev.reg.stats;

/**
 * Count, mean and sum of squared deviations of a stream of values, updated one value at a time by
 * Welford's method (Welford 1962, Technometrics 4:419-420), which stays accurate over millions of
 * values where the textbook sum-of-squares formula cancels catastrophically. Two partial results
 * merge exactly (Chan, Golub and LeVeque 1979), so files can be read apart and combined.
 */
public final class RunningMoments {
    private long n;
    private double mean;
    private double m2;

    public void add(double x) {
        n++;
        double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
    }

    /** Adds every value {@code other} has seen, as if they had been added here. */
    public void merge(RunningMoments other) {
        if (other.n == 0) {
            return;
        }
        if (n == 0) {
            n = other.n;
            mean = other.mean;
            m2 = other.m2;
            return;
        }
        long total = n + other.n;
        double d = other.mean - mean;
        mean += d * other.n / total;
        m2 += other.m2 + d * d * ((double) n * other.n / total);
        n = total;
    }

    public long n() {
        return n;
    }

    /** The mean, or NaN with no values. */
    public double mean() {
        return n == 0 ? Double.NaN : mean;
    }

    /** The sample variance (n - 1 in the denominator), or NaN with fewer than two values. */
    public double variance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }
}
