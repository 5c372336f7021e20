package dev.reg.stats;

/**
 * Distances between a reference distribution r and a current distribution c over the same bins,
 * given as shares (each array sums to 1). Definitions as DESIGN.md fixes them, so any tool
 * recomputes the same numbers:
 * <ul>
 * <li>PSI = sum (c_i - r_i) ln(c_i / r_i) and KL = sum r_i ln(r_i / c_i), each with a share of 0
 * replaced by {@link #FLOOR} (no renormalisation);</li>
 * <li>JS = the Jensen-Shannon distance with base-2 logarithms on the raw shares, as
 * {@code scipy.spatial.distance.jensenshannon(r, c, base=2)}: the square root of the mean of the
 * two Kullback-Leibler divergences from the midpoint m = (r + c) / 2 (Lin 1991, IEEE Trans. Inf.
 * Theory 37:145-151; Endres and Schindelin 2003).</li>
 * </ul>
 */
public final class Divergences {
    /** What a share of 0 becomes in PSI and KL. */
    public static final double FLOOR = 0.0001;

    private Divergences() {
    }

    public static double psi(double[] r, double[] c) {
        check(r, c);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            double ri = floor(r[i]);
            double ci = floor(c[i]);
            s += (ci - ri) * Math.log(ci / ri);
        }
        return s;
    }

    public static double kl(double[] r, double[] c) {
        check(r, c);
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            double ri = floor(r[i]);
            s += ri * Math.log(ri / floor(c[i]));
        }
        return s;
    }

    public static double jensenShannonDistance(double[] r, double[] c) {
        check(r, c);
        double sr = 0;
        double sc = 0;
        for (int i = 0; i < r.length; i++) {
            sr += r[i];
            sc += c[i];
        }
        double left = 0;
        double right = 0;
        for (int i = 0; i < r.length; i++) {
            double p = r[i] / sr;
            double q = c[i] / sc;
            double m = (p + q) / 2;
            left += relativeEntropy(p, m);
            right += relativeEntropy(q, m);
        }
        return Math.sqrt((left + right) / Math.log(2) / 2);
    }

    /** {@code x ln(x/y)}, 0 when x is 0 (scipy.special.rel_entr). */
    private static double relativeEntropy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }

    private static double floor(double share) {
        return share == 0 ? FLOOR : share;
    }

    private static void check(double[] r, double[] c) {
        if (r.length != c.length || r.length == 0) {
            throw new IllegalArgumentException("need the same non-empty bins on both sides");
        }
    }
}
