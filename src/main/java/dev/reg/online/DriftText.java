package dev.reg.online;

import dev.reg.online.DriftReadout.FieldDrift;
import dev.reg.online.DriftReadout.RateDrift;
import dev.reg.stats.Numbers;
import java.util.Locale;

/** A drift readout for a terminal: the overall level, a table of fields, the embedding and the rates. */
public final class DriftText {
    private DriftText() {
    }

    public static String render(DriftReadout r) {
        StringBuilder sb = new StringBuilder("drift: ").append(r.level().label().toUpperCase(Locale.ROOT)).append('\n');
        sb.append("reference ").append(r.reference().events()).append(" events, current ").append(r.current().events()).append(" events\n");
        TextTable t = new TextTable("field", "type", ">n ref", ">n cur", ">psi", ">kl", ">js", "level", "note");
        for (FieldDrift f : r.fields()) {
            t.row(f.field(), f.numeric() ? "numeric" : "categorical", Long.toString(f.nReference()), Long.toString(f.nCurrent()), num(f.psi()),
                    num(f.kl()), num(f.js()), f.level().label(), f.note() == null ? "" : f.note());
        }
        sb.append(t.render("  "));
        if (r.embedding() != null) {
            sb.append("embedding: cosine distance ").append(num(r.embedding().cosineDistance())).append(" (").append(r.embedding().level().label())
                    .append("), dimension ").append(r.embedding().dimension()).append('\n');
        }
        if (!r.rates().isEmpty()) {
            sb.append("rates").append(r.window().length() == null ? "" : " over the last " + Durations.format(r.window().length())).append(":\n");
            TextTable rt = new TextTable("metric", ">reference", ">current", ">difference", ">n cur");
            for (RateDrift d : r.rates()) {
                rt.row(d.metric(), num(d.reference()), num(d.current()), Double.isNaN(d.difference()) ? "-" : Numbers.signed(d.difference()),
                        Long.toString(d.nCurrent()));
            }
            sb.append(rt.render("  "));
        }
        return sb.toString();
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "-" : Numbers.brief(x);
    }
}
