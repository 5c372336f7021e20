package dev.reg.online;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.stats.Numbers;

/** A canary plan as {@code reg.canary-plan/1} JSON, and as a table for a terminal. */
public final class CanaryPlanJson {
    public static final String FORMAT = "reg.canary-plan/1";

    private CanaryPlanJson() {
    }

    public static String render(CanaryPlan p) {
        return OnlineJson.write(tree(p));
    }

    /** The plan with the workflow and the gate file it was made from. */
    public static String render(CanaryPlan p, GateSource gate) {
        return OnlineJson.write(tree(p), gate);
    }

    static ObjectNode tree(CanaryPlan p) {
        ObjectNode o = OnlineJson.object();
        o.put("format", FORMAT);
        o.put("method", p.method());
        o.put("min_events", p.spec().minEvents());
        ArrayNode rows = o.putArray("bars");
        for (CanaryPlan.Row r : p.rows()) {
            ObjectNode x = rows.addObject();
            x.put("metric", r.bar().metric().display());
            x.put("bar", r.bar().kind().key());
            if (r.bar().kind() != BarKind.NO_REGRESSION) {
                x.put("threshold", r.bar().threshold());
            }
            x.put("relative", r.bar().relative());
            x.put("line", r.bar().line());
            if (r.note() != null) {
                x.put("note", r.note());
                continue;
            }
            x.put("baseline_source", r.source());
            OnlineJson.num(x, "baseline_mean", r.mean());
            OnlineJson.num(x, "sd", r.sd());
            OnlineJson.num(x, "effect", r.effect());
            ObjectNode ev = x.putObject("events");
            ev.put("control", r.control());
            ev.put("treatment", r.treatment());
            ev.put("total", r.total());
        }
        if (p.baseline() != null) {
            OnlineJson.inputs(o, p.baseline());
        }
        return o;
    }

    public static String text(CanaryPlan p) {
        StringBuilder sb = new StringBuilder("events needed per arm (" + p.method() + "):\n");
        TextTable t = new TextTable("bar", ">effect", "baseline", ">control", ">treatment", ">total");
        for (CanaryPlan.Row r : p.rows()) {
            String bar = r.bar().describe() + (r.bar().relative() ? " (relative)" : "");
            if (r.note() != null) {
                t.row(bar, "-", r.note(), "-", "-", "-");
            } else {
                t.row(bar, Numbers.signed(r.effect()), "mean " + Numbers.brief(r.mean()) + ", sd " + Numbers.brief(r.sd()) + " (" + r.source() + ")",
                        Long.toString(r.control()), Long.toString(r.treatment()), Long.toString(r.total()));
            }
        }
        return sb.append(t.render("  ")).toString();
    }
}
