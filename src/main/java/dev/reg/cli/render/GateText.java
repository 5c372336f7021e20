package dev.reg.cli.render;

import dev.reg.gate.BarLine;
import dev.reg.gate.BarResult;
import dev.reg.gate.GateReport;
import dev.reg.gate.MustPassResult;
import dev.reg.stats.Numbers;
import dev.reg.util.Plural;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The text of {@code reg gate}: the bar table, notes, must-pass cases, findings and the verdict. */
public final class GateText {
    private GateText() {
    }

    public static void render(Terminal term, GateReport r) {
        PrintWriter out = term.out();
        out.println(term.bold("gate " + r.workflow()) + ": " + r.composite());
        out.println("  run " + (r.runId() == null ? "-" : r.runId()) + ", baseline " + (r.baselineRunId() == null ? "-" : r.baselineRunId()));
        if (!r.bars().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"METRIC", "AGG", "WHERE", "VALUE", "N", "BAR", "BASELINE", "DELTA", "95% INTERVAL", "PASS"});
            for (BarResult b : r.bars()) {
                rows.add(new String[] {b.metric(), b.aggregation(), b.where() == null ? "" : b.where(), fmt(b.value()), Integer.toString(b.n()),
                    b.bar(), fmt(b.baseline()), Numbers.signed(b.delta()),
                    BarLine.interval(b) == null ? "-" : BarLine.interval(b), b.pass() ? "pass" : "FAIL"});
            }
            int[] w = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    w[i] = Math.max(w[i], row[i].length());
                }
            }
            out.println();
            for (int j = 0; j < rows.size(); j++) {
                String[] row = rows.get(j);
                StringBuilder sb = new StringBuilder(" ");
                for (int i = 0; i < row.length; i++) {
                    String cell = String.format("%-" + w[i] + "s", row[i]);
                    if (i == row.length - 1 && j > 0) {
                        cell = row[i].equals("pass") ? term.green(cell) : term.red(cell);
                    }
                    sb.append(' ').append(cell);
                }
                out.println(sb.toString().stripTrailing());
            }
            boolean anyNote = false;
            for (int i = 0; i < r.bars().size(); i++) {
                BarResult b = r.bars().get(i);
                if (b.note() != null) {
                    if (!anyNote) {
                        out.println();
                        out.println("notes");
                        anyNote = true;
                    }
                    out.println("  " + BarLine.name(b) + ": " + b.note());
                }
            }
        }
        if (!r.mustPass().isEmpty()) {
            out.println();
            long failed = r.mustPass().stream().filter(m -> !m.pass()).count();
            out.println("must-pass: " + (r.mustPass().size() - failed) + " of " + r.mustPass().size() + " passed");
            for (MustPassResult m : r.mustPass()) {
                if (!m.pass()) {
                    out.println("  " + term.red("FAIL") + " " + m.caseId() + ": " + m.reason());
                }
            }
        }
        if (!r.findings().isEmpty()) {
            out.println();
            out.println("findings");
            for (String f : r.findings()) {
                out.println("  " + term.red("-") + " " + f);
            }
        }
        out.println();
        out.println(r.ship() ? term.green("SHIP") + ": every bar and must-pass case passed"
                : term.red("HOLD") + ": " + holdReason(r));
    }
    private static String holdReason(GateReport r) {
        long bars = r.bars().stream().filter(b -> !b.pass()).count();
        long must = r.mustPass().stream().filter(m -> !m.pass()).count();
        List<String> parts = new ArrayList<>();
        if (bars > 0) {
            parts.add(Plural.of(bars, "bar") + " failed");
        }
        if (must > 0) {
            parts.add(Plural.of(must, "must-pass case") + " failed");
        }
        if (!r.findings().isEmpty()) {
            parts.add(Plural.of(r.findings().size(), "finding"));
        }
        return String.join(", ", parts);
    }
    private static String fmt(Double v) {
        return Numbers.brief(v);
    }
}
