package dev.reg.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.report.Report.AdrEntry;
import dev.reg.report.Report.Arm;
import dev.reg.report.Report.CanaryMetric;
import dev.reg.report.Report.CanaryReadout;
import dev.reg.report.Report.Estimate;
import dev.reg.report.Report.Finding;
import dev.reg.report.Report.GateHistory;
import dev.reg.report.Report.Release;
import dev.reg.report.Report.TimelineEvent;
import dev.reg.report.Report.WorkflowReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The page as text: what a registry's own strings can and cannot do to it, and its colours. */
class ReportHtmlTest {
    private static final String EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

    private static Report hostile() {
        Release r = new Release(1, "shipped", "shipped", new Report.BadMark("t", EVIL, EVIL), EVIL, "sha256:0", "2026-01-01T00:00:00Z", EVIL, EVIL,
                "pass", true, null, null, EVIL, "2026-01-01T00:00:00Z", null, "adr/0002-x.md", EVIL);
        CanaryReadout c = new CanaryReadout("registry/online/wf/" + EVIL + ".json", 1, EVIL, EVIL, List.of(EVIL), 0.5,
                List.of(new CanaryMetric(EVIL, EVIL, new Arm(10L, 1.0), new Arm(10L, 1.1), new Estimate(0.1, 0.0, 0.2, EVIL),
                        new Estimate(0.1, 0.0, 0.2, EVIL))), List.of(), null);
        WorkflowReport wf = new WorkflowReport("wf", EVIL, 1, new Report.Freeze(EVIL, EVIL, EVIL),
                List.of(new TimelineEvent("2026-01-01T00:00:00Z", 1, "shipped", EVIL, EVIL, null, null),
                        new TimelineEvent(EVIL, null, "freeze", EVIL, EVIL, null, null)),
                List.of(r), new GateHistory(null, null, List.of()), List.of(c), List.of());
        AdrEntry memo = new AdrEntry(2, "0002-x.md", EVIL, EVIL, EVIL, null, List.of(), "wf#1", "# 2. x\n\n" + EVIL + "\n");
        return new Report(Report.FORMAT, EVIL, "0123456789abcdef0123456789abcdef01234567", EVIL, List.of(wf), List.of(memo),
                List.of(new Finding(EVIL, EVIL)));
    }

    @Test
    void stringsFromTheRegistryAreTextNeverMarkup() {
        Document d = Jsoup.parse(ReportHtml.render(hostile()));
        assertTrue(d.select("script, img, [onerror]").isEmpty(), d.select("script, img, [onerror]").outerHtml());
        assertTrue(d.getElementById("findings").text().contains(EVIL), "shown as written");
        assertTrue(d.title().contains(EVIL));
    }

    /** WCAG 2.x contrast of the page's text and mark colours on their backgrounds, light and dark: at least 4.5:1. */
    @Test
    void coloursHaveEnoughContrastInLightAndDark() {
        String css = Jsoup.parse(ReportHtml.render(hostile())).select("style").html();
        int dark = css.indexOf("@media (prefers-color-scheme:dark)");
        Map<String, String> light = variables(css.substring(0, dark));
        Map<String, String> night = new LinkedHashMap<>(light);
        night.putAll(variables(css.substring(dark, css.indexOf("}}", dark))));
        String[][] pairs = {{"fg", "bg"}, {"fg", "card"}, {"muted", "bg"}, {"muted", "card"}, {"accent", "bg"}, {"accent", "card"},
            {"ok", "bg"}, {"held", "bg"}, {"forced", "bg"}, {"rollback", "bg"}, {"bad", "bg"}, {"bad", "card"}, {"canary", "bg"},
            {"candidate", "bg"}, {"on", "ok"}, {"on", "bad"}, {"on", "muted"}, {"g-fg", "g"}, {"y-fg", "y"}, {"r-fg", "r"}, {"u-fg", "u"}};
        for (Map<String, String> scheme : List.of(light, night)) {
            for (String[] p : pairs) {
                String fg = scheme.get(p[0]);
                String bg = scheme.get(p[1]);
                assertNotNull(fg, p[0]);
                assertNotNull(bg, p[1]);
                double ratio = contrast(fg, bg);
                assertTrue(ratio >= 4.5, "--" + p[0] + " " + fg + " on --" + p[1] + " " + bg + ": " + ratio + (scheme == night ? " (dark)" : ""));
            }
        }
        assertEquals("#ffffff", expand(light.get("bg")));
        assertEquals("#0d1117", night.get("bg"));
    }

    private static Map<String, String> variables(String css) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("--([a-z-]+):(#[0-9a-f]{3,6})\\b").matcher(css);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static String expand(String hex) {
        return hex.length() == 4 ? "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3) : hex;
    }

    /** The WCAG 2.1 contrast ratio (relative luminance with the sRGB transfer function). */
    static double contrast(String a, String b) {
        double la = luminance(expand(a));
        double lb = luminance(expand(b));
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    @Test
    void contrastFormulaMatchesWcagExamples() {
        // WCAG 2.1, Understanding SC 1.4.3: black on white is 21:1; #767676 on white is the lightest grey at 4.5:1
        assertEquals(21.0, contrast("#000000", "#ffffff"), 1e-9);
        assertEquals(4.54, contrast("#767676", "#ffffff"), 0.01);
    }
}
