package dev.reg.report;

import static dev.reg.report.Svg.c;
import static dev.reg.report.Svg.esc;
import static dev.reg.report.Svg.num;

import dev.reg.report.Report.DriftField;
import dev.reg.report.Report.DriftReadout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drift levels over time: one column per recorded drift readout (oldest first), one row per field
 * and one for the readout's overall level; each cell carries its level as a word (green, yellow,
 * red, unknown) as well as a colour, and its PSI (or cosine distance for the embedding).
 */
final class DriftChart {
    private static final double TOP = 44;
    private static final double CELL_W = 92;
    private static final double CELL_H = 30;
    private static final String OVERALL = "overall";

    private DriftChart() {
    }

    static String render(List<DriftReadout> readouts, String workflow, String id) {
        Set<String> fieldNames = new LinkedHashSet<>();
        for (DriftReadout r : readouts) {
            r.fields().forEach(f -> fieldNames.add(f.field()));
            if (r.embedding() != null) {
                fieldNames.add("embedding");
            }
        }
        List<String> rows = new ArrayList<>(fieldNames);
        rows.add(OVERALL);
        // room for the longest field name at 12px (about 7px a character)
        double left = 24 + 7 * rows.stream().mapToInt(String::length).max().orElse(8);
        double w = left + readouts.size() * CELL_W + 12;
        double h = TOP + rows.size() * CELL_H + 8;
        StringBuilder sb = new StringBuilder(4096);
        sb.append(Svg.open(id, w, h, "Drift levels of " + workflow + " over time", describe(readouts, rows), w > 1000 ? w : Math.min(w, 420)));
        for (int j = 0; j < readouts.size(); j++) {
            DriftReadout r = readouts.get(j);
            double x = left + j * CELL_W + CELL_W / 2;
            String[] head = header(r);
            sb.append("<text x=\"").append(c(x)).append("\" y=\"16\" class=\"small mid\">").append(esc(head[0])).append("</text>");
            sb.append("<text x=\"").append(c(x)).append("\" y=\"30\" class=\"small mid muted\">").append(esc(head[1])).append("</text>");
        }
        for (int i = 0; i < rows.size(); i++) {
            String field = rows.get(i);
            double y = TOP + i * CELL_H;
            sb.append("<text x=\"").append(c(left - 8)).append("\" y=\"").append(c(y + CELL_H / 2 + 4)).append("\" class=\"lbl end")
                    .append(field.equals(OVERALL) ? " strong" : "").append("\">").append(esc(field)).append("</text>");
            for (int j = 0; j < readouts.size(); j++) {
                DriftReadout r = readouts.get(j);
                DriftField f = field(r, field);
                String level = field.equals(OVERALL) ? r.level() : f == null ? null : f.level();
                String cls = level == null ? "none" : level;
                double x = left + j * CELL_W;
                sb.append("<g class=\"cell lv-").append(esc(cls)).append("\"><rect x=\"").append(c(x + 2)).append("\" y=\"").append(c(y + 2))
                        .append("\" width=\"").append(c(CELL_W - 4)).append("\" height=\"").append(c(CELL_H - 4)).append("\" rx=\"4\"/><text x=\"")
                        .append(c(x + CELL_W / 2)).append("\" y=\"").append(c(y + CELL_H / 2 + 4)).append("\" class=\"small mid\">")
                        .append(level == null ? "–" : esc(level) + (f != null && f.psi() != null ? " " + num(round(f.psi())) : ""))
                        .append("</text><title>").append(esc(field)).append(" in ").append(esc(DriftChart.name(r))).append(": ")
                        .append(level == null ? "not measured" : esc(level)).append(f == null || f.psi() == null ? ""
                                : (field.equals("embedding") ? ", cosine distance " : ", PSI ") + num(f.psi())).append("</title></g>");
            }
        }
        sb.append("</svg>");
        String caption = "Drift level of each field in each recorded readout of <strong>" + esc(workflow) + "</strong>, oldest first;"
                + " the number is the PSI (cosine distance for the embedding).";
        return Svg.figure(id, "drift", sb.toString(), caption, table(readouts, workflow).folded("Data: drift of " + workflow));
    }

    static String name(DriftReadout r) {
        return r.file().substring(r.file().lastIndexOf('/') + 1);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static DriftField field(DriftReadout r, String name) {
        if (name.equals("embedding") && r.embedding() != null) {
            return r.embedding();
        }
        return r.fields().stream().filter(f -> f.field().equals(name)).findFirst().orElse(null);
    }

    /** Two header lines: the date and the time of the readout, or its file name when it has no time. */
    private static String[] header(DriftReadout r) {
        if (r.at() != null && r.at().contains("T")) {
            int t = r.at().indexOf('T');
            return new String[] {r.at().substring(0, t), r.at().substring(t + 1).replaceFirst("(\\d{2}:\\d{2}).*", "$1")};
        }
        String n = name(r).replaceFirst("\\.json$", "");
        return new String[] {n.length() > 14 ? n.substring(0, 13) + "…" : n, r.release() == null ? "" : "release #" + r.release()};
    }

    private static String describe(List<DriftReadout> readouts, List<String> rows) {
        if (readouts.isEmpty()) {
            return "No drift readout recorded.";
        }
        DriftReadout last = readouts.get(readouts.size() - 1);
        List<String> notGreen = new ArrayList<>();
        for (String f : rows) {
            DriftField x = field(last, f);
            if (x != null && x.level() != null && !x.level().equals("green")) {
                notGreen.add(f + " " + x.level());
            }
        }
        return readouts.size() + " drift readouts over " + (rows.size() - 1) + " fields; the latest is " + last.level()
                + (notGreen.isEmpty() ? "" : " (" + String.join(", ", notGreen) + ")") + ".";
    }

    private static HtmlTable table(List<DriftReadout> readouts, String workflow) {
        HtmlTable t = new HtmlTable("Drift readouts of " + workflow, "Readout", "Time", "Release", "Field", "Type", "PSI", "KL", "JS", "Level");
        for (DriftReadout r : readouts) {
            List<DriftField> fields = new ArrayList<>(r.fields());
            if (r.embedding() != null) {
                fields.add(r.embedding());
            }
            for (DriftField f : fields) {
                t.row(esc(name(r)), esc(r.at()), r.release() == null ? "" : "#" + r.release(), esc(f.field()), esc(f.type()),
                        (f.field().equals("embedding") ? "cos " : "") + num(f.psi()), num(f.kl()), num(f.js()), level(f.level()));
            }
            t.row(esc(name(r)), esc(r.at()), r.release() == null ? "" : "#" + r.release(), "<strong>overall</strong>", "", "", "", "", level(r.level()));
        }
        return t;
    }

    private static String level(String level) {
        return level == null ? "–" : "<span class=\"tag lv-" + esc(level) + "\">" + esc(level) + "</span>";
    }
}
