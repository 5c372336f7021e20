package dev.reg.online;

import dev.reg.stats.Numbers;

/**
 * One pre-registered bar of a gate file's {@code canary:} section.
 *
 * @param threshold the bar's value (0 for no_regression)
 * @param relative whether the threshold is a relative lift (+0.08 = +8 %) rather than a difference in the metric's units
 * @param baseline for {@code reg canary plan}: the control's expected rate or mean, or null
 * @param sd for {@code reg canary plan}: the metric's expected standard deviation (non-binary metrics), or null
 * @param line the bar's line in the gate file
 */
public record CanaryBar(MetricId metric, BarKind kind, double threshold, boolean relative, Double baseline, Double sd, int line) {
    /** The bar as a person reads it: {@code grounded_judge min_uplift +8% (relative)}. */
    public String describe() {
        return metric.display() + " " + kind.key() + (kind == BarKind.NO_REGRESSION ? "" : " " + thresholdText());
    }

    public String thresholdText() {
        if (relative) {
            return Numbers.signed(threshold * 100) + "%";
        }
        return Numbers.signed(threshold);
    }
}
