package dev.reg.online;

import dev.reg.stats.SampleSizes;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample sizes for a canary before it starts ({@code reg canary plan}). The variance of each bar's
 * metric comes from the bar itself ({@code baseline:} the control's expected rate or mean, and for
 * non-binary metrics {@code sd:} the per-event standard deviation), or else from control events a
 * user already has (for instance last week's production telemetry). The effect to detect is the
 * bar's threshold: a difference, or for a relative bar the threshold times the baseline mean; the
 * plan gives the events that detect an effect of that size against none, which is what a
 * max_increase or stop_loss bar needs when the true effect is 0 (a min_uplift bar needs more when
 * the true effect is only just above the uplift). Formulas: {@link SampleSizes}.
 */
public final class CanaryPlanner {
    private CanaryPlanner() {
    }

    /** A plan from control events: every event of {@code files} counts as the baseline. */
    public static CanaryPlan run(CanarySpec spec, List<TelemetryInput> files, ReadOptions options) {
        if (files.isEmpty()) {
            return plan(spec, null, null);
        }
        List<TelemetryInput> asControl = files.stream().map(f -> new TelemetryInput(f.path(), f.name(), Arm.CONTROL)).toList();
        CanaryAccumulator acc = new CanaryAccumulator(ArmSource.FILES);
        ReadResult read = TelemetryReader.read(asControl, options, acc);
        return plan(spec, acc.control(), read);
    }

    /** A plan from a baseline summary (null: only the bars' own baselines). */
    public static CanaryPlan plan(CanarySpec spec, ArmSummary baseline, ReadResult read) {
        List<CanaryPlan.Row> rows = new ArrayList<>();
        for (CanaryBar bar : spec.bars()) {
            rows.add(row(spec, bar, baseline == null ? null : baseline.metric(bar.metric())));
        }
        return new CanaryPlan(spec, rows, read);
    }

    private static CanaryPlan.Row row(CanarySpec spec, CanaryBar bar, MetricSample data) {
        if (bar.kind() == BarKind.NO_REGRESSION) {
            return note(bar, "no effect size to plan for: the readout needs " + spec.minEvents() + " events per arm (min_events)");
        }
        if (bar.threshold() == 0) {
            return note(bar, "a bar at 0 has no effect size to plan for");
        }
        String source = bar.baseline() != null || bar.sd() != null ? "bar" : data != null ? "control events" : null;
        Double mean = bar.baseline() != null ? bar.baseline() : data != null ? data.mean() : null;
        double var0;
        double var1;
        Double sd;
        double effect;
        if (bar.metric().type() == MetricType.BINARY) {
            if (mean == null || !(mean > 0 && mean < 1)) {
                return note(bar, mean == null ? "needs the control's rate: give baseline: in the bar or control events"
                        : "the control's rate is " + mean + "; a rate of 0 or 1 has no spread to plan with: give baseline: in the bar");
            }
            effect = bar.relative() ? bar.threshold() * mean : bar.threshold();
            double p1 = mean + effect;
            if (!(p1 > 0 && p1 < 1)) {
                return note(bar, "an effect of " + effect + " moves the rate " + mean + " outside 0..1");
            }
            var0 = mean * (1 - mean);
            var1 = p1 * (1 - p1);
            sd = Math.sqrt(var0);
        } else {
            if (bar.relative() && (mean == null || mean == 0)) {
                return note(bar, mean == null ? "a relative bar needs the control's mean: give baseline: in the bar or control events"
                        : "a relative bar needs a control mean other than 0");
            }
            sd = bar.sd() != null ? bar.sd() : data == null ? null : Math.sqrt(data.varianceOfMean() * data.n());
            if (sd == null || !(sd > 0)) {
                return note(bar, "needs the metric's standard deviation: give sd: in the bar or control events");
            }
            effect = bar.relative() ? bar.threshold() * Math.abs(mean) : bar.threshold();
            var0 = sd * sd;
            var1 = var0;
        }
        double total = spec.sequential()
                ? SampleSizes.totalEventsSequential(effect, var0, var1, spec.split(), spec.alpha(), spec.power(), spec.sequentialTuning())
                : SampleSizes.totalEvents(effect, var0, var1, spec.split(), spec.alpha(), spec.power());
        long control = Math.max(spec.minEvents(), (long) Math.ceil(total * (1 - spec.split())));
        long treatment = Math.max(spec.minEvents(), (long) Math.ceil(total * spec.split()));
        return new CanaryPlan.Row(bar, source, mean, sd, effect, control, treatment, null);
    }

    private static CanaryPlan.Row note(CanaryBar bar, String note) {
        return new CanaryPlan.Row(bar, null, null, null, null, null, null, note);
    }
}
