package dev.reg.report;

import static dev.reg.report.Svg.c;
import static dev.reg.report.Svg.esc;
import static dev.reg.report.Svg.num;

import dev.reg.report.Report.GatePoint;
import dev.reg.report.Report.GateSeries;
import java.util.List;

/**
 * One gate bar across releases: each release's value as a point (filled when it passed the bar,
 * a hollow diamond when it failed), its 95% interval as a whisker, and the bar as a dashed line
 * with the failing side shaded.
 */
final class GateChart {
    private static final double W = 500;
    private static final double H = 230;
    private static final double LEFT = 58;
    private static final double RIGHT = 16;
    private static final double TOP = 26;
    private static final double BOTTOM = 36;

    private GateChart() {
    }

    static String title(GateSeries s) {
        String what = switch (s.kind()) {
            case "delta" -> s.metric() + " " + s.aggregation() + ": change against the baseline";
            case "tail" -> s.metric() + ": " + (s.aggregation().equals("min") ? "lowest" : "highest") + " case value";
            default -> s.metric() + " " + s.aggregation();
        };
        return what + (s.where() == null ? "" : " (" + s.where() + ")");
    }

    static String render(GateSeries s, String id) {
        List<GatePoint> pts = s.points();
        int n = pts.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (GatePoint p : pts) {
            for (Double v : new Double[] {p.value(), p.low(), p.high()}) {
                if (v != null) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (s.threshold() != null) {
            lo = Math.min(lo, s.threshold());
            hi = Math.max(hi, s.threshold());
        }
        if (s.kind().equals("delta")) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        double[] dom = Svg.padded(lo, hi);
        Svg.Scale y = new Svg.Scale(dom[0], dom[1], H - BOTTOM, TOP);
        double plotW = W - LEFT - RIGHT;
        double step = plotW / Math.max(1, n);
        StringBuilder sb = new StringBuilder(2048 + n * 120);
        sb.append(Svg.open(id, W, H, title(s) + " across releases", describe(s), 0));
        // the failing side of the bar, shaded, and the bar itself
        if (s.threshold() != null) {
            double ty = y.at(s.threshold());
            boolean below = "min".equals(s.direction());
            double y0 = below ? ty : TOP;
            double y1 = below ? H - BOTTOM : ty;
            sb.append("<rect x=\"").append(c(LEFT)).append("\" y=\"").append(c(y0)).append("\" width=\"").append(c(plotW)).append("\" height=\"")
                    .append(c(Math.max(0, y1 - y0))).append("\" class=\"failzone\"/>");
        }
        for (double t : Svg.ticks(dom[0], dom[1], 4)) {
            double ty = y.at(t);
            sb.append("<line x1=\"").append(c(LEFT)).append("\" x2=\"").append(c(W - RIGHT)).append("\" y1=\"").append(c(ty)).append("\" y2=\"")
                    .append(c(ty)).append("\" class=\"grid\"/><text x=\"").append(c(LEFT - 6)).append("\" y=\"").append(c(ty + 4))
                    .append("\" class=\"small end muted\">").append(num(t)).append("</text>");
        }
        if (s.kind().equals("delta")) {
            double zy = y.at(0);
            sb.append("<line x1=\"").append(c(LEFT)).append("\" x2=\"").append(c(W - RIGHT)).append("\" y1=\"").append(c(zy)).append("\" y2=\"")
                    .append(c(zy)).append("\" class=\"zero\"/>");
        }
        if (s.threshold() != null) {
            double ty = y.at(s.threshold());
            sb.append("<line x1=\"").append(c(LEFT)).append("\" x2=\"").append(c(W - RIGHT)).append("\" y1=\"").append(c(ty)).append("\" y2=\"")
                    .append(c(ty)).append("\" class=\"barline\"><title>the bar: ").append(esc(barWords(s))).append("</title></line>");
            // the label sits above the plot, where no point or whisker can cover it
            sb.append("<line x1=\"").append(c(W - RIGHT - 22)).append("\" x2=\"").append(c(W - RIGHT)).append("\" y1=\"").append(c(TOP - 12))
                    .append("\" y2=\"").append(c(TOP - 12)).append("\" class=\"barline\"/><text x=\"").append(c(W - RIGHT - 28)).append("\" y=\"")
                    .append(c(TOP - 8)).append("\" class=\"small end barlabel\">bar ").append(esc(barWords(s))).append("</text>");
        }
        StringBuilder whiskers = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        double r = n > 120 ? 2 : n > 40 ? 3 : 4.5;
        boolean titles = n <= 300;
        int labelEvery = (int) Math.ceil(30 / step);
        for (int i = 0; i < n; i++) {
            GatePoint p = pts.get(i);
            double x = LEFT + step * (i + 0.5);
            if (p.low() != null && p.high() != null) {
                double cap = Math.min(5, step / 4);
                whiskers.append("M").append(c(x)).append(' ').append(c(y.at(p.low()))).append("V").append(c(y.at(p.high())));
                if (cap >= 2) {
                    whiskers.append("M").append(c(x - cap)).append(' ').append(c(y.at(p.low()))).append("h").append(c(2 * cap)).append("M")
                            .append(c(x - cap)).append(' ').append(c(y.at(p.high()))).append("h").append(c(2 * cap));
                }
            }
            if (p.value() != null) {
                double py = y.at(p.value());
                marks.append("<g class=\"").append(p.pass() ? "pt-pass" : "pt-fail").append("\">");
                marks.append(p.pass() ? "<circle cx=\"" + c(x) + "\" cy=\"" + c(py) + "\" r=\"" + c(r) + "\"/>"
                        : "<path d=\"M" + c(x) + " " + c(py - r * 1.3) + "L" + c(x + r * 1.3) + " " + c(py) + "L" + c(x) + " " + c(py + r * 1.3) + "L"
                                + c(x - r * 1.3) + " " + c(py) + "z\"/>");
                if (titles) {
                    marks.append("<title>release ").append(p.release()).append(": ").append(num(p.value()))
                            .append(p.low() == null ? "" : " [" + num(p.low()) + ", " + num(p.high()) + "]").append(p.pass() ? ", passed" : ", failed")
                            .append("</title>");
                }
                marks.append("</g>");
            }
            if (i % labelEvery == 0) {
                sb.append("<text x=\"").append(c(x)).append("\" y=\"").append(c(H - BOTTOM + 16)).append("\" class=\"small mid muted\">#")
                        .append(p.release()).append("</text>");
            }
        }
        if (whiskers.length() > 0) {
            sb.append("<path d=\"").append(whiskers).append("\" class=\"whisker\"/>");
        }
        sb.append(marks);
        sb.append("<text x=\"").append(c(LEFT + plotW / 2)).append("\" y=\"").append(c(H - 4)).append("\" class=\"small mid muted\">release</text>");
        if (n == 0) {
            sb.append("<text x=\"").append(c(LEFT + plotW / 2)).append("\" y=\"").append(c(H / 2)).append("\" class=\"lbl mid\">no release has a value"
                    + "</text>");
        }
        sb.append("</svg>");
        String caption = "<strong>" + esc(title(s)) + "</strong> — bar " + esc(barWords(s)) + (s.kind().equals("delta")
                ? "; the paired change against the baseline run, with its 95% interval" : s.kind().equals("tail") ? "" : "; whiskers: 95% interval");
        return Svg.figure(id, "gate", sb.toString(), caption, table(s).folded("Data: " + title(s)));
    }

    /** The bar in words a reader checks the line against, e.g. {@code ≥ 0.8} or {@code drop ≤ 0.02}. */
    static String barWords(GateSeries s) {
        if (s.threshold() == null) {
            return s.bar();
        }
        if (s.kind().equals("delta")) {
            return s.bar() + " (change " + ("min".equals(s.direction()) ? "≥ " : "≤ ") + num(s.threshold()) + ")";
        }
        return ("min".equals(s.direction()) ? "≥ " : "≤ ") + num(s.threshold());
    }

    private static String describe(GateSeries s) {
        long failed = s.points().stream().filter(p -> !p.pass()).count();
        GatePoint min = null;
        GatePoint max = null;
        for (GatePoint p : s.points()) {
            if (p.value() != null) {
                min = min == null || p.value() < min.value() ? p : min;
                max = max == null || p.value() > max.value() ? p : max;
            }
        }
        String range = min == null ? "no values" : "values from " + num(min.value()) + " (release " + min.release() + ") to " + num(max.value())
                + " (release " + max.release() + ")";
        return s.points().size() + " releases; " + range + "; bar " + barWords(s) + "; " + failed + " failed it.";
    }

    private static HtmlTable table(GateSeries s) {
        boolean delta = s.kind().equals("delta");
        HtmlTable t = new HtmlTable(title(s) + ", bar " + barWords(s), "Release", "Run", delta ? "Change" : "Value", "95% interval", "n",
                "Bar", delta ? "Baseline run" : "Note");
        for (GatePoint p : s.points()) {
            t.row("#" + p.release(), "<code>" + esc(p.run()) + "</code>", num(p.value()),
                    p.low() == null ? "–" : "[" + num(p.low()) + ", " + num(p.high()) + "]", Integer.toString(p.n()),
                    p.pass() ? "<span class=\"tag pass\">pass</span>" : "<span class=\"tag fail\">fail</span>",
                    delta ? (p.baselineRun() == null ? "none" : "<code>" + esc(p.baselineRun()) + "</code>") : esc(p.note()));
        }
        return t;
    }
}
