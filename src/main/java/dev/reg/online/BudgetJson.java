package dev.reg.online;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.online.BudgetReadout.Alert;
import dev.reg.online.BudgetReadout.BurnRate;
import dev.reg.stats.Numbers;
import java.time.Instant;
import java.util.Locale;

/** An error-budget readout as {@code reg.budget/1} JSON, and as text for a terminal. */
public final class BudgetJson {
    public static final String FORMAT = "reg.budget/1";

    private BudgetJson() {
    }

    public static String render(BudgetReadout r) {
        return OnlineJson.write(tree(r));
    }

    /** The readout with the workflow and the gate file its SLO came from. */
    public static String render(BudgetReadout r, GateSource gate) {
        return OnlineJson.write(tree(r), gate);
    }

    /** The readout as {@code reg budget --apply} and {@code reg watch --apply} commit it. */
    public static String recorded(BudgetReadout r, GateSource gate, Integer release, String at) {
        return OnlineJson.recorded(tree(r), gate, release, at);
    }

    static ObjectNode tree(BudgetReadout r) {
        ObjectNode o = OnlineJson.object();
        o.put("format", FORMAT);
        ObjectNode slo = o.putObject("slo");
        slo.put("objective", r.slo().objective());
        slo.put("window", Durations.format(r.slo().window()));
        slo.put("good", r.slo().good().toString());
        slo.put("file", r.slo().file());
        slo.put("line", r.slo().line());
        if (r.evaluatedAt() == null) {
            o.putNull("evaluated_at");
        } else {
            o.put("evaluated_at", Instant.ofEpochMilli(r.evaluatedAt()).toString());
        }
        o.put("status", r.status().label());
        o.put("freeze", r.exhausted());
        ObjectNode b = o.putObject("budget");
        b.put("events", r.events());
        b.put("good", r.good());
        b.put("bad", r.bad());
        OnlineJson.num(b, "error_rate", r.events() == 0 ? Double.NaN : (double) r.bad() / r.events());
        b.put("allowed_bad_share", r.slo().budget());
        OnlineJson.num(b, "spent", r.spent());
        OnlineJson.num(b, "remaining", r.remaining());
        b.put("exhausted", r.exhausted());
        ArrayNode rates = o.putArray("burn_rates");
        for (BurnRate x : r.burnRates()) {
            ObjectNode w = rates.addObject();
            w.put("window", Durations.format(x.window()));
            w.put("events", x.events());
            w.put("bad", x.bad());
            OnlineJson.num(w, "burn_rate", x.rate());
        }
        ArrayNode alerts = o.putArray("alerts");
        for (Alert a : r.alerts()) {
            alerts.addObject().put("severity", a.severity().label()).put("long", Durations.format(a.longWindow()))
                    .put("short", Durations.format(a.shortWindow())).put("threshold", a.threshold()).put("firing", a.firing());
        }
        o.put("untimed", r.untimed());
        o.put("after_now", r.afterNow());
        OnlineJson.inputs(o, r.read());
        return o;
    }

    public static String text(BudgetReadout r) {
        StringBuilder sb = new StringBuilder();
        sb.append("error budget: ").append(r.status().label().toUpperCase(Locale.ROOT)).append(r.exhausted() ? ", EXHAUSTED: freeze" : "").append('\n');
        sb.append("slo: ").append(Numbers.brief(r.slo().objective() * 100)).append("% good over ").append(Durations.format(r.slo().window()))
                .append(", good = ").append(r.slo().good()).append('\n');
        if (r.evaluatedAt() == null) {
            return sb.append("no timed events: nothing to evaluate\n").toString();
        }
        sb.append("at ").append(Instant.ofEpochMilli(r.evaluatedAt())).append(": ").append(r.events()).append(" events, ").append(r.bad())
                .append(" bad; budget spent ").append(pct(r.spent())).append(", remaining ").append(pct(r.remaining())).append('\n');
        TextTable t = new TextTable("window", ">events", ">bad", ">burn rate");
        for (BurnRate x : r.burnRates()) {
            t.row(Durations.format(x.window()), Long.toString(x.events()), Long.toString(x.bad()), Double.isNaN(x.rate()) ? "-" : Numbers.brief(x.rate()));
        }
        sb.append(t.render("  "));
        for (Alert a : r.alerts()) {
            sb.append("  ").append(a.firing() ? "FIRING " : "ok     ").append(a.severity().label()).append(": ").append(Durations.format(a.longWindow()))
                    .append(" and ").append(Durations.format(a.shortWindow())).append(" above ").append(Numbers.brief(a.threshold())).append('\n');
        }
        return sb.toString();
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "-" : Numbers.brief(x * 100) + "%";
    }
}
