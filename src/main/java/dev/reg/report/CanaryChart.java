package dev.reg.report;

import static dev.reg.report.Svg.c;
import static dev.reg.report.Svg.esc;
import static dev.reg.report.Svg.num;
import static dev.reg.report.Svg.pct;

import dev.reg.report.Report.CanaryBar;
import dev.reg.report.Report.CanaryMetric;
import dev.reg.report.Report.CanaryReadout;
import java.util.ArrayList;
import java.util.List;

/**
 * A canary readout as a forest plot: one row per metric, the treatment's relative lift over control
 * with its 95% interval, and the pre-registered bars of that metric as marks on its row (a target to
 * clear, a ceiling to stay under, a stop-loss, no regression below 0). Relative lift puts every
 * metric on one axis; a bar given as a difference is placed by dividing by the control mean.
 */
final class CanaryChart {
    private static final double W = 600;
    private static final double LEFT = 170;
    private static final double RIGHT = 110;
    private static final double TOP = 18;
    private static final double ROW = 54;
    private static final double AXIS = 34;

    private CanaryChart() {
    }

    /** Where a bar sits on the relative-lift axis, or null when it cannot be placed (no control mean). */
    static Double relativeThreshold(CanaryBar b, CanaryMetric m) {
        if (b.bar().equals("no_regression")) {
            return 0.0;
        }
        if (b.threshold() == null) {
            return null;
        }
        if (b.relative()) {
            return b.threshold();
        }
        Double base = m == null || m.control() == null ? null : m.control().mean();
        return base == null || base == 0 ? null : b.threshold() / Math.abs(base);
    }

    static String render(CanaryReadout r, String id) {
        List<CanaryMetric> rows = r.metrics();
        // the axis covers the estimates, the bars and 0, and intervals up to a margin past them: a rare
        // binary metric's relative interval can span hundreds of percent and would flatten every other row
        double lo = 0;
        double hi = 0;
        for (CanaryMetric m : rows) {
            if (m.relative() != null && m.relative().value() != null) {
                lo = Math.min(lo, m.relative().value());
                hi = Math.max(hi, m.relative().value());
            }
            for (CanaryBar b : barsOf(r, m.metric())) {
                Double t = relativeThreshold(b, m);
                if (t != null) {
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t);
                }
            }
        }
        double reach = Math.max(0.1, hi - lo);
        double coreLo = lo;
        double coreHi = hi;
        for (CanaryMetric m : rows) {
            if (m.relative() != null && m.relative().low() != null && m.relative().high() != null) {
                lo = Math.min(lo, Math.max(m.relative().low(), coreLo - reach));
                hi = Math.max(hi, Math.min(m.relative().high(), coreHi + reach));
            }
        }
        double[] dom = Svg.padded(lo, hi);
        double h = TOP + Math.max(1, rows.size()) * ROW + AXIS;
        Svg.Scale x = new Svg.Scale(dom[0], dom[1], LEFT, W - RIGHT);
        StringBuilder sb = new StringBuilder(4096);
        sb.append(Svg.open(id, W, h, "Canary readout " + name(r) + ": relative lift of treatment over control", describe(r), 480));
        double bottom = TOP + rows.size() * ROW;
        for (double t : Svg.ticks(dom[0], dom[1], 5)) {
            double tx = x.at(t);
            sb.append("<line x1=\"").append(c(tx)).append("\" x2=\"").append(c(tx)).append("\" y1=\"").append(c(TOP - 6)).append("\" y2=\"")
                    .append(c(bottom)).append("\" class=\"grid\"/><text x=\"").append(c(tx)).append("\" y=\"").append(c(bottom + 16))
                    .append("\" class=\"small mid muted\">").append(pct(t)).append("</text>");
        }
        double zx = x.at(0);
        sb.append("<line x1=\"").append(c(zx)).append("\" x2=\"").append(c(zx)).append("\" y1=\"").append(c(TOP - 8)).append("\" y2=\"")
                .append(c(bottom)).append("\" class=\"zero\"/>");
        sb.append("<text x=\"").append(c((LEFT + W - RIGHT) / 2)).append("\" y=\"").append(c(bottom + 30))
                .append("\" class=\"small mid muted\">relative lift, treatment vs control (95% interval)</text>");
        for (int i = 0; i < rows.size(); i++) {
            CanaryMetric m = rows.get(i);
            double cy = TOP + i * ROW + ROW / 2;
            if (i % 2 == 1) {
                sb.append("<rect x=\"0\" y=\"").append(c(cy - ROW / 2)).append("\" width=\"").append(c(W)).append("\" height=\"").append(c(ROW))
                        .append("\" class=\"band\"/>");
            }
            sb.append("<text x=\"8\" y=\"").append(c(cy - 2)).append("\" class=\"lbl\">").append(esc(m.metric())).append("</text>");
            sb.append("<text x=\"8\" y=\"").append(c(cy + 12)).append("\" class=\"small muted\">n ").append(n(m.control())).append(" / ")
                    .append(n(m.treatment())).append("</text>");
            List<String> statuses = new ArrayList<>();
            List<Double> labelled = new ArrayList<>();
            for (CanaryBar b : barsOf(r, m.metric())) {
                Double t = relativeThreshold(b, m);
                if (t != null) {
                    double bx = x.at(t);
                    // a label too close to one already on this row goes under the row instead of over it
                    boolean below = labelled.stream().anyMatch(l -> Math.abs(l - bx) < 44);
                    labelled.add(bx);
                    sb.append("<g class=\"cbar cbar-").append(esc(b.bar().replace('_', '-'))).append("\"><line x1=\"").append(c(bx)).append("\" x2=\"")
                            .append(c(bx)).append("\" y1=\"").append(c(cy - 15)).append("\" y2=\"").append(c(cy + 15)).append("\"/><text x=\"")
                            .append(c(bx)).append("\" y=\"").append(c(below ? cy + 24 : cy - 17)).append("\" class=\"tiny mid\">").append(esc(barShort(b, t)))
                            .append("</text><title>").append(esc(barWords(b))).append("</title></g>");
                }
                if (b.status() != null) {
                    statuses.add(b.status());
                }
            }
            if (m.relative() != null && m.relative().low() != null && m.relative().high() != null) {
                double x0 = Math.max(LEFT, x.at(m.relative().low()));
                double x1 = Math.min(W - RIGHT, x.at(m.relative().high()));
                sb.append("<line x1=\"").append(c(x0)).append("\" x2=\"").append(c(x1)).append("\" y1=\"").append(c(cy)).append("\" y2=\"")
                        .append(c(cy)).append("\" class=\"ci\"/>");
                // an interval that runs past the axis ends in an arrow there
                if (x.at(m.relative().low()) < LEFT) {
                    sb.append("<path d=\"M").append(c(LEFT - 6)).append(' ').append(c(cy)).append("l8 -6v12z\" class=\"ci-clip\"/>");
                }
                if (x.at(m.relative().high()) > W - RIGHT) {
                    sb.append("<path d=\"M").append(c(W - RIGHT + 6)).append(' ').append(c(cy)).append("l-8 -6v12z\" class=\"ci-clip\"/>");
                }
            }
            if (m.relative() != null && m.relative().value() != null) {
                sb.append("<circle cx=\"").append(c(x.at(m.relative().value()))).append("\" cy=\"").append(c(cy)).append("\" r=\"5\" class=\"est\">"
                        + "<title>").append(esc(m.metric())).append(": ").append(pct(m.relative().value())).append(" [")
                        .append(pct(m.relative().low())).append(", ").append(pct(m.relative().high())).append("]</title></circle>");
            }
            String verdict = statuses.contains("fail") ? "fail" : statuses.contains("inconclusive") ? "inconclusive"
                    : statuses.isEmpty() ? "" : "pass";
            if (!verdict.isEmpty()) {
                sb.append("<text x=\"").append(c(W - RIGHT + 10)).append("\" y=\"").append(c(cy + 4)).append("\" class=\"lbl status-")
                        .append(verdict).append("\">").append(verdict).append("</text>");
            }
        }
        sb.append("</svg>");
        String caption = "<span class=\"verdict verdict-" + esc(r.verdict()) + "\">" + esc(r.verdict() == null ? "no verdict" : r.verdict())
                + "</span> <strong>" + esc(name(r)) + "</strong>" + (r.release() == null ? "" : ", release #" + r.release())
                + (r.at() == null ? "" : ", " + esc(r.at())) + (r.srmP() == null ? "" : "; sample-ratio check p = " + num(r.srmP()))
                + (r.reasons().isEmpty() ? "" : "<br><span class=\"muted\">" + esc(String.join("; ", r.reasons())) + "</span>")
                + ("gate file".equals(r.barsFrom()) ? "<br><span class=\"muted\">bars: the gate file's canary section at HEAD (the readout lists none)</span>" : "");
        return Svg.figure(id, "canary", sb.toString(), caption, table(r).folded("Data: canary readout " + name(r)));
    }

    static String name(CanaryReadout r) {
        String f = r.file();
        return f.substring(f.lastIndexOf('/') + 1);
    }

    private static List<CanaryBar> barsOf(CanaryReadout r, String metric) {
        return r.bars().stream().filter(b -> b.metric().equals(metric)).toList();
    }

    private static String n(Report.Arm a) {
        return a == null || a.n() == null ? "–" : Long.toString(a.n());
    }

    private static String barShort(CanaryBar b, double relative) {
        return switch (b.bar()) {
            case "min_uplift" -> "≥" + pct(relative);
            case "max_increase" -> "≤" + pct(relative);
            case "stop_loss" -> "stop " + pct(relative);
            case "no_regression" -> "no regression";
            default -> b.bar();
        };
    }

    static String barWords(CanaryBar b) {
        String t = b.threshold() == null ? "" : " " + (b.relative() ? pct(b.threshold()) : num(b.threshold()));
        return b.bar().replace('_', ' ') + t + (b.relative() || b.bar().equals("no_regression") ? "" : " (difference)")
                + (b.status() == null ? "" : ": " + b.status());
    }

    private static String describe(CanaryReadout r) {
        StringBuilder sb = new StringBuilder("Verdict " + (r.verdict() == null ? "none" : r.verdict()) + ". ");
        for (CanaryMetric m : r.metrics()) {
            sb.append(m.metric()).append(": ").append(m.relative() == null ? "no lift" : pct(m.relative().value()) + " [" + pct(m.relative().low())
                    + ", " + pct(m.relative().high()) + "]").append(". ");
        }
        return sb.toString().strip();
    }

    private static HtmlTable table(CanaryReadout r) {
        HtmlTable t = new HtmlTable("Canary readout " + name(r), "Metric", "Control n", "Control mean", "Treatment n", "Treatment mean", "Difference [95%]",
                "Relative lift [95%]", "Bars");
        for (CanaryMetric m : r.metrics()) {
            List<String> bars = barsOf(r, m.metric()).stream().map(CanaryChart::barWords).toList();
            t.row(esc(m.metric()), n(m.control()), m.control() == null ? "–" : num(m.control().mean()), n(m.treatment()),
                    m.treatment() == null ? "–" : num(m.treatment().mean()), estimate(m.difference(), false), estimate(m.relative(), true),
                    esc(String.join("; ", bars)));
        }
        return t;
    }

    private static String estimate(Report.Estimate e, boolean relative) {
        if (e == null) {
            return "–";
        }
        String v = relative ? pct(e.value()) : num(e.value());
        String lo = relative ? pct(e.low()) : num(e.low());
        String hi = relative ? pct(e.high()) : num(e.high());
        return v + " [" + lo + ", " + hi + "]" + (e.method() == null ? "" : " <span class=\"muted\">" + esc(e.method()) + "</span>");
    }
}
