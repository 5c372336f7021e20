package dev.reg.stats;

import java.util.Locale;

/** Numbers as people read them in reports: whole numbers without ".0", others to 4 significant digits. */
public final class Numbers {
    private Numbers() {
    }

    public static String brief(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e") || !s.contains(".")) {
            return s;
        }
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** {@link #brief(Double)} with a leading "+" on positive values, for deltas. */
    public static String signed(Double v) {
        return v != null && v > 0 ? "+" + brief(v.doubleValue()) : brief(v);
    }

    /** {@link #brief(double)}, or "-" for no value. */
    public static String brief(Double v) {
        return v == null ? "-" : brief(v.doubleValue());
    }
}
