package dev.reg.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The statistics of the online readouts against published worked examples (to the digits they
 * print), against values computed outside the project (numpy/scipy, fixtures-src/online), and
 * against cases worked out by hand in the comments.
 */
class OnlineStatisticsTest {
    private static final double PUBLISHED = 0.00005; // four decimals

    static JsonNode expected() {
        try (InputStream in = OnlineStatisticsTest.class.getResourceAsStream("/online/expected.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void newcombeHybridMatchesEveryRowOfNewcombe1998TableII() {
        // Newcombe RG (1998). Interval estimation for the difference between independent proportions:
        // comparison of eleven methods. Statistics in Medicine 17:873-890, Table II, method 10 (score
        // interval without continuity correction, i.e. the hybrid of two Wilson intervals), examples (a)-(h).
        double[][] rows = {
            {56, 70, 48, 80, 0.0524, 0.3339},
            {9, 10, 3, 10, 0.1705, 0.8090},
            {6, 7, 2, 7, 0.0582, 0.8062},
            {5, 56, 0, 29, -0.0381, 0.1926},
            {0, 10, 0, 20, -0.1611, 0.2775},
            {0, 10, 0, 10, -0.2775, 0.2775},
            {10, 10, 0, 20, 0.6791, 1.0000},
            {10, 10, 0, 10, 0.6075, 1.0000},
        };
        for (double[] r : rows) {
            Estimate e = TwoSampleIntervals.newcombeHybrid((long) r[0], (long) r[1], (long) r[2], (long) r[3], 0.05);
            String row = (long) r[0] + "/" + (long) r[1] + " - " + (long) r[2] + "/" + (long) r[3];
            assertEquals(r[0] / r[1] - r[2] / r[3], e.value(), 1e-15, row);
            assertEquals(r[4], e.low(), PUBLISHED, row + " lower");
            assertEquals(r[5], e.high(), PUBLISHED, row + " upper");
        }
    }

    @Test
    void normalQuantileIsExact() {
        // scipy.stats.norm.ppf(0.975) = 1.959963984540054 (fixtures-src/online/make_online_fixtures.py prints the same)
        assertEquals(1.959963984540054, TwoSampleIntervals.z(0.05), 1e-15);
        assertEquals(expected().at("/canary/z").asDouble(), TwoSampleIntervals.z(0.05), 1e-15);
    }

    @Test
    void sampleRatioChiSquareRecomputedByHand() {
        // 880 control and 120 treatment events against a planned 10 % split: expected 900 and 100, so
        // chi-square = (880-900)^2/900 + (120-100)^2/100 = 400/900 + 4 = 40/9 = 4.444..., one degree of
        // freedom. For 1 df, P(X > x) = 2 * Phi(-sqrt(x)) = 2 * Phi(-2.108185...) = 0.035015 (scipy.stats.chisquare
        // gives 0.03501498101966245).
        GoodnessOfFit.Result r = GoodnessOfFit.chiSquare(new long[] {880, 120}, new double[] {0.9, 0.1});
        assertEquals(40.0 / 9, r.statistic(), 1e-12);
        assertEquals(1, r.df());
        double byHand = 2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).cumulativeProbability(-Math.sqrt(40.0 / 9));
        assertEquals(byHand, r.p(), 1e-12);
        assertEquals(0.03501498101966245, r.p(), 1e-12);
    }

    @Test
    void ratioMetricDeltaMethodRecomputedByHand() {
        // Four events, cost x = 2, 4, 6, 8 and success y = 1, 0, 1, 1: mean x = 5, mean y = 3/4, so cost per
        // success R = 5 / 0.75 = 20/3. Sample variances: s_x^2 = (9+1+1+9)/3 = 20/3, s_y^2 = 0.75*0.25*4/3 = 1/4,
        // s_xy = (-3*0.25 + -1*-0.75 + 1*0.25 + 3*0.25)/3 = 1/3. Delta method:
        // Var(R) = (1/n)(s_x^2/m_y^2 - 2 m_x s_xy/m_y^3 + m_x^2 s_y^2/m_y^4)
        //        = (1/4)(320/27 - 640/81 + 1600/81) = (1/4)(1920/81) = 480/81 = 5.925925...
        RatioMoments m = new RatioMoments();
        double[] x = {2, 4, 6, 8};
        double[] y = {1, 0, 1, 1};
        for (int i = 0; i < 4; i++) {
            m.add(x[i], y[i]);
        }
        assertEquals(20.0 / 3, m.ratio(), 1e-12);
        assertEquals(20.0 / 3, m.varianceX(), 1e-12);
        assertEquals(0.25, m.varianceY(), 1e-12);
        assertEquals(1.0 / 3, m.covariance(), 1e-12);
        assertEquals(480.0 / 81, m.ratioVariance(), 1e-12);
    }

    @Test
    void relativeLiftDeltaMethodRecomputedByHand() {
        // Treatment mean 4.4 (variance of the mean 0.25/100), control 4.0 (0.25/400): lift 4.4/4 - 1 = 0.1;
        // Var = v1/m0^2 + m1^2 v0/m0^4 = 0.0025/16 + 19.36 * 0.000625/256 = 0.00015625 + 0.0000472656... = 0.000203515625,
        // SE = 0.0142659..., 95 % interval 0.1 -/+ 1.959963984540054 * SE.
        double var = TwoSampleIntervals.relativeLiftVariance(4.4, 0.0025, 4.0, 0.000625);
        assertEquals(0.000203515625, var, 1e-15);
        Estimate e = TwoSampleIntervals.relativeLift(4.4, 0.0025, 4.0, 0.000625, 0.05);
        assertEquals(0.1, e.value(), 1e-15);
        assertEquals(0.1 - 1.959963984540054 * Math.sqrt(0.000203515625), e.low(), 1e-15);
        assertEquals(0.1 + 1.959963984540054 * Math.sqrt(0.000203515625), e.high(), 1e-15);
    }

    @Test
    void welchMatchesPublishedExample() {
        // R's documented example of Welch's test (Welch is t.test's default), Cushny and Peebles' sleep data
        // (Student 1908): t.test(extra ~ group, data = sleep) prints t = -1.8608, df = 17.776 and the 95 % interval
        // of group 1 minus group 2, -3.3654832 to 0.2054832.
        double[] g1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] g2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        RunningMoments a = new RunningMoments();
        RunningMoments b = new RunningMoments();
        for (int i = 0; i < 10; i++) {
            a.add(g1[i]);
            b.add(g2[i]);
        }
        Estimate e = TwoSampleIntervals.welch(a.mean(), a.variance(), a.n(), b.mean(), b.variance(), b.n(), 0.05);
        assertEquals(-1.58, e.value(), 1e-12);
        assertEquals(17.776, e.df(), 0.0005);
        assertEquals(-3.3654832, e.low(), 1e-7);
        assertEquals(0.2054832, e.high(), 1e-7);
    }

    @Test
    void welfordMergeEqualsOnePass() {
        RunningMoments all = new RunningMoments();
        RunningMoments left = new RunningMoments();
        RunningMoments right = new RunningMoments();
        for (int i = 0; i < 1000; i++) {
            double v = 1e9 + Math.sin(i) * 3; // a large offset: the naive sum of squares loses every digit here
            all.add(v);
            (i < 400 ? left : right).add(v);
        }
        left.merge(right);
        assertEquals(all.n(), left.n());
        assertEquals(all.mean(), left.mean(), 1e-14 * all.mean());
        assertEquals(all.variance(), left.variance(), 1e-9 * all.variance());
        // the reference: the same stored values shifted back to 0 first (exact: Sterbenz), then two-pass
        double[] shifted = new double[1000];
        double mean = 0;
        for (int i = 0; i < 1000; i++) {
            shifted[i] = (1e9 + Math.sin(i) * 3) - 1e9;
            mean += shifted[i] / 1000;
        }
        double s = 0;
        for (double d : shifted) {
            s += (d - mean) * (d - mean);
        }
        // Welford keeps 8 digits at an offset of 1e9 (the deviations are known to about 1e-7 there); the
        // textbook sum of squares keeps none
        assertEquals(s / 999, all.variance(), 1e-7 * s / 999);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < 1000; i++) {
            double v = 1e9 + Math.sin(i) * 3;
            sum += v;
            squares += v * v;
        }
        double naive = (squares - sum * sum / 1000) / 999;
        assertTrue(Math.abs(naive - s / 999) > 1, "the naive formula should fail here, got " + naive);
    }

    @Test
    void confidenceSequenceMultiplierWrittenOut() {
        // alpha = 0.05, N* = 5000: rho^2 = (-2 ln 0.05 + ln(1 - 2 ln 0.05)) / 5000 = (5.991465 + 1.944696) / 5000
        // = 0.00158723...; at n = 5000: n rho^2 = 7.936161, multiplier = sqrt(2 (8.936161)/7.936161 * ln(sqrt(8.936161)/0.05))
        // = sqrt(2.252001 * 4.090802) = 3.035216...
        double rho2 = (-2 * Math.log(0.05) + Math.log(1 - 2 * Math.log(0.05))) / 5000;
        assertEquals(rho2, ConfidenceSequences.rhoSquared(0.05, 5000), 1e-18);
        double nr = 5000 * rho2;
        double byHand = Math.sqrt(2 * (nr + 1) / nr * Math.log(Math.sqrt(nr + 1) / 0.05));
        assertEquals(byHand, ConfidenceSequences.multiplier(5000, 0.05, 5000), 1e-12);
        assertEquals(3.0352, ConfidenceSequences.multiplier(5000, 0.05, 5000), 0.0001);
        // always wider than the fixed-n interval: the price of looking at every event
        for (long n : new long[] {10, 100, 1000, 5000, 50_000, 10_000_000}) {
            assertTrue(ConfidenceSequences.multiplier(n, 0.05, 5000) > TwoSampleIntervals.z(0.05), "n = " + n);
        }
    }

    @Test
    void sampleSizeMatchesTheSixteenSigmaSquaredRule() {
        // Equal arms, sigma = 1, delta = 0.5, alpha 0.05, power 0.8: per arm n = 2 (z_0.975 + z_0.8)^2 sigma^2 / delta^2
        // = 2 * (1.959964 + 0.841621)^2 / 0.25 = 62.79; Lehr's rule of thumb (Lehr 1992, Stat Med 11:1099) says
        // 16 sigma^2 / delta^2 = 64.
        double total = SampleSizes.totalEvents(0.5, 1, 1, 0.5, 0.05, 0.8);
        double k = 1.959963984540054 + 0.8416212335729143;
        assertEquals(2 * k * k / 0.25, total / 2, 1e-9);
        assertEquals(64, total / 2, 64 * 0.03);
        // a 10 % treatment share needs more events in total than an even split
        assertTrue(SampleSizes.totalEvents(0.5, 1, 1, 0.1, 0.05, 0.8) > total);
        // the always-valid interval needs more events than the fixed-n one
        assertTrue(SampleSizes.totalEventsSequential(0.5, 1, 1, 0.5, 0.05, 0.8, 5000) > total);
        // MDE is the inverse: at the planned n the detectable effect is delta
        double se = Math.sqrt(1 / (total / 2) + 1 / (total / 2));
        assertEquals(0.5, SampleSizes.mde(se, 0.05, 0.8), 1e-12);
    }

    @Test
    void psiKlAndJsOnAZeroShare() {
        // r = (0.5, 0.5, 0), c = (0.25, 0.5, 0.25). PSI and KL replace the 0 by 0.0001:
        // PSI = (0.25-0.5) ln(0.5) + 0 + (0.25-0.0001) ln(0.25/0.0001) = 0.1732868 + 1.9552291 = 2.1285159
        // KL  = 0.5 ln 2 + 0 + 0.0001 ln(0.0001/0.25) = 0.3465736 - 0.0007824 = 0.3457912
        // JS on the raw shares: m = (0.375, 0.5, 0.125); KL(r||m) = 0.5 ln(4/3) = 0.1438410,
        // KL(c||m) = 0.25 ln(2/3) + 0.25 ln 2 = 0.0719205; JS = sqrt((0.1438410 + 0.0719205) / ln 2 / 2) = 0.3945112
        // (scipy.spatial.distance.jensenshannon(r, c, base=2) = 0.3945111687006674).
        double[] r = {0.5, 0.5, 0};
        double[] c = {0.25, 0.5, 0.25};
        assertEquals(2.1285158932529735, Divergences.psi(r, c), 1e-12);
        assertEquals(0.345791185678887, Divergences.kl(r, c), 1e-12);
        assertEquals(0.3945111687006674, Divergences.jensenShannonDistance(r, c), 1e-12);
        assertEquals(0, Divergences.psi(c, c), 0);
        assertEquals(0, Divergences.jensenShannonDistance(c, c), 0);
    }

    @Test
    void linearQuantilesEqualNumpy() {
        JsonNode q = expected().get("quantiles");
        double[] probabilities = doubles(q.get("probabilities"));
        double[] small = doubles(q.at("/small/values"));
        double[] sortedSmall = small.clone();
        java.util.Arrays.sort(sortedSmall);
        for (int i = 0; i < probabilities.length; i++) {
            assertEquals(q.at("/small/quantiles").get(i).asDouble(), LinearQuantile.ofSorted(sortedSmall, small.length, probabilities[i]), 0,
                    "p = " + probabilities[i]);
        }
    }

    @Test
    void exactQuantilesEqualNumpyOnTheCountedAndOnTheMultiPassPath() {
        JsonNode q = expected().get("quantiles");
        double[] probabilities = doubles(q.get("probabilities"));
        double[] values = doubles(q.get("values"));
        double[] numpy = doubles(q.get("quantiles"));
        // enough room to count every distinct value: one pass
        ExactQuantiles counted = new ExactQuantiles(probabilities, 1 << 16, 1 << 20);
        for (double v : values) {
            counted.add(v);
        }
        assertTrue(!counted.needsPass());
        assertArrayEquals(numpy, counted.quantiles());
        // 16 distinct values and 40 collected values at most: histograms, then refinement passes
        for (long collect : new long[] {0, 40, 400, 100_000}) {
            ExactQuantiles narrow = new ExactQuantiles(probabilities, 16, collect);
            for (double v : values) {
                narrow.add(v);
            }
            int passes = 0;
            while (narrow.needsPass()) {
                for (int i = values.length - 1; i >= 0; i--) {
                    narrow.addInPass(values[i]);
                }
                narrow.endPass();
                passes++;
            }
            assertTrue(passes >= 1 && passes <= 4, passes + " passes");
            assertArrayEquals(numpy, narrow.quantiles());
        }
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0, "quantile " + (i + 1));
        }
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> TwoSampleIntervals.welch(1, 1, 1, 1, 1, 5, 0.05));
        assertThrows(IllegalArgumentException.class, () -> TwoSampleIntervals.newcombeHybrid(3, 2, 0, 5, 0.05));
        assertThrows(IllegalArgumentException.class, () -> GoodnessOfFit.chiSquare(new long[] {1, 2}, new double[] {0.5, 0.6}));
        assertThrows(IllegalArgumentException.class, () -> new ValueCounts(4).add(Double.NaN));
    }

    static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }
}
