package dev.reg.stats;

/**
 * Running statistics of a stream of values: count, sum, mean and variance (Welford's update, stable
 * over millions of values), min, max and whether every value is 0 or 1. Keeps the values
 * themselves only when asked to, for percentiles.
 */
public final class Sample {
    private final DoubleList values;
    private long n;
    private double sum;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private boolean zeroOne = true;

    public Sample(boolean keepValues) {
        this.values = keepValues ? new DoubleList() : null;
    }

    public void add(double v) {
        n++;
        sum += v;
        double d = v - mean;
        mean += d / n;
        m2 += d * (v - mean);
        min = Math.min(min, v);
        max = Math.max(max, v);
        zeroOne &= v == 0 || v == 1;
        if (values != null) {
            values.add(v);
        }
    }

    public long n() {
        return n;
    }

    public double sum() {
        return sum;
    }

    public double mean() {
        return mean;
    }

    /** The sample variance (n - 1 in the denominator); 0 for fewer than two values. */
    public double variance() {
        return n < 2 ? 0 : m2 / (n - 1);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean allZeroOrOne() {
        return zeroOne;
    }

    /** The nearest-rank percentile; only for a sample that keeps its values. */
    public double percentile(double p) {
        if (values == null) {
            throw new IllegalStateException("this sample does not keep its values");
        }
        return Percentiles.nearestRank(values.array(), values.size(), p);
    }
}
