package dev.reg.cli.render;

import dev.reg.composite.ComponentVersion;
import dev.reg.eval.EvalRunInfo;
import dev.reg.eval.ImportResult;
import dev.reg.eval.MetricDef;
import dev.reg.eval.RunSummary;
import dev.reg.stats.Numbers;
import dev.reg.util.Plural;
import java.io.PrintWriter;
import java.util.List;

/** The text of {@code reg eval import}, {@code list} and {@code show}. */
public final class EvalText {
    private EvalText() {
    }

    public static void imported(Terminal term, ImportResult r) {
        EvalRunInfo run = r.run();
        PrintWriter out = term.out();
        if (r.imported()) {
            out.println("imported " + term.bold(run.id()) + " -> " + run.path() + (run.large() ? "/" : ""));
        } else {
            out.println("already imported: " + term.bold(run.id()) + " (same file, same subject; nothing written)");
        }
        out.println("  " + counts(run.summary()));
        out.println("  subject " + run.subject().composite() + " (" + run.subject().digest() + ")");
        if (r.commit() != null) {
            out.println("  commit " + r.commit().substring(0, 12));
        }
    }

    public static void list(Terminal term, List<EvalRunInfo> runs) {
        PrintWriter out = term.out();
        if (runs.isEmpty()) {
            out.println("no eval runs (import one with 'reg eval import FILE --workflow WORKFLOW')");
            return;
        }
        int w = runs.stream().mapToInt(r -> r.id().length()).max().orElse(2);
        out.printf("%-" + w + "s  %-24s  %-40s  %s%n", "ID", "CREATED", "SOURCE", "CASES");
        for (EvalRunInfo r : runs) {
            String src = r.source().tool() + " " + r.source().file();
            out.printf("%-" + w + "s  %-24s  %-40s  %s%n", r.id(), r.created() == null ? "-" : r.created(), src.length() > 40 ? src.substring(0, 39) + "…" : src,
                    counts(r.summary()));
            out.printf("%-" + w + "s  %s%n", "", r.subject().composite());
        }
    }

    /** A run's header and metrics, and {@code rows} (its first rows as stored) when asked for. */
    public static void show(Terminal term, EvalRunInfo r, List<String> rows) {
        PrintWriter out = term.out();
        out.println(term.bold(r.id()) + "  (" + r.path() + (r.large() ? "/" : "") + ")");
        out.println("created   " + (r.created() == null ? "- (" + r.source().file() + " does not record when the eval ran)" : r.created()));
        out.println("source    " + r.source().tool() + (r.source().version() == null ? "" : " " + r.source().version()) + ", "
                + r.source().file() + " (" + r.source().sha256() + "), importer " + r.source().importer());
        r.source().options().forEach((k, v) -> out.println("          " + k + "=" + v));
        out.println("subject   " + (r.subject().workflow() == null ? "" : r.subject().workflow() + ": ") + r.subject().composite());
        out.println("          digest " + r.subject().digest() + (r.subject().commit() == null ? "" : ", commit " + r.subject().commit().substring(0, 12)));
        for (ComponentVersion c : r.subject().components()) {
            out.println("          " + c.version() + "  " + c.digest());
        }
        out.println("cases     " + counts(r.summary()));
        out.println("metrics");
        for (MetricDef m : r.metrics().values()) {
            out.println("  " + m.name() + "  " + m.type().label()
                    + (m.scaleMin() != null ? " " + Numbers.brief(m.scaleMin()) + ".." + Numbers.brief(m.scaleMax()) : "")
                    + (m.unit() != null ? " (" + m.unit() + ")" : "")
                    + (m.higherIsBetter() == null ? "" : m.higherIsBetter() ? ", higher is better" : ", lower is better"));
        }
        if (!rows.isEmpty()) {
            out.println("rows");
            rows.forEach(l -> out.println("  " + l));
        }
    }

    static String counts(RunSummary s) {
        return Plural.of(s.cases(), "case") + (s.rows() != s.cases() ? " x up to " + Plural.of(s.maxTrials(), "trial") + " = " + Plural.of(s.rows(), "row") : "") + ": "
                + s.passed() + " passed, " + s.failed() + " failed, " + s.errored() + " errored"
                + (s.skipped() > 0 ? ", " + s.skipped() + " skipped" : "") + (s.noVerdict() > 0 ? ", " + s.noVerdict() + " without verdict" : "");
    }
}
