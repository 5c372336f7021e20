package dev.reg.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    private static double p(double p, double... values) {
        return Percentiles.nearestRank(values.clone(), values.length, p);
    }

    @Test
    void nearestRankMatchesTheWorkedExamples() {
        // The nearest-rank method's worked examples (Wikipedia, "Percentile", The nearest-rank method):
        // {15, 20, 35, 40, 50}: P5 = 15, P30 = 20, P40 = 20, P50 = 35, P100 = 50.
        assertEquals(15, p(5, 15, 20, 35, 40, 50));
        assertEquals(20, p(30, 15, 20, 35, 40, 50));
        assertEquals(20, p(40, 15, 20, 35, 40, 50));
        assertEquals(35, p(50, 15, 20, 35, 40, 50));
        assertEquals(50, p(100, 15, 20, 35, 40, 50));
        // {3, 6, 7, 8, 8, 10, 13, 15, 16, 20}: P25 = 7, P50 = 8, P75 = 15, P100 = 20.
        double[] ten = {20, 3, 16, 6, 15, 7, 13, 8, 10, 8};
        assertEquals(7, p(25, ten));
        assertEquals(8, p(50, ten));
        assertEquals(15, p(75, ten));
        assertEquals(20, p(100, ten));
    }

    @Test
    void rankIsCeilingOfPTimesNWithoutFloatingPointDrift() {
        double[] twenty = new double[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = i + 1;
        }
        assertEquals(19, p(95, twenty), "0.95 * 20 is 19, not 19.000000000000004");
        assertEquals(19, Percentiles.rank(20, 95));
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = 100 - i;
        }
        assertEquals(95, p(95, hundred));
        assertEquals(99, p(99, hundred));
        assertEquals(19, Percentiles.rank(19, 95), "with n < 20, p95 is the maximum");
    }

    @Test
    void tiesGiveAnObservedValue() {
        assertEquals(5, p(95, 5, 5, 5, 5, 1));
        assertEquals(1, p(50, 1, 1, 1, 9, 9));
    }
}
