package dev.reg.report;

import dev.reg.stats.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small pieces shared by the charts: escaping, coordinates, scales and axis ticks. */
final class Svg {
    private Svg() {
    }

    /** Text or an attribute value, escaped for HTML and SVG alike. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // control characters have no place in HTML text
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A coordinate with at most one decimal: enough for a screen, and it keeps large charts small. */
    static String c(double v) {
        long tenths = Math.round(v * 10);
        long whole = Math.abs(tenths) / 10;
        long tenth = Math.abs(tenths) % 10;
        // written out by hand: a large chart writes tens of thousands of coordinates, and String.format is slow
        return (tenths < 0 ? "-" : "") + whole + (tenth == 0 ? "" : "." + tenth);
    }

    /** A value as people read it: whole numbers without ".0", others to 4 significant digits; "–" for none. */
    static String num(Double v) {
        if (v == null) {
            return "–";
        }
        double d = v;
        double a = Math.abs(d);
        if (d != Math.rint(d) && a >= 1e-4 && a < 1e4) {
            // what Numbers.brief prints in this range (%.4g: no exponent there), without a Formatter per number
            BigDecimal rounded = BigDecimal.valueOf(d).round(new MathContext(4, RoundingMode.HALF_UP));
            if (rounded.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
                return rounded.stripTrailingZeros().toPlainString();
            }
        }
        return Numbers.brief(d);
    }

    /** A relative lift as a signed percentage, e.g. {@code +8.2%}. */
    static String pct(Double v) {
        if (v == null) {
            return "–";
        }
        String s = Numbers.brief(Math.round(v * 1000) / 10.0);
        return (v > 0 ? "+" : v < 0 ? "" : "") + s.replace("-", "−") + "%";
    }

    /** A linear map from data to screen coordinates. */
    record Scale(double d0, double d1, double r0, double r1) {
        double at(double v) {
            return d1 == d0 ? (r0 + r1) / 2 : r0 + (v - d0) / (d1 - d0) * (r1 - r0);
        }
    }

    /**
     * About {@code count} round tick values covering {@code [lo, hi]} (steps of 1, 2 or 5 times a power
     * of ten), so axis labels read like numbers a person would choose.
     */
    static List<Double> ticks(double lo, double hi, int count) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo)) {
            out.add(lo);
            return out;
        }
        double raw = (hi - lo) / Math.max(1, count);
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / pow >= 5 ? 5 * pow : raw / pow >= 2 ? 2 * pow : pow;
        for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : Double.parseDouble(String.format(Locale.ROOT, "%.12g", t)));
        }
        return out;
    }

    /** {@code [lo, hi]} widened by a margin, and to a unit around a single value, so nothing sits on the frame. */
    static double[] padded(double lo, double hi) {
        if (hi < lo) {
            return new double[] {0, 1};
        }
        if (hi == lo) {
            double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            return new double[] {lo - d, hi + d};
        }
        double m = (hi - lo) * 0.08;
        return new double[] {lo - m, hi + m};
    }

    /**
     * An accessible SVG root: {@code role="img"} named by its {@code <title>} and described by its
     * {@code <desc>}. It shrinks with its container through the viewBox, never grows past its drawn
     * size, and stops shrinking at {@code minWidth} pixels (0: no limit), where its box scrolls
     * sideways instead: a chart too small to read on a phone is worse than one to swipe.
     */
    static String open(String id, double width, double height, String title, String desc, double minWidth) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + c(width) + " " + c(height) + "\" role=\"img\" aria-labelledby=\""
                + id + "-t " + id + "-d\" style=\"max-width:" + c(width) + "px" + (minWidth > 0 ? ";min-width:" + c(Math.min(width, minWidth)) + "px" : "")
                + "\" preserveAspectRatio=\"xMinYMin meet\">"
                + "<title id=\"" + id + "-t\">" + esc(title) + "</title><desc id=\"" + id + "-d\">" + esc(desc) + "</desc>";
    }

    /** A chart in a {@code <figure>}: the SVG, its caption, then its data table. */
    static String figure(String id, String kind, String svg, String captionHtml, String tableHtml) {
        return "<figure class=\"chart " + kind + "\" id=\"" + id + "\"><div class=\"chart-box\">" + svg + "</div><figcaption>" + captionHtml
                + "</figcaption>" + tableHtml + "</figure>\n";
    }
}
