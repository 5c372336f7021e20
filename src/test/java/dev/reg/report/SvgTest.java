package dev.reg.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reg.stats.Numbers;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The report's number and coordinate formatting, written without String.format for speed, says what the slow way says. */
class SvgTest {
    @Test
    void numbersReadAsTheGatePrintsThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = Math.pow(10, random.nextDouble(-7, 17)) * (random.nextBoolean() ? 1 : -1);
            if (i % 5 == 0) {
                v = Math.round(v * 1e4) / 1e4;
            }
            assertEquals(Numbers.brief(v), Svg.num(v), "value " + v);
        }
        for (double v : List.of(0.0, -0.0, 1e-4, 0.99995, 9999.5, 0.00012345, 1.0005, 4.15625651181417, 0.7516234558101993)) {
            assertEquals(Numbers.brief(v), Svg.num(v), "value " + v);
        }
        assertEquals("–", Svg.num(null));
    }

    @Test
    void coordinatesHaveOneDecimalAtMost() {
        assertEquals("12", Svg.c(12.04));
        assertEquals("12.1", Svg.c(12.05));
        assertEquals("-0.3", Svg.c(-0.26));
        assertEquals("0", Svg.c(-0.04));
        assertEquals("-12.5", Svg.c(-12.46));
        assertEquals("1000000", Svg.c(1e6));
    }

    @Test
    void ticksAreRoundNumbersCoveringTheRange() {
        assertEquals(List.of(0.75, 0.8, 0.85, 0.9, 0.95, 1.0), Svg.ticks(0.74, 1.01, 5));
        assertEquals(List.of(-0.02, -0.015, -0.01, -0.005, 0.0), Svg.ticks(-0.024, 0.004, 3));
        assertEquals(List.of(1000.0, 1050.0, 1100.0, 1150.0, 1200.0), Svg.ticks(960, 1230, 4));
    }
}
