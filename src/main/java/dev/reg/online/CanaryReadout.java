package dev.reg.online;

import dev.reg.stats.Estimate;
import java.util.List;

/**
 * The result of a canary readout (DESIGN.md section 2, "Online"): the inputs it was computed from,
 * the sample-ratio check, every metric's comparison, every bar's status, the verdict and its
 * reasons. {@link CanaryJson} writes it as {@code reg.canary/1}.
 *
 * @param read the files read and the lines skipped, or null when the summaries were given directly
 * @param arms how events were assigned to arms, or null when the summaries were given directly
 * @param unassigned events that belonged to neither arm
 */
public record CanaryReadout(CanarySpec spec, ReadResult read, ArmSource arms, long controlEvents, long treatmentEvents, long unassigned,
        Srm srm, List<MetricComparison> metrics, List<BarOutcome> bars, Verdict verdict, List<String> reasons) {
    public CanaryReadout {
        metrics = List.copyOf(metrics);
        bars = List.copyOf(bars);
        reasons = List.copyOf(reasons);
    }

    /**
     * The sample-ratio-mismatch check: Pearson's chi-square of the arms' event counts against the
     * planned split.
     *
     * @param mismatch p below {@link CanarySpec#SRM_THRESHOLD}: the readout is invalid
     */
    public record Srm(double plannedShare, double observedShare, double chiSquare, double p, boolean mismatch) {
    }

    /**
     * One metric in both arms.
     *
     * @param control the control's sample, or null when no control event carries the metric
     * @param difference treatment minus control with its interval, or null when it cannot be computed (see note)
     * @param relative the relative lift treatment/control - 1, or null (see note)
     * @param mde the minimum detectable effect at the current n, or null
     * @param note why something is missing, or null
     */
    public record MetricComparison(MetricId metric, MetricSample control, MetricSample treatment, Estimate difference, Estimate relative,
            Mde mde, String note) {
    }

    /**
     * The smallest true effect the readout detects with the spec's power at its alpha, at the current
     * numbers of events: as a difference, and relative to the control mean (null when that is 0).
     */
    public record Mde(double absolute, Double relative) {
    }

    /** One bar with its status, the interval it was judged on (or null without data) and why. */
    public record BarOutcome(CanaryBar bar, BarStatus status, Estimate interval, String reason) {
    }

    public MetricComparison metric(MetricId id) {
        return metrics.stream().filter(m -> m.metric().equals(id)).findFirst().orElse(null);
    }
}
