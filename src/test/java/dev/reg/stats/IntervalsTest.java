package dev.reg.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every interval checked against a published worked example; the source is named at each check. */
class IntervalsTest {
    private static final double PUBLISHED = 0.00005; // tables print four decimals

    private static void assertInterval(double low, double high, Interval i) {
        assertEquals(low, i.low(), PUBLISHED, "lower bound of " + i);
        assertEquals(high, i.high(), PUBLISHED, "upper bound of " + i);
    }

    @Test
    void wilsonMatchesNewcombe1998SingleProportionTable() {
        // Newcombe RG (1998). Two-sided confidence intervals for the single proportion: comparison of
        // seven methods. Statistics in Medicine 17:857-872, Table I, method 3 (score, no continuity
        // correction); the same figures are the worked example in Altman et al., Statistics with
        // Confidence, 2nd ed. (2000), ch. 6.
        assertInterval(0.2553, 0.3662, Intervals.wilson(81, 263));
        assertInterval(0.0624, 0.1605, Intervals.wilson(15, 148));
        assertInterval(0.0000, 0.1611, Intervals.wilson(0, 20));
        assertInterval(0.0061, 0.1718, Intervals.wilson(1, 29));
    }

    @Test
    void newcombeIndependentMatchesNewcombe1998Table() {
        // Newcombe RG (1998). Interval estimation for the difference between independent proportions:
        // comparison of eleven methods. Statistics in Medicine 17:873-890, Table II, method 10.
        assertInterval(0.0524, 0.3339, Intervals.newcombeIndependent(56, 70, 48, 80));
        assertInterval(0.1705, 0.8090, Intervals.newcombeIndependent(9, 10, 3, 10));
        assertInterval(-0.1611, 0.2775, Intervals.newcombeIndependent(0, 10, 0, 20));
        assertInterval(-0.2775, 0.2775, Intervals.newcombeIndependent(0, 10, 0, 10));
    }

    @Test
    void newcombePairedMatchesNewcombe1998PairedTable() {
        // Newcombe RG (1998). Improved confidence intervals for the difference between binomial
        // proportions based on paired data. Statistics in Medicine 17:2635-2650, Table II, method 10;
        // cells e (both), f (first only), g (second only), h (neither).
        assertInterval(0.0569, 0.3404, Intervals.newcombePaired(36, 12, 2, 0));
        assertInterval(0.0562, 0.3290, Intervals.newcombePaired(18, 12, 2, 18));
        assertInterval(-0.0729, 0.0729, Intervals.newcombePaired(53, 0, 0, 1));
        assertInterval(0.8395, 1.0000, Intervals.newcombePaired(0, 30, 0, 0));
    }

    @Test
    void studentTIntervalMatchesStudentsSleepData() {
        // Student (1908), The probable error of a mean, Biometrika 6:1-25: Cushny and Peebles' extra
        // hours of sleep, drug 2 minus drug 1 for 10 patients. R's t.test(extra ~ group, data = sleep,
        // paired = TRUE) reports the mean difference 1.58 with 95% interval 0.7001142 to 2.4598858.
        double[] diffs = {1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4};
        double mean = 0;
        for (double d : diffs) {
            mean += d / diffs.length;
        }
        double ss = 0;
        for (double d : diffs) {
            ss += (d - mean) * (d - mean);
        }
        Interval i = Intervals.mean(mean, ss / (diffs.length - 1), diffs.length);
        assertEquals(1.58, mean, 1e-12);
        assertEquals(0.7001142, i.low(), 1e-6);
        assertEquals(2.4598858, i.high(), 1e-6);
    }

    @Test
    void zeroEventBoundIsTheExactOneSidedBoundNearThreeOverN() {
        // Hanley JA, Lippman-Hand A (1983). If nothing goes wrong, is everything all right?
        // JAMA 249:1743-1745: with 0 events in n, the 95% upper bound is 1 - 0.05^(1/n), about 3/n.
        assertEquals(1 - Math.pow(0.05, 1.0 / 300), Intervals.zeroEventUpperBound(300), 1e-12);
        assertEquals(0.00994, Intervals.zeroEventUpperBound(300), 0.00001);
        assertEquals(0.0295, Intervals.zeroEventUpperBound(100), 0.0001);
        assertEquals(0.95, Intervals.zeroEventUpperBound(1), 1e-12);
    }

    @Test
    void wilsonBoundsAreExactlyZeroAndOneAtTheEnds() {
        // Wilson (1927): with 0 successes in n the lower bound is exactly 0 and the upper z^2 / (n + z^2);
        // scipy 1.17.1 (z = norm.ppf(0.975)) gives 0.012684719046240528 for n = 299. Floating point used
        // to leave a lower bound of -8.674e-19 there, off the scale of a proportion.
        Interval none = Intervals.wilson(0, 299);
        assertEquals(0.0, none.low(), 0.0);
        assertEquals(0.012684719046240528, none.high(), 1e-12);
        Interval all = Intervals.wilson(299, 299);
        assertEquals(1.0, all.high(), 0.0);
        assertEquals(1 - 0.012684719046240528, all.low(), 1e-12);
        for (int n = 1; n <= 2000; n++) {
            for (int x : new int[] {0, 1, n / 2, n - 1, n}) {
                Interval i = Intervals.wilson(Math.max(0, x), n);
                assertTrue(i.low() >= 0 && i.high() <= 1 && i.low() <= i.high(), x + " of " + n + ": " + i);
            }
            assertEquals(0.0, Intervals.wilson(0, n).low(), 0.0);
            assertEquals(1.0, Intervals.wilson(n, n).high(), 0.0);
        }
    }

    @Test
    void clipKeepsAnIntervalOnItsScaleAndSaysSo() {
        Interval t = new Interval(0.4772, 1.273, "Student t 95%");
        Interval clipped = Intervals.clip(t, 0, 1);
        assertEquals(new Interval(0.4772, 1.0, "Student t 95%, clipped to [0, 1]"), clipped);
        assertEquals(new Interval(0.0, 0.05, "Student t 95%, clipped to [0, ∞)"),
                Intervals.clip(new Interval(-0.02, 0.05, "Student t 95%"), 0, Double.POSITIVE_INFINITY));
        assertEquals(t, Intervals.clip(t, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), "inside its scale: unchanged");
        assertEquals(new Interval(5.0, 5.0, "t, clipped to [1, 5]"), Intervals.clip(new Interval(6, 7, "t"), 1, 5),
                "wholly outside: the nearest end of the scale");
    }

    @Test
    void refusesImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(5, 4));
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Intervals.newcombePaired(0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Intervals.mean(1, 1, 1));
    }
}
