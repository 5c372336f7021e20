package dev.reg.online;

import dev.reg.BadInputException;
import dev.reg.online.CanaryReadout.BarOutcome;
import dev.reg.online.CanaryReadout.MetricComparison;
import dev.reg.online.CanaryReadout.Mde;
import dev.reg.online.CanaryReadout.Srm;
import dev.reg.stats.ConfidenceSequences;
import dev.reg.stats.Estimate;
import dev.reg.stats.GoodnessOfFit;
import dev.reg.stats.Numbers;
import dev.reg.stats.SampleSizes;
import dev.reg.stats.TwoSampleIntervals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The canary readout (DESIGN.md section 2, "Online"): reads the arms' events in one streaming pass,
 * checks the sample ratio, compares every metric between the arms, judges every pre-registered bar
 * and gives the verdict. The statistics are in docs/online-statistics.md.
 * <p>
 * Verdict precedence: {@code hold} (sample-ratio mismatch; or a no_regression metric whose difference
 * interval lies entirely on its worse side of 0), then {@code rollback} (a stop_loss interval entirely
 * beyond the stop-loss, only once both arms have min_events), then {@code continue} (an arm below
 * min_events, or an interval straddling a bar), then {@code hold} again when a min_uplift or
 * max_increase interval lies entirely on the wrong side of its bar (more events will not make it
 * pass), and {@code promote} when every bar is met.
 */
public final class CanaryAnalysis {
    private CanaryAnalysis() {
    }

    /** Reads the telemetry and computes the readout. An arm without events is bad input. */
    public static CanaryReadout run(CanarySpec spec, List<TelemetryInput> inputs, ArmSource arms, ReadOptions options) {
        if (inputs.isEmpty()) {
            throw new BadInputException("no telemetry files given");
        }
        if (arms.kind() == ArmSource.Kind.FILES) {
            for (Arm arm : Arm.values()) {
                if (inputs.stream().noneMatch(i -> i.arm() == arm)) {
                    throw new BadInputException("no " + arm.label() + " file: give --" + arm.label() + " FILE");
                }
            }
        }
        CanaryAccumulator acc = new CanaryAccumulator(arms);
        ReadResult read = TelemetryReader.read(inputs, options, acc);
        ArmSummary control = acc.control();
        ArmSummary treatment = acc.treatment();
        for (Arm arm : Arm.values()) {
            ArmSummary s = arm == Arm.CONTROL ? control : treatment;
            if (s.events() == 0) {
                String files = inputs.stream().filter(i -> arms.kind() != ArmSource.Kind.FILES || i.arm() == arm).map(TelemetryInput::name)
                        .collect(Collectors.joining(", "));
                String first = inputs.stream().filter(i -> arms.kind() != ArmSource.Kind.FILES || i.arm() == arm).findFirst()
                        .map(TelemetryInput::name).orElse("");
                throw BadInputException.at(first, 0, "the " + arm.label() + " arm has no events in " + files + " (arms assigned "
                        + arms.describe() + (acc.unassigned() > 0 ? "; " + acc.unassigned() + " events belonged to neither arm" : "")
                        + "): a readout needs events in both arms");
            }
        }
        return analyze(spec, control, treatment, read, arms, acc.unassigned());
    }

    /** The readout from the arms' summaries. */
    public static CanaryReadout analyze(CanarySpec spec, ArmSummary control, ArmSummary treatment, ReadResult read, ArmSource arms,
            long unassigned) {
        if (control.events() == 0 || treatment.events() == 0) {
            throw new BadInputException("the " + (control.events() == 0 ? "control" : "treatment")
                    + " arm has no events: a readout needs events in both arms");
        }
        Srm srm = srm(spec, control.events(), treatment.events());
        TreeSet<MetricId> ids = new TreeSet<>(control.metrics().keySet());
        ids.addAll(treatment.metrics().keySet());
        spec.bars().forEach(b -> ids.add(b.metric()));
        List<MetricComparison> metrics = new ArrayList<>();
        for (MetricId id : ids) {
            metrics.add(compare(spec, id, control.metric(id), treatment.metric(id)));
        }
        List<BarOutcome> bars = new ArrayList<>();
        for (CanaryBar bar : spec.bars()) {
            bars.add(judge(bar, metrics.stream().filter(m -> m.metric().equals(bar.metric())).findFirst().orElseThrow()));
        }
        List<String> reasons = new ArrayList<>();
        Verdict verdict = verdict(spec, control.events(), treatment.events(), srm, bars, reasons);
        return new CanaryReadout(spec, read, arms, control.events(), treatment.events(), unassigned, srm, metrics, bars, verdict, reasons);
    }

    static Srm srm(CanarySpec spec, long control, long treatment) {
        GoodnessOfFit.Result r = GoodnessOfFit.chiSquare(new long[] {control, treatment}, new double[] {1 - spec.split(), spec.split()});
        return new Srm(spec.split(), (double) treatment / (control + treatment), r.statistic(), r.p(), r.p() < CanarySpec.SRM_THRESHOLD);
    }

    /** Treatment minus control for one metric, with its relative lift and the MDE at the current n. */
    static MetricComparison compare(CanarySpec spec, MetricId id, MetricSample c, MetricSample t) {
        if (c == null || t == null) {
            String note = c == null && t == null ? "no event in either arm carries " + id.display()
                    : "only the " + (c == null ? "treatment" : "control") + " arm's events carry " + id.display();
            return new MetricComparison(id, c, t, null, null, null, note);
        }
        long n = c.n() + t.n();
        double alpha = spec.alpha();
        Estimate diff;
        double diffSe;
        if (c instanceof MetricSample.Binary bc && t instanceof MetricSample.Binary bt) {
            double d = bt.mean() - bc.mean();
            // the Agresti-Caffo spread stays positive at rates of 0 (guardrails rarely fire), so the MDE means something
            diffSe = Math.sqrt(adjustedVariance(bt) + adjustedVariance(bc));
            diff = spec.sequential() ? ConfidenceSequences.interval(d, diffSe, n, alpha, spec.sequentialTuning(),
                    "difference of proportions, Agresti-Caffo standard error")
                    : TwoSampleIntervals.newcombeHybrid(bt.hits(), bt.n(), bc.hits(), bc.n(), alpha);
        } else if (c instanceof MetricSample.Mean mc && t instanceof MetricSample.Mean mt) {
            if (mc.n() < 2 || mt.n() < 2) {
                return new MetricComparison(id, c, t, null, null, null, "an interval needs two values in each arm");
            }
            Estimate welch = TwoSampleIntervals.welch(mt.mean(), mt.variance(), mt.n(), mc.mean(), mc.variance(), mc.n(), alpha);
            diffSe = welch.standardError();
            diff = spec.sequential() ? ConfidenceSequences.interval(welch.value(), diffSe, n, alpha, spec.sequentialTuning(),
                    "difference of means, Welch standard error") : welch;
        } else if (c instanceof MetricSample.Ratio rc && t instanceof MetricSample.Ratio rt) {
            if (rc.n() < 2 || rt.n() < 2 || Double.isNaN(rc.mean()) || Double.isNaN(rt.mean())) {
                return new MetricComparison(id, c, t, null, null, null, "a ratio needs two events and a success in each arm");
            }
            diffSe = Math.sqrt(rt.varianceOfMean() + rc.varianceOfMean());
            double d = rt.mean() - rc.mean();
            diff = spec.sequential() ? ConfidenceSequences.interval(d, diffSe, n, alpha, spec.sequentialTuning(),
                    "difference of ratios, delta-method standard error")
                    : TwoSampleIntervals.normal(d, diffSe, alpha, "difference of ratios of sums, delta method");
        } else {
            throw new IllegalArgumentException("the arms summarise " + id.display() + " differently");
        }
        Estimate relative = null;
        String note = null;
        double m0 = c.mean();
        if (m0 == 0) {
            note = "relative lift undefined: the control's " + (id.type() == MetricType.BINARY ? "rate" : "mean") + " is 0";
        } else {
            double v1 = t.varianceOfMean();
            double v0 = c.varianceOfMean();
            if (spec.sequential()) {
                double se = Math.sqrt(TwoSampleIntervals.relativeLiftVariance(t.mean(), v1, m0, v0));
                relative = ConfidenceSequences.interval(t.mean() / m0 - 1, se, n, alpha, spec.sequentialTuning(),
                        "relative lift, delta-method standard error");
            } else {
                relative = TwoSampleIntervals.relativeLift(t.mean(), v1, m0, v0, alpha);
            }
        }
        Mde mde = null;
        if (diffSe > 0 && Double.isFinite(diffSe)) {
            double abs = spec.sequential() ? SampleSizes.mdeSequential(diffSe, n, alpha, spec.power(), spec.sequentialTuning())
                    : SampleSizes.mde(diffSe, alpha, spec.power());
            mde = new Mde(abs, m0 == 0 ? null : abs / Math.abs(m0));
        }
        return new MetricComparison(id, c, t, diff, relative, mde, note);
    }

    /** Agresti and Caffo (2000): one success and one failure added, so a rate of 0 or 1 still has a spread. */
    private static double adjustedVariance(MetricSample.Binary b) {
        double p = (b.hits() + 1.0) / (b.n() + 2.0);
        return p * (1 - p) / (b.n() + 2.0);
    }

    static BarOutcome judge(CanaryBar bar, MetricComparison m) {
        Estimate e = bar.relative() ? m.relative() : m.difference();
        if (e == null) {
            String why = m.note() != null ? m.note() : "no interval";
            return new BarOutcome(bar, BarStatus.INCONCLUSIVE, null, why);
        }
        double x = bar.threshold();
        boolean higherBetter = bar.metric().higherIsBetter();
        String at = interval(e, bar.relative());
        return switch (bar.kind()) {
            case MIN_UPLIFT -> e.above(x) ? new BarOutcome(bar, BarStatus.PASS, e, at + " lies entirely above " + bar.thresholdText())
                    : e.below(x) ? new BarOutcome(bar, BarStatus.FAIL, e, at + " lies entirely below " + bar.thresholdText())
                            : new BarOutcome(bar, BarStatus.INCONCLUSIVE, e, at + " straddles " + bar.thresholdText());
            case MAX_INCREASE -> e.below(x) ? new BarOutcome(bar, BarStatus.PASS, e, at + " lies entirely below " + bar.thresholdText())
                    : e.above(x) ? new BarOutcome(bar, BarStatus.FAIL, e, at + " lies entirely above " + bar.thresholdText())
                            : new BarOutcome(bar, BarStatus.INCONCLUSIVE, e, at + " straddles " + bar.thresholdText());
            case NO_REGRESSION -> (higherBetter ? e.below(0) : e.above(0))
                    ? new BarOutcome(bar, BarStatus.FAIL, e, at + " lies entirely on the worse side of 0 (" + (higherBetter ? "lower" : "higher")
                            + " is worse)")
                    : new BarOutcome(bar, BarStatus.PASS, e, at + " shows no regression");
            case STOP_LOSS -> {
                boolean crossed = higherBetter ? e.below(x) : e.above(x);
                boolean safe = higherBetter ? e.above(x) : e.below(x);
                yield crossed ? new BarOutcome(bar, BarStatus.FAIL, e, at + " lies entirely beyond the stop-loss " + bar.thresholdText())
                        : safe ? new BarOutcome(bar, BarStatus.PASS, e, at + " stays clear of the stop-loss " + bar.thresholdText())
                                : new BarOutcome(bar, BarStatus.INCONCLUSIVE, e, at + " straddles the stop-loss " + bar.thresholdText());
            }
        };
    }

    static Verdict verdict(CanarySpec spec, long control, long treatment, Srm srm, List<BarOutcome> bars, List<String> reasons) {
        if (srm.mismatch()) {
            reasons.add(String.format(Locale.ROOT, "sample ratio mismatch: the treatment has %s of the events, the plan is %s "
                    + "(chi-square %s, p = %s < %s): the split is broken and the readout is invalid", percent(srm.observedShare()),
                    percent(srm.plannedShare()), Numbers.brief(srm.chiSquare()), pValue(srm.p()), Numbers.brief(CanarySpec.SRM_THRESHOLD)));
            return Verdict.HOLD;
        }
        List<BarOutcome> regressions = failed(bars, BarKind.NO_REGRESSION);
        if (!regressions.isEmpty()) {
            regressions.forEach(b -> reasons.add(b.bar().describe() + ": " + b.reason()));
            return Verdict.HOLD;
        }
        boolean enough = control >= spec.minEvents() && treatment >= spec.minEvents();
        List<BarOutcome> stops = failed(bars, BarKind.STOP_LOSS);
        if (enough && !stops.isEmpty()) {
            stops.forEach(b -> reasons.add(b.bar().describe() + ": " + b.reason()));
            return Verdict.ROLLBACK;
        }
        List<BarOutcome> open = bars.stream().filter(b -> b.status() == BarStatus.INCONCLUSIVE).toList();
        if (!enough || !open.isEmpty()) {
            if (!enough) {
                reasons.add("too few events: control " + control + ", treatment " + treatment + "; each arm needs " + spec.minEvents());
                stops.forEach(b -> reasons.add(b.bar().describe() + ": " + b.reason() + ", but below min_events a canary continues"));
            }
            open.forEach(b -> reasons.add(b.bar().describe() + ": " + b.reason()));
            return Verdict.CONTINUE;
        }
        List<BarOutcome> missed = bars.stream().filter(b -> b.status() == BarStatus.FAIL).toList();
        if (!missed.isEmpty()) {
            missed.forEach(b -> reasons.add(b.bar().describe() + ": " + b.reason() + "; the bar cannot be met"));
            return Verdict.HOLD;
        }
        bars.forEach(b -> reasons.add(b.bar().describe() + ": " + b.reason()));
        return Verdict.PROMOTE;
    }

    private static List<BarOutcome> failed(List<BarOutcome> bars, BarKind kind) {
        return bars.stream().filter(b -> b.bar().kind() == kind && b.status() == BarStatus.FAIL).toList();
    }

    /** {@code +3.1% [+1.2%, +5.0%]} or {@code +0.0123 [0.0045, 0.0201]}. */
    static String interval(Estimate e, boolean relative) {
        return relative ? signedPercent(e.value()) + " [" + signedPercent(e.low()) + ", " + signedPercent(e.high()) + "]"
                : Numbers.signed(e.value()) + " [" + Numbers.signed(e.low()) + ", " + Numbers.signed(e.high()) + "]";
    }

    static String signedPercent(double x) {
        return Numbers.signed(x * 100) + "%";
    }

    static String percent(double x) {
        return Numbers.brief(x * 100) + "%";
    }

    static String pValue(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : Numbers.brief(p);
    }
}
