package dev.reg.online;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.online.CanaryReadout.BarOutcome;
import dev.reg.online.CanaryReadout.MetricComparison;

/**
 * A canary readout as {@code reg.canary/1} JSON: DESIGN's fields ({@code format}, {@code srm},
 * {@code metrics} with each arm's n and mean and the difference and relative lift with their
 * intervals and methods, {@code verdict}, {@code reasons}) first, then what makes the readout
 * re-derivable and explainable: each bar's status, the MDE, the arms, the design it was judged
 * against, and the inputs with sizes, sha256 and skipped lines.
 */
public final class CanaryJson {
    public static final String FORMAT = "reg.canary/1";

    private CanaryJson() {
    }

    public static String render(CanaryReadout r) {
        return OnlineJson.write(tree(r));
    }

    /** The readout with the workflow and the gate file it was judged against. */
    public static String render(CanaryReadout r, GateSource gate) {
        return OnlineJson.write(tree(r), gate);
    }

    /** The readout as {@code reg canary --record} commits it: with the canary release it judged and when. */
    public static String recorded(CanaryReadout r, GateSource gate, Integer release, String at) {
        return OnlineJson.recorded(tree(r), gate, release, at);
    }

    public static ObjectNode tree(CanaryReadout r) {
        ObjectNode o = OnlineJson.object();
        o.put("format", FORMAT);
        ObjectNode srm = o.putObject("srm");
        OnlineJson.num(srm, "p", r.srm().p());
        OnlineJson.num(srm, "chi_square", r.srm().chiSquare());
        srm.put("planned_share", r.srm().plannedShare());
        OnlineJson.num(srm, "observed_share", r.srm().observedShare());
        srm.put("mismatch", r.srm().mismatch());
        ArrayNode metrics = o.putArray("metrics");
        for (MetricComparison m : r.metrics()) {
            ObjectNode x = metrics.addObject();
            x.put("metric", m.metric().display());
            x.put("type", m.metric().type().label());
            x.put("better", m.metric().higherIsBetter() ? "higher" : "lower");
            arm(x, "control", m.control());
            arm(x, "treatment", m.treatment());
            OnlineJson.estimate(x, "difference", m.difference());
            OnlineJson.estimate(x, "relative", m.relative());
            if (m.mde() == null) {
                x.putNull("mde");
            } else {
                ObjectNode mde = x.putObject("mde");
                OnlineJson.num(mde, "absolute", m.mde().absolute());
                OnlineJson.num(mde, "relative", m.mde().relative());
                mde.put("power", r.spec().power());
            }
            if (m.note() != null) {
                x.put("note", m.note());
            }
        }
        o.put("verdict", r.verdict().label());
        ArrayNode reasons = o.putArray("reasons");
        r.reasons().forEach(reasons::add);
        ArrayNode bars = o.putArray("bars");
        for (BarOutcome b : r.bars()) {
            ObjectNode x = bars.addObject();
            x.put("metric", b.bar().metric().display());
            x.put("bar", b.bar().kind().key());
            if (b.bar().kind() != BarKind.NO_REGRESSION) {
                x.put("threshold", b.bar().threshold());
            }
            x.put("relative", b.bar().relative());
            x.put("line", b.bar().line());
            x.put("status", b.status().label());
            if (b.interval() != null) {
                OnlineJson.num(x, "low", b.interval().low());
                OnlineJson.num(x, "high", b.interval().high());
            }
            x.put("reason", b.reason());
        }
        ObjectNode arms = o.putObject("arms");
        if (r.arms() != null) {
            arms.put("assigned", r.arms().describe());
        }
        arms.putObject("control").put("events", r.controlEvents());
        arms.putObject("treatment").put("events", r.treatmentEvents());
        arms.put("unassigned", r.unassigned());
        ObjectNode spec = o.putObject("design");
        spec.put("file", r.spec().file());
        spec.put("split", r.spec().split());
        spec.put("min_events", r.spec().minEvents());
        spec.put("alpha", r.spec().alpha());
        spec.put("power", r.spec().power());
        spec.put("sequential", r.spec().sequential());
        if (r.spec().sequential()) {
            spec.put("sequential_tuning", r.spec().sequentialTuning());
        }
        if (r.read() != null) {
            OnlineJson.inputs(o, r.read());
        }
        return o;
    }

    private static void arm(ObjectNode x, String name, MetricSample s) {
        if (s == null) {
            x.putObject(name).put("n", 0).putNull("mean");
            return;
        }
        ObjectNode a = x.putObject(name);
        a.put("n", s.n());
        OnlineJson.num(a, "mean", s.mean());
        if (s instanceof MetricSample.Binary b) {
            a.put("hits", b.hits());
        } else if (s instanceof MetricSample.Mean m) {
            OnlineJson.num(a, "sd", Math.sqrt(m.variance()));
        } else if (s instanceof MetricSample.Ratio q) {
            OnlineJson.num(a, "numerator_mean", q.meanX());
            OnlineJson.num(a, "denominator_mean", q.meanY());
        }
    }
}
