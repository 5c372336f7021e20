package dev.reg.online;

import dev.reg.online.CanaryReadout.BarOutcome;
import dev.reg.online.CanaryReadout.MetricComparison;
import dev.reg.stats.Estimate;
import dev.reg.stats.Numbers;
import dev.reg.stats.TwoSampleIntervals;
import java.util.Locale;

/** A canary readout for a terminal: verdict, sample ratio, a table of metrics, the bars and the reasons. */
public final class CanaryText {
    private CanaryText() {
    }

    public static String render(CanaryReadout r) {
        StringBuilder sb = new StringBuilder();
        sb.append("verdict: ").append(r.verdict().label().toUpperCase(Locale.ROOT)).append('\n');
        long total = r.controlEvents() + r.treatmentEvents();
        sb.append("events: control ").append(r.controlEvents()).append(", treatment ").append(r.treatmentEvents());
        if (r.unassigned() > 0) {
            sb.append(", in neither arm ").append(r.unassigned());
        }
        if (r.read() != null && r.read().skipped() > 0) {
            sb.append(", malformed lines skipped ").append(r.read().skipped());
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "sample ratio: treatment %s of %d events, planned %s; chi-square p = %s%s%n",
                CanaryAnalysis.percent(r.srm().observedShare()), total, CanaryAnalysis.percent(r.srm().plannedShare()),
                CanaryAnalysis.pValue(r.srm().p()), r.srm().mismatch() ? "  MISMATCH: the readout is invalid" : ""));
        String level = TwoSampleIntervals.level(r.spec().alpha());
        sb.append(r.spec().sequential() ? "intervals: " + level + " always-valid confidence sequences\n" : "intervals: " + level + "\n");
        TextTable t = new TextTable("metric", ">control n", ">control", ">treatment n", ">treatment", ">difference", "interval", ">relative",
                "interval", ">mde");
        for (MetricComparison m : r.metrics()) {
            t.row(m.metric().display(), n(m.control()), mean(m.control()), n(m.treatment()), mean(m.treatment()),
                    m.difference() == null ? "-" : Numbers.signed(m.difference().value()), range(m.difference(), false),
                    m.relative() == null ? "-" : CanaryAnalysis.signedPercent(m.relative().value()), range(m.relative(), true),
                    m.mde() == null ? "-" : Numbers.brief(m.mde().absolute()));
        }
        sb.append(t.render("  "));
        sb.append("bars:\n");
        for (BarOutcome b : r.bars()) {
            sb.append("  ").append(String.format(Locale.ROOT, "%-13s", b.status().label().toUpperCase(Locale.ROOT))).append(b.bar().describe())
                    .append(b.bar().relative() ? " (relative)" : "").append(": ").append(b.reason()).append('\n');
        }
        sb.append("reasons:\n");
        r.reasons().forEach(x -> sb.append("  - ").append(x).append('\n'));
        return sb.toString();
    }

    private static String n(MetricSample s) {
        return s == null ? "0" : Long.toString(s.n());
    }

    private static String mean(MetricSample s) {
        return s == null || Double.isNaN(s.mean()) ? "-" : Numbers.brief(s.mean());
    }

    private static String range(Estimate e, boolean relative) {
        if (e == null) {
            return "";
        }
        return relative ? "[" + CanaryAnalysis.signedPercent(e.low()) + ", " + CanaryAnalysis.signedPercent(e.high()) + "]"
                : "[" + Numbers.signed(e.low()) + ", " + Numbers.signed(e.high()) + "]";
    }
}
