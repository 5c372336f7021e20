package dev.reg.report;

import static dev.reg.report.Svg.esc;

import dev.reg.BadInputException;

import dev.reg.report.Report.AdrEntry;
import dev.reg.report.Report.CanaryReadout;
import dev.reg.report.Report.DriftReadout;
import dev.reg.report.Report.Finding;
import dev.reg.report.Report.GateSeries;
import dev.reg.report.Report.Release;
import dev.reg.report.Report.WorkflowReport;
import dev.reg.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The report as one self-contained HTML page: inline CSS, charts as inline SVG drawn here, no
 * script, no font or image to fetch, so it opens offline, prints, reads with JavaScript off, and
 * its charts are DOM a test can check. Light and dark follow the browser; the layout reflows on a
 * phone, wide charts and tables scroll sideways inside their box. Every chart has a title and a
 * description for screen readers and is followed by its data table.
 */
public final class ReportHtml {
    private ReportHtml() {
    }

    /** Above this many releases the releases table starts folded. */
    private static final int FOLD_ROWS = 25;

    /** The report's file name in its folder. */
    public static final String FILE = "report.html";

    /**
     * Writes {@code dir/report.html} whole or not at all (a reader never sees half a page), creating
     * {@code dir} if needed.
     *
     * @return the file written
     * @throws BadInputException when the folder cannot hold it (a file in the way, no permission)
     */
    public static Path write(Report report, Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException("--out " + dir + ": is a file, not a folder");
            }
            AtomicFiles.write(file, render(report).getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static String render(Report report) {
        Map<String, String> adrAnchors = new HashMap<>();
        Map<String, String> markdown = new HashMap<>();
        for (AdrEntry a : report.adrs()) {
            adrAnchors.put(a.file(), "#" + adrId(a));
            markdown.put(a.file(), a.markdown());
        }
        UnaryOperator<String> inReport = path -> adrAnchors.get(path.substring(path.lastIndexOf('/') + 1));
        StringBuilder sb = new StringBuilder(64 * 1024);
        String title = "reg report: " + report.registry();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<meta name=\"generator\" content=\"reg report\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head>\n<body>")
                .append("<a class=\"skip\" href=\"#main\">Skip to the report</a>");
        sb.append("<header class=\"top\"><div class=\"wrap\"><p class=\"eyebrow\">reg report</p><h1>").append(esc(report.registry())).append("</h1>")
                .append("<p class=\"muted\">Releases, gates, canaries, drift and decisions as committed at <code>")
                .append(esc(report.commit().substring(0, Math.min(12, report.commit().length())))).append("</code> (")
                .append(esc(report.commitTime())).append(").</p>");
        sb.append("<nav aria-label=\"Sections\"><ul>");
        for (WorkflowReport wf : report.workflows()) {
            sb.append("<li><a href=\"#").append(wfId(wf)).append("\">").append(esc(wf.workflow())).append("</a></li>");
        }
        sb.append("<li><a href=\"#adrs\">Decisions (ADRs)</a></li><li><a href=\"#findings\">Findings")
                .append(report.findings().isEmpty() ? "" : " (" + report.findings().size() + ")").append("</a></li></ul></nav></div></header>\n");
        sb.append("<main id=\"main\"><div class=\"wrap\">");
        for (WorkflowReport wf : report.workflows()) {
            workflow(sb, wf, markdown, inReport);
        }
        adrs(sb, report, inReport);
        findings(sb, report.findings());
        sb.append("</div></main>\n<footer><div class=\"wrap muted\">Made by <code>reg report</code> from commit <code>").append(esc(report.commit()))
                .append("</code>. One file, no network: the charts are drawn inline and every chart's data is in the table under it.</div></footer>")
                .append("</body></html>\n");
        return sb.toString();
    }

    private static void workflow(StringBuilder sb, WorkflowReport wf, Map<String, String> markdown, UnaryOperator<String> inReport) {
        String id = wfId(wf);
        sb.append("<section class=\"workflow\" id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\">");
        sb.append("<h2 id=\"").append(id).append("-h\">").append(esc(wf.workflow())).append("</h2>");
        if (wf.description() != null && !wf.description().isBlank()) {
            sb.append("<p class=\"lede\">").append(esc(wf.description())).append("</p>");
        }
        cards(sb, wf);
        sb.append("<nav class=\"local\" aria-label=\"").append(esc(wf.workflow())).append(" sections\"><ul>");
        for (String[] s : new String[][] {{"timeline", "Timeline"}, {"releases", "Releases"}, {"gates", "Gate metrics"},
            {"canary", "Canary"}, {"drift", "Drift"}, {"memos", "Memos"}}) {
            sb.append("<li><a href=\"#").append(id).append('-').append(s[0]).append("\">").append(s[1]).append("</a></li>");
        }
        sb.append("</ul></nav>");

        open(sb, id, "timeline", "Release timeline");
        sb.append(TimelineChart.legend());
        sb.append(TimelineChart.render(wf, id + "-timeline-chart"));
        close(sb);

        open(sb, id, "releases", "Releases: which was live when");
        HtmlTable releases = new HtmlTable("Releases of " + wf.workflow(), "Release", "Decision", "Status now", "Gate", "Live", "Decided by", "Memo",
                "Composite", "Run");
        for (Release r : wf.releases()) {
            releases.row("#" + r.n(), status(r.decision()) + (r.rollbackFrom() == null ? "" : " #" + r.rollbackFrom() + " → #" + r.rollbackTo()),
                    status(r.status()) + (r.bad() == null ? "" : " " + status("bad") + "<div class=\"muted note\">" + esc(r.bad().reason()) + "</div>"),
                    r.gate() == null ? "–" : "<span class=\"tag " + ("pass".equals(r.gate()) ? "pass" : "fail") + "\">" + esc(r.gate()) + "</span>",
                    r.liveFrom() == null ? "never" : "from " + time(r.liveFrom()) + "<br>" + (r.liveUntil() == null ? "<strong>live now</strong>"
                            : "to " + time(r.liveUntil())), person(r.actor()),
                    r.memoTitle() == null ? esc(r.memo()) : "<a href=\"#" + memoId(wf, r) + "\">" + esc(r.memoTitle()) + "</a>",
                    "<code class=\"nw\">" + esc(r.composite()).replace(" + ", "<br>") + "</code>",
                    r.run() == null ? "–" : "<code class=\"nw\">" + esc(r.run()) + "</code>");
        }
        // a long ledger folds away, or it would push every chart below a thousand rows
        sb.append(releases.isEmpty() ? "<p>No release yet.</p>" : wf.releases().size() > FOLD_ROWS
                ? releases.folded("All " + wf.releases().size() + " releases") : releases.html());
        close(sb);

        open(sb, id, "gates", "Gate metrics across releases");
        if (wf.gate().file() == null) {
            sb.append("<p>No gate file at HEAD, so no gate metrics.</p>");
        } else {
            sb.append("<p class=\"muted\">From <code>").append(esc(wf.gate().file())).append("</code>: ").append(esc(wf.gate().method()))
                    .append(".</p>");
            sb.append("<ul class=\"legend\" aria-label=\"Gate chart legend\"><li><svg viewBox=\"0 0 20 20\" width=\"16\" height=\"16\""
                    + " aria-hidden=\"true\"><circle cx=\"10\" cy=\"10\" r=\"6\" class=\"pt-pass-key\"/></svg>passed the bar</li><li><svg viewBox=\"0 0 20 20\""
                    + " width=\"16\" height=\"16\" aria-hidden=\"true\"><path d=\"M10 2L18 10L10 18L2 10z\" class=\"pt-fail-key\"/></svg>failed the bar</li>"
                    + "<li><svg viewBox=\"0 0 24 12\" width=\"24\" height=\"12\" aria-hidden=\"true\"><line x1=\"0\" y1=\"6\" x2=\"24\" y2=\"6\""
                    + " class=\"barline\"/></svg>the bar (shaded: failing side)</li><li><svg viewBox=\"0 0 12 20\" width=\"10\" height=\"18\""
                    + " aria-hidden=\"true\"><path d=\"M6 2V18M2 2H10M2 18H10\" class=\"whisker\"/></svg>95% interval</li></ul>");
            if (wf.gate().series().isEmpty()) {
                sb.append("<p>No release has an eval run this report could read.</p>");
            }
            sb.append("<div class=\"charts\">");
            for (GateSeries s : wf.gate().series()) {
                sb.append(GateChart.render(s, id + "-gate-" + s.id()));
            }
            sb.append("</div>");
        }
        close(sb);

        open(sb, id, "canary", "Canary readouts");
        if (wf.canaries().isEmpty()) {
            sb.append("<p>No canary readout recorded under <code>registry/online/").append(esc(wf.workflow())).append("/</code>.</p>");
        } else {
            sb.append("<p class=\"muted\">Each readout: the treatment's relative lift over control per metric with its 95% interval,"
                    + " against the bars registered before the canary started.</p><div class=\"charts\">");
            int i = 0;
            for (CanaryReadout c : wf.canaries()) {
                sb.append(CanaryChart.render(c, id + "-canary-" + (++i)));
            }
            sb.append("</div>");
        }
        close(sb);

        open(sb, id, "drift", "Drift");
        List<DriftReadout> drift = wf.drift();
        if (drift.isEmpty()) {
            sb.append("<p>No drift readout recorded under <code>registry/online/").append(esc(wf.workflow())).append("/</code>.</p>");
        } else {
            sb.append(DriftChart.render(drift, wf.workflow(), id + "-drift-chart"));
        }
        close(sb);

        open(sb, id, "memos", "Release memos");
        boolean any = false;
        for (Release r : wf.releases()) {
            if (r.memoTitle() == null) {
                continue;
            }
            any = true;
            // the live release's memo is open: it is the decision that stands
            sb.append("<details class=\"memo\" id=\"").append(memoId(wf, r)).append(wf.live() != null && wf.live() == r.n() ? "\" open>" : "\">")
                    .append("<summary><h4>#").append(r.n()).append(" · ")
                    .append(esc(r.memoTitle())).append(" <span class=\"muted small-text\">").append(esc(r.memo())).append("</span></h4></summary>")
                    .append("<div class=\"md\">").append(memo(r, markdown, inReport)).append("</div></details>");
        }
        if (!any) {
            sb.append("<p>No decision memo committed.</p>");
        }
        close(sb);
        sb.append("</section>\n");
    }

    /** A memo's Markdown (from the ADR entries, by file name) as safe HTML under an h4 summary. */
    private static String memo(Release r, Map<String, String> markdown, UnaryOperator<String> inReport) {
        String md = markdown.get(r.memo().substring(r.memo().lastIndexOf('/') + 1));
        return md == null ? "" : MemoHtml.render(md, 3, true, inReport);
    }

    private static void cards(StringBuilder sb, WorkflowReport wf) {
        Map<String, String> cards = new LinkedHashMap<>();
        Release live = wf.live() == null ? null : wf.releases().stream().filter(r -> r.n() == wf.live()).findFirst().orElse(null);
        cards.put("Live now", live == null ? "nothing" : "#" + live.n() + (live.rollbackTo() == null ? "" : " <span class=\"muted small-text\">(rollback to #"
                + live.rollbackTo() + ")</span>"));
        long shipped = wf.releases().stream().filter(Release::tagged).count();
        long held = wf.releases().stream().filter(r -> "held".equals(r.decision())).count();
        long bad = wf.releases().stream().filter(r -> r.bad() != null).count();
        cards.put("Releases", wf.releases().size() + " <span class=\"muted small-text\">" + shipped + " shipped · " + held + " held · " + bad
                + " bad</span>");
        cards.put("Frozen", wf.frozen() == null ? "no" : "<span class=\"st st-bad\">yes</span> <span class=\"muted small-text\">since "
                + esc(wf.frozen().since()) + "</span>");
        CanaryReadout canary = wf.canaries().isEmpty() ? null : wf.canaries().get(wf.canaries().size() - 1);
        cards.put("Latest canary", canary == null ? "none" : "<span class=\"verdict verdict-" + esc(canary.verdict()) + "\">" + esc(canary.verdict())
                + "</span>");
        DriftReadout drift = wf.drift().isEmpty() ? null : wf.drift().get(wf.drift().size() - 1);
        cards.put("Latest drift", drift == null ? "none" : "<span class=\"tag lv-" + esc(drift.level()) + "\">" + esc(drift.level()) + "</span>");
        sb.append("<dl class=\"cards\">");
        cards.forEach((k, v) -> sb.append("<div class=\"card\"><dt>").append(esc(k)).append("</dt><dd>").append(v).append("</dd></div>"));
        sb.append("</dl>");
    }

    private static void adrs(StringBuilder sb, Report report, UnaryOperator<String> inReport) {
        sb.append("<section id=\"adrs\" aria-labelledby=\"adrs-h\" class=\"adrs\"><h2 id=\"adrs-h\">Decisions (ADRs)</h2>");
        HtmlTable index = new HtmlTable("ADR index", "ADR", "Title", "Status", "Date", "Supersedes", "Superseded by", "Memo of");
        Map<String, AdrEntry> byFile = new HashMap<>();
        report.adrs().forEach(a -> byFile.put(a.file(), a));
        for (AdrEntry a : report.adrs()) {
            String target = a.memoOf() != null ? "#memo-" + a.memoOf().replace('#', '-') : "#" + adrId(a) + "-text";
            index.row("<span id=\"" + adrId(a) + "\">" + a.number() + "</span>", "<a href=\"" + esc(target) + "\">" + esc(a.title()) + "</a>",
                    status(a.status()), "<span class=\"nw\">" + esc(a.date()) + "</span>", links(a.supersedes(), byFile),
                    a.supersededBy() == null ? "" : links(List.of(a.supersededBy()), byFile),
                    esc(a.memoOf()));
        }
        sb.append(index.isEmpty() ? "<p>No ADR committed.</p>" : index.html());
        boolean other = report.adrs().stream().anyMatch(a -> a.memoOf() == null);
        if (other) {
            sb.append("<h3>Other decisions</h3>");
            for (AdrEntry a : report.adrs()) {
                if (a.memoOf() == null) {
                    sb.append("<details class=\"memo\" id=\"").append(adrId(a)).append("-text\"><summary><h4>").append(a.number()).append(". ")
                            .append(esc(a.title())).append(" <span class=\"muted small-text\">").append(esc(a.file())).append("</span></h4></summary>")
                            .append("<div class=\"md\">").append(MemoHtml.render(a.markdown(), 3, true, inReport)).append("</div></details>");
                }
            }
        }
        sb.append("</section>\n");
    }

    private static String links(List<String> files, Map<String, AdrEntry> byFile) {
        StringBuilder sb = new StringBuilder();
        for (String f : files) {
            AdrEntry a = byFile.get(f);
            sb.append(sb.length() == 0 ? "" : ", ").append(a == null ? esc(f) : "<a href=\"#" + adrId(a) + "\">" + a.number() + ". " + esc(a.title()) + "</a>");
        }
        return sb.toString();
    }

    private static void findings(StringBuilder sb, List<Finding> findings) {
        sb.append("<section id=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">Findings</h2>");
        if (findings.isEmpty()) {
            sb.append("<p>None: every file the report read was what it expected.</p>");
        } else {
            sb.append("<ul class=\"findings\">");
            for (Finding f : findings) {
                sb.append("<li><code>").append(esc(f.file())).append("</code>: ").append(esc(f.message())).append("</li>");
            }
            sb.append("</ul>");
        }
        sb.append("</section>\n");
    }

    private static void open(StringBuilder sb, String wfId, String part, String heading) {
        String id = wfId + "-" + part;
        sb.append("<section class=\"part part-").append(part).append("\" id=\"").append(id).append("\" aria-labelledby=\"").append(id)
                .append("-h\"><h3 id=\"").append(id).append("-h\">").append(esc(heading)).append("</h3>");
    }

    private static void close(StringBuilder sb) {
        sb.append("</section>\n");
    }

    /** A time that does not break across lines. */
    private static String time(String t) {
        return "<span class=\"nw\">" + esc(t) + "</span>";
    }

    /** A Git identity as its name, with the address on hover: the table stays narrow. */
    private static String person(String actor) {
        if (actor == null) {
            return "";
        }
        int lt = actor.indexOf(" <");
        return lt < 0 ? esc(actor) : "<span title=\"" + esc(actor) + "\">" + esc(actor.substring(0, lt)) + "</span>";
    }

    private static String status(String s) {
        return s == null ? "–" : "<span class=\"st st-" + esc(s) + "\">" + esc(s) + "</span>";
    }

    static String wfId(WorkflowReport wf) {
        return "wf-" + wf.workflow();
    }

    static String memoId(WorkflowReport wf, Release r) {
        return "memo-" + wf.workflow() + "-" + r.n();
    }

    static String adrId(AdrEntry a) {
        return "adr-" + a.file().replaceFirst("\\.md$", "");
    }

    private static final String CSS = """
            :root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--card:#f6f8fa;--border:#d1d9e0;--accent:#0969da;--grid:#e8ebef;\
            --on:#fff;--ok:#1a7f37;--held:#9a6700;--forced:#8250df;--rollback:#0969da;--bad:#cf222e;--canary:#1b7c83;--candidate:#59636e;\
            --freeze:#57606a;--failzone:rgba(207,34,46,.07);--hatch-bg:rgba(87,96,106,.05);--hatch:rgba(87,96,106,.30);\
            --g:#dafbe1;--g-fg:#116329;--y:#fff8c5;--y-fg:#6c4400;--r:#ffebe9;--r-fg:#a40e26;--u:#eaeef2;--u-fg:#424a53}
            @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--card:#151b23;--border:#3d444d;--accent:#4493f8;\
            --grid:#262c36;--on:#0d1117;--ok:#3fb950;--held:#d29922;--forced:#ab7df8;--rollback:#4493f8;--bad:#f85149;--canary:#39c5cf;\
            --candidate:#9198a1;--freeze:#9198a1;--failzone:rgba(248,81,73,.10);--hatch-bg:rgba(145,152,161,.06);--hatch:rgba(145,152,161,.30);\
            --g:#12361f;--g-fg:#7ee2a0;--y:#3a2e05;--y-fg:#f2cc60;--r:#48161a;--r-fg:#ffa198;--u:#262c36;--u-fg:#c9d1d9}}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            a{color:var(--accent)}
            code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;overflow-wrap:anywhere}
            .wrap{max-width:1200px;margin:0 auto;padding:0 20px}
            .skip{position:absolute;left:-9999px}.skip:focus{left:12px;top:12px;background:var(--bg);padding:6px 10px;z-index:2}
            header.top{background:var(--card);border-bottom:1px solid var(--border);padding:28px 0 10px}
            header.top h1{margin:0 0 4px;font-size:30px;line-height:1.2}
            .eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;font-weight:700;color:var(--accent)}
            nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:6px 8px;padding:0;margin:12px 0 0}
            nav a{display:inline-block;padding:3px 12px;border:1px solid var(--border);border-radius:999px;text-decoration:none;background:var(--bg);font-size:14px}
            nav.local ul{margin:4px 0 8px}
            main{padding:8px 0 40px}
            h2{font-size:24px;margin:36px 0 6px;padding-bottom:6px;border-bottom:1px solid var(--border)}
            h3{font-size:19px;margin:30px 0 10px}
            h4{font-size:16px;margin:0;display:inline}
            .lede{margin:4px 0 14px;color:var(--muted)}
            .muted{color:var(--muted)}.small-text{font-size:13px;font-weight:400}.nw{white-space:nowrap}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:16px 0}
            .card{background:var(--card);border:1px solid var(--border);border-radius:10px;padding:12px 14px}
            .card dt{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;font-weight:600}
            .card dd{margin:2px 0 0;font-size:21px;font-weight:650}
            .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,520px),1fr));gap:16px}
            figure.chart{margin:0 0 16px;border:1px solid var(--border);border-radius:10px;padding:14px;background:var(--bg);min-width:0}
            .chart-box{overflow-x:auto}
            .chart-box svg{display:block;width:100%;height:auto}
            figcaption{font-size:14px;margin-top:8px}
            details.data>summary{cursor:pointer;color:var(--accent);font-size:14px;margin-top:8px}
            details.data[open]>summary{margin-bottom:6px}
            .table-wrap{overflow-x:auto;max-width:100%}
            table{border-collapse:collapse;font-size:13.5px;width:100%}
            caption{text-align:left;font-weight:600;padding:4px 0 6px}
            th,td{border-bottom:1px solid var(--border);padding:5px 10px;text-align:left;vertical-align:top}
            thead th{background:var(--card);font-weight:600;white-space:nowrap}
            tbody th{font-weight:600;white-space:nowrap}
            .note{min-width:14em;font-size:13px}
            .tag,.st,.verdict{white-space:nowrap;display:inline-block;padding:0 8px;border-radius:999px;font-size:12.5px;font-weight:650;border:1px solid currentColor;line-height:1.6}
            .tag.pass,.st-shipped,.verdict-promote{color:var(--ok)}
            .tag.fail,.st-bad,.verdict-rollback{color:var(--bad)}
            .st-held,.verdict-hold{color:var(--held)}
            .st-forced{color:var(--forced)}.st-rollback{color:var(--rollback)}.st-canary,.verdict-continue{color:var(--canary)}
            .st-rolled-back,.st-candidate,.st-superseded,.st-unknown{color:var(--muted)}
            .st-accepted{color:var(--ok)}.st-rejected{color:var(--held)}.st-proposed{color:var(--accent)}
            .tag.lv-green{color:var(--g-fg);background:var(--g)}.tag.lv-yellow{color:var(--y-fg);background:var(--y)}
            .tag.lv-red{color:var(--r-fg);background:var(--r)}.tag.lv-unknown{color:var(--u-fg);background:var(--u)}
            .legend{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;padding:0;margin:6px 0 12px;font-size:13.5px}
            .legend li{display:flex;align-items:center;gap:6px}
            .swatch{display:inline-block;width:20px;height:10px;border-radius:3px;background:var(--ok)}
            details.memo{border:1px solid var(--border);border-radius:10px;padding:10px 14px;margin:0 0 10px;background:var(--bg)}
            details.memo>summary{cursor:pointer}
            details.memo[open]>summary{margin-bottom:8px;border-bottom:1px solid var(--border);padding-bottom:8px}
            .md{overflow-x:auto}.md h5{font-size:15px;margin:16px 0 4px}.md h6{font-size:14px;margin:12px 0 4px}
            .md table{width:auto}.md pre{background:var(--card);padding:8px;border-radius:6px;overflow-x:auto}
            .findings li{margin:4px 0}
            footer{border-top:1px solid var(--border);padding:16px 0 28px;font-size:13px}
            svg text{fill:var(--fg);font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
            svg .small{font-size:11px}svg .tiny{font-size:10px}svg .lbl{font-weight:600}svg .strong{font-weight:700}
            svg .mid{text-anchor:middle}svg .end{text-anchor:end}svg .muted{fill:var(--muted)}
            svg .halo{paint-order:stroke;stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}
            .axis{stroke:var(--border);stroke-width:2}.grid{stroke:var(--grid);stroke-width:1}.zero{stroke:var(--muted);stroke-dasharray:3 3}
            .barline{stroke:var(--bad);stroke-width:2;stroke-dasharray:7 4}svg .barlabel{fill:var(--bad);font-weight:600}
            .failzone{fill:var(--failzone)}
            .whisker{stroke:var(--muted);stroke-width:1.6;fill:none}
            .pt-pass,.pt-pass-key{fill:var(--accent)}.pt-fail path,.pt-fail-key{fill:var(--bg);stroke:var(--bad);stroke-width:2.2}
            .ev-shipped{color:var(--ok)}.ev-forced{color:var(--forced)}.ev-held{color:var(--held)}.ev-canary{color:var(--canary)}
            .ev-candidate{color:var(--candidate)}.ev-rollback{color:var(--rollback)}.ev-bad{color:var(--bad)}.ev-rolled-back{color:var(--muted)}
            .ev-freeze{color:var(--freeze)}.ev-other{color:var(--muted)}
            .mk.fill{fill:currentColor}.mk.hollow{fill:var(--bg);stroke:currentColor;stroke-width:2.2}.mk.dashed{stroke-dasharray:2 2}
            .mk.cross{stroke:currentColor;stroke-width:3.2;fill:none;stroke-linecap:round}
            .rollback-arc path{fill:none;stroke:var(--rollback);stroke-width:1.8}.arrow-head{fill:var(--rollback)}
            .hatch-bg{fill:var(--hatch-bg)}.hatch-line{stroke:var(--hatch);stroke-width:3}
            .live rect{fill:var(--ok)}.live-bad rect{fill:var(--bad)}.live-rolled-back rect{fill:var(--muted)}.swatch.live-shipped{background:var(--ok)}
            svg .live-text{fill:var(--on);font-weight:650}
            .band{fill:var(--card)}
            .ci{stroke:var(--accent);stroke-width:4;stroke-linecap:round}.ci-clip{fill:var(--accent)}.est{fill:var(--bg);stroke:var(--accent);stroke-width:2.5}
            .cbar line{stroke:currentColor;stroke-width:2.5}svg .cbar text{fill:currentColor;font-weight:600}
            .cbar-min-uplift{color:var(--ok)}.cbar-max-increase{color:var(--held)}.cbar-stop-loss{color:var(--bad)}.cbar-no-regression{color:var(--muted)}
            svg .status-pass{fill:var(--ok)}svg .status-fail{fill:var(--bad)}svg .status-inconclusive{fill:var(--held)}
            .cell rect{fill:var(--u)}.cell text{fill:var(--u-fg)}
            .lv-green rect{fill:var(--g)}.lv-green text{fill:var(--g-fg)}.lv-yellow rect{fill:var(--y)}.lv-yellow text{fill:var(--y-fg)}
            .lv-red rect{fill:var(--r)}.lv-red text{fill:var(--r-fg);font-weight:700}.lv-none rect{fill:none;stroke:var(--border);stroke-dasharray:3 3}
            @media (max-width:640px){body{font-size:14px}.wrap{padding:0 12px}header.top h1{font-size:24px}h2{font-size:21px}\
            .card dd{font-size:18px}figure.chart{padding:10px}.chart-box svg.wide{min-width:560px}}
            @media print{nav,.skip{display:none}figure.chart,details.memo{break-inside:avoid}}
            """;
}
