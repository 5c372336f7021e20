package dev.reg.online;

import dev.reg.stats.RatioMoments;

/**
 * One arm's summary of one metric: what the comparison needs, not the events. A value the events
 * did not report is not counted: {@link #n()} counts the events that carry the metric.
 */
public sealed interface MetricSample {
    long n();

    /** The arm's mean (a proportion for binary metrics, sum(x)/sum(y) for a ratio); NaN without data. */
    double mean();

    /** The variance of {@link #mean()} as an estimate: var/n, p(1-p)/n, or the delta-method variance of a ratio. */
    double varianceOfMean();

    /** A flag's events and hits. */
    record Binary(long n, long hits) implements MetricSample {
        @Override
        public double mean() {
            return n == 0 ? Double.NaN : (double) hits / n;
        }

        @Override
        public double varianceOfMean() {
            double p = mean();
            return p * (1 - p) / n;
        }
    }

    /** A numeric field's count, mean and sample variance (n - 1 denominator). */
    record Mean(long n, double mean, double variance) implements MetricSample {
        @Override
        public double varianceOfMean() {
            return variance / n;
        }
    }

    /**
     * A ratio of sums, x per y over the events carrying both (cost per success: x = cost_usd, y = 1 for
     * a success, 0 otherwise), with the moments the delta method needs.
     */
    record Ratio(long n, double meanX, double meanY, double varianceX, double varianceY, double covariance) implements MetricSample {
        @Override
        public double mean() {
            return n == 0 || meanY == 0 ? Double.NaN : meanX / meanY;
        }

        @Override
        public double varianceOfMean() {
            return RatioMoments.deltaVariance(n, meanX, meanY, varianceX, varianceY, covariance);
        }
    }
}
