package dev.reg.stats;

/**
 * Running moments of pairs (x, y) for a ratio metric such as cost per success, where each unit
 * contributes a numerator x (its cost) and a denominator y (1 if it succeeded): means, variances
 * and the co-moment, by the bivariate form of Welford's update. The ratio is
 * {@code sum(x) / sum(y) = mean(x) / mean(y)}; its variance comes from the delta method
 * (see {@link #ratioVariance()}).
 */
public final class RatioMoments {
    private long n;
    private double meanX;
    private double meanY;
    private double m2x;
    private double m2y;
    private double cxy;

    public void add(double x, double y) {
        n++;
        double dx = x - meanX;
        meanX += dx / n;
        double dy = y - meanY;
        meanY += dy / n;
        m2x += dx * (x - meanX);
        m2y += dy * (y - meanY);
        cxy += dx * (y - meanY);
    }

    public void merge(RatioMoments o) {
        if (o.n == 0) {
            return;
        }
        if (n == 0) {
            n = o.n;
            meanX = o.meanX;
            meanY = o.meanY;
            m2x = o.m2x;
            m2y = o.m2y;
            cxy = o.cxy;
            return;
        }
        long total = n + o.n;
        double dx = o.meanX - meanX;
        double dy = o.meanY - meanY;
        double w = (double) n * o.n / total;
        meanX += dx * o.n / total;
        meanY += dy * o.n / total;
        m2x += o.m2x + dx * dx * w;
        m2y += o.m2y + dy * dy * w;
        cxy += o.cxy + dx * dy * w;
        n = total;
    }

    public long n() {
        return n;
    }

    public double meanX() {
        return n == 0 ? Double.NaN : meanX;
    }

    public double meanY() {
        return n == 0 ? Double.NaN : meanY;
    }

    /** Sample variance of x (n - 1 denominator). */
    public double varianceX() {
        return n < 2 ? Double.NaN : m2x / (n - 1);
    }

    public double varianceY() {
        return n < 2 ? Double.NaN : m2y / (n - 1);
    }

    /** Sample covariance of x and y (n - 1 denominator). */
    public double covariance() {
        return n < 2 ? Double.NaN : cxy / (n - 1);
    }

    /** {@code mean(x) / mean(y)}; NaN when no unit has a positive denominator. */
    public double ratio() {
        return n == 0 || meanY == 0 ? Double.NaN : meanX / meanY;
    }

    /**
     * Variance of the ratio estimate by the delta method (first-order Taylor expansion of
     * {@code mean(x)/mean(y)} around the population means; Deng, Knoblich and Lu 2018, "Applying the
     * delta method in metric analytics", KDD, section 3):
     * {@code (1/n) * (s_x^2/m_y^2 - 2 m_x s_xy/m_y^3 + m_x^2 s_y^2/m_y^4)}.
     */
    public double ratioVariance() {
        return deltaVariance(n, meanX, meanY, varianceX(), varianceY(), covariance());
    }

    /** {@link #ratioVariance()} from summary moments (sample variances and covariance, n - 1 denominators). */
    public static double deltaVariance(long n, double meanX, double meanY, double varianceX, double varianceY, double covariance) {
        if (n < 2 || meanY == 0) {
            return Double.NaN;
        }
        double my2 = meanY * meanY;
        double v = varianceX / my2 - 2 * meanX * covariance / (my2 * meanY) + meanX * meanX * varianceY / (my2 * my2);
        return Math.max(0, v) / n;
    }
}
