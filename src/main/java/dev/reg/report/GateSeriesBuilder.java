package dev.reg.report;

import dev.reg.eval.MetricDef;
import dev.reg.gate.BarResult;
import dev.reg.gate.BarSpec;
import dev.reg.gate.GateFile;
import dev.reg.gate.GateReport;
import dev.reg.report.Report.GatePoint;
import dev.reg.report.Report.GateSeries;
import dev.reg.stats.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the gate results of each release's run into one series per bar: the value (or, for a
 * regression bar, the paired delta against the baseline) with its interval, and the bar's line.
 * The line's value comes from the gate file itself, not from the rounded text of the result.
 */
final class GateSeriesBuilder {
    /** One release's recomputed gate: the run's metric definitions tell which way is better. */
    record Evaluated(int release, GateReport report, Map<String, MetricDef> metrics) {
    }

    /** What a bar's points are (value, delta or tail), where its line is, and on which side of it they must stay. */
    private record Shape(String kind, Double threshold, String direction) {
    }

    private final GateFile gate;
    private final Map<String, GateSeriesAccumulator> series = new LinkedHashMap<>();

    private static final class GateSeriesAccumulator {
        final BarResult first;
        final Shape shape;
        final List<GatePoint> points = new ArrayList<>();

        GateSeriesAccumulator(BarResult first, Shape shape) {
            this.first = first;
            this.shape = shape;
        }
    }

    GateSeriesBuilder(GateFile gate) {
        this.gate = gate;
    }

    void add(Evaluated e) {
        for (BarResult b : e.report().bars()) {
            String key = b.metric() + "\u0000" + b.aggregation() + "\u0000" + b.where() + "\u0000" + b.bar();
            GateSeriesAccumulator acc = series.computeIfAbsent(key, k -> new GateSeriesAccumulator(b, shape(b, e.metrics())));
            boolean delta = acc.shape.kind().equals("delta");
            acc.points.add(new GatePoint(e.release(), e.report().runId(), e.report().baselineRunId(), delta ? b.delta() : b.value(),
                    b.intervalLow(), b.intervalHigh(), b.n(), b.pass(), b.note()));
        }
    }

    List<GateSeries> build() {
        List<GateSeries> out = new ArrayList<>();
        int i = 0;
        for (GateSeriesAccumulator acc : series.values()) {
            BarResult b = acc.first;
            out.add(new GateSeries("bar-" + (++i), b.metric(), b.aggregation(), b.where(), b.bar(), acc.shape.kind(), acc.shape.threshold(),
                    acc.shape.direction(), acc.points));
        }
        return out;
    }

    /** The bar's kind, line and direction, from the gate file's entry that printed {@code b.bar()}. */
    private Shape shape(BarResult b, Map<String, MetricDef> metrics) {
        for (BarSpec s : gate.bars()) {
            if (!s.metric().equals(b.metric()) || !java.util.Objects.equals(s.whereText(), b.where())) {
                continue;
            }
            if (s.min() != null && b.bar().equals(">= " + Numbers.brief(s.min()))) {
                return new Shape("value", s.min(), "min");
            }
            if (s.max() != null && b.bar().equals("<= " + Numbers.brief(s.max()))) {
                return new Shape("value", s.max(), "max");
            }
            if (s.tailMin() != null && b.bar().startsWith(">= " + Numbers.brief(s.tailMin()) + " (tail_min)")) {
                return new Shape("tail", s.tailMin(), "min");
            }
            if (s.tailMax() != null && b.bar().startsWith("<= " + Numbers.brief(s.tailMax()) + " (tail_max)")) {
                return new Shape("tail", s.tailMax(), "max");
            }
            boolean higherIsBetter = higherIsBetter(metrics.get(b.metric()));
            if (s.maxDrop() != null && b.bar().equals("max_drop " + Numbers.brief(s.maxDrop()))) {
                // the delta may fall by at most max_drop in the metric's worse direction
                return new Shape("delta", higherIsBetter ? -s.maxDrop() : s.maxDrop(), higherIsBetter ? "min" : "max");
            }
            if (s.minGain() != null && b.bar().equals("min_gain " + Numbers.brief(s.minGain()))) {
                return new Shape("delta", higherIsBetter ? s.minGain() : -s.minGain(), higherIsBetter ? "min" : "max");
            }
        }
        // a result whose text matches no entry (a bar text the evaluator words differently): plotted without a line
        boolean delta = b.bar().startsWith("max_drop") || b.bar().startsWith("min_gain");
        return new Shape(delta ? "delta" : b.bar().contains("(tail_") ? "tail" : "value", null, b.bar().startsWith("<=") ? "max" : "min");
    }

    private static boolean higherIsBetter(MetricDef def) {
        return def == null || def.higherIsBetter() == null || def.higherIsBetter();
    }
}
