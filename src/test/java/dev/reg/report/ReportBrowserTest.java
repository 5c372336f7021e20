package dev.reg.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.Chromium;
import dev.reg.testing.RegCli;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a real browser shows it: Debian's headless Chromium loads the page written for the
 * demo registry (plus recorded canary and drift readouts) with networking cut off, and the tests
 * read the DOM Chromium built, its net log and its screenshots. Screenshots are kept under
 * {@code target/report-screenshots/} to look at.
 */
class ReportBrowserTest {
    private static final Path SHOTS = Path.of("target", "report-screenshots");

    @TempDir
    static Path dir;

    static Path page;
    static Chromium.Run desktop;
    static Document dom;

    @BeforeAll
    static void renderInChromium() throws IOException {
        Path story = ReportFixture.demoWithReadouts(dir);
        RegCli.ok(story, "report", "--out", dir.resolve("out").toString());
        page = dir.resolve("out/report.html");
        desktop = Chromium.dumpDom(page, 1280, 2000, dir.resolve("chromium"));
        dom = Jsoup.parse(desktop.stdout());
    }

    @Test
    void everySectionIsThereWithItsHeading() {
        String wf = "wf-" + ReportFixture.WF;
        for (String id : List.of(wf, wf + "-timeline", wf + "-releases", wf + "-gates", wf + "-canary", wf + "-drift", wf + "-memos", "adrs",
                "findings")) {
            Element section = dom.getElementById(id);
            assertNotNull(section, "section #" + id);
            assertEquals("section", section.tagName(), id);
            Element heading = section.selectFirst("h2, h3");
            assertNotNull(heading, "heading of #" + id);
            assertEquals(section.attr("aria-labelledby"), heading.id(), "the section is named by its heading: #" + id);
        }
        assertEquals(1, dom.select("#" + wf + "-timeline figure.chart.timeline").size(), "one timeline");
        // the demo's gate file has 8 entries; grounded_judge has min and tail_min, exact also a regression bar: 9 bars
        assertEquals(9, dom.select("#" + wf + "-gates figure.chart.gate").size(), "one chart per gate bar");
        assertEquals(4, dom.select("#" + wf + "-canary figure.chart.canary").size(), "one chart per canary readout (2 the demo recorded)");
        assertEquals(1, dom.select("#" + wf + "-drift figure.chart.drift").size(), "drift over time");
        assertEquals(6, dom.select("#" + wf + "-memos details.memo").size(), "a memo per release");
        assertEquals(8, dom.selectFirst("#adrs table").select("tbody tr").size(), "the ADR index lists the 8 ADRs");
        assertEquals(6, dom.select("#" + wf + "-releases table tbody tr").size(), "the releases table has the 6 ledger entries");
    }

    @Test
    void everyChartIsAnAccessibleImageFollowedByItsDataTable() {
        List<Element> figures = dom.select("figure.chart");
        assertEquals(15, figures.size(), "timeline + 9 gate bars + 4 canaries + drift");
        for (Element f : figures) {
            Element svg = f.selectFirst("svg");
            assertNotNull(svg, f.id());
            assertEquals("img", svg.attr("role"), f.id());
            String[] labelledBy = svg.attr("aria-labelledby").split(" ");
            assertEquals(2, labelledBy.length, f.id());
            Element title = dom.getElementById(labelledBy[0]);
            Element desc = dom.getElementById(labelledBy[1]);
            assertNotNull(title, f.id());
            assertNotNull(desc, f.id());
            assertEquals("title", title.tagName());
            assertEquals("desc", desc.tagName());
            assertFalse(title.text().isBlank(), f.id());
            assertFalse(desc.text().isBlank(), f.id());
            assertTrue(svg.hasAttr("viewBox") || svg.hasAttr("viewbox"), "scales with its box: " + f.id());
            Element caption = f.selectFirst("figcaption");
            assertNotNull(caption, f.id());
            Element table = f.selectFirst("table");
            assertNotNull(table, "data table of " + f.id());
            assertTrue(f.select("*").indexOf(svg) < f.select("*").indexOf(table), "the table follows the chart: " + f.id());
            assertNotNull(table.selectFirst("caption"), f.id());
            assertFalse(table.select("tbody tr").isEmpty(), "the table has the chart's rows: " + f.id());
            assertFalse(table.select("thead th[scope=col]").isEmpty(), f.id());
        }
    }

    @Test
    void gateChartsDrawTheBarAsALineAndIntervalsAsWhiskers() {
        for (Element f : dom.select("figure.chart.gate")) {
            assertNotNull(f.selectFirst("line.barline"), "the bar's line in " + f.id());
            assertEquals(6, f.select("tbody tr").size(), "a row per release with a run: " + f.id());
        }
        Element exact = dom.select("figure.chart.gate").stream().filter(f -> f.selectFirst("figcaption").text().startsWith("exact mean (domain=Support)"))
                .findFirst().orElseThrow();
        assertNotNull(exact.selectFirst("path.whisker"), "interval whiskers");
        // the held release 2 fails grounded_judge's mean bar: drawn as a failed point
        Element grounded = dom.select("figure.chart.gate").stream().filter(f -> f.selectFirst("figcaption").text().startsWith("grounded_judge mean"))
                .findFirst().orElseThrow();
        assertEquals(1, grounded.select("g.pt-fail").size(), grounded.select("tbody").text());
        assertTrue(grounded.select("tbody tr").get(1).text().contains("fail"), grounded.select("tbody tr").get(1).text());
    }

    @Test
    void timelineShowsDecisionsBadMarkRollbackFreezeAndLiveLane() {
        Element t = dom.selectFirst("figure.chart.timeline");
        assertEquals(1, t.select("g.ev-held").size(), "release 2 held");
        assertEquals(1, t.select("g.ev-bad").size(), "release 3 marked bad");
        assertEquals(2, t.select("g.ev-rollback").size(), "releases 4 and 6 are rollbacks");
        assertEquals(2, t.select("g.rollback-arc").size(), "an arrow from each rollback to the release it restored");
        assertTrue(t.selectFirst("g.rollback-arc").text().contains("rollback #3 → #1"), t.selectFirst("g.rollback-arc").text());
        assertEquals(1, t.select("g.frozen").size(), "the freeze as a span");
        assertEquals(4, t.select("g.live").size(), "releases 1, 3 (once promoted), 4 and 6 were live; canary 5 never was");
        assertEquals(1, t.select("g.live-bad").size(), "release 3 was live while bad");
        assertEquals(12, t.select("tbody tr").size(), "6 decisions, 3 promoted, bad, rolled-back, freeze, unfreeze, 5 rolled-back");
        // not colour alone: a legend with each kind's mark and word
        Element legend = dom.selectFirst("#wf-support_copilot-timeline ul.legend");
        assertTrue(legend.text().contains("marked bad") && legend.text().contains("held by the gate") && legend.text().contains("rollback"), legend.text());
        assertEquals(legend.select("li").size(), legend.select("li svg, li .swatch").size(), "every legend word has its mark");
    }

    @Test
    void canaryAndDriftShowTheReadoutsAndTheStrayFileIsAFinding() {
        List<Element> canaries = dom.select("figure.chart.canary");
        assertTrue(canaries.get(0).selectFirst("figcaption").text().startsWith("promote canary-release-1.json"), canaries.get(0).text());
        // then the two the demo recorded (its clock says 2026-11-20), then the hand-made rollback of 2026-12-01
        assertTrue(canaries.get(1).selectFirst("figcaption").text().startsWith("promote canary-release-3-"), canaries.get(1).text());
        assertTrue(canaries.get(2).selectFirst("figcaption").text().startsWith("rollback canary-release-5-"), canaries.get(2).text());
        assertTrue(canaries.get(3).selectFirst("figcaption").text().startsWith("rollback canary-release-3.json"), canaries.get(3).text());
        // the pre-registered bars on the grounded_judge row: +8% target and -5% stop-loss
        assertEquals(4, canaries.get(3).select("g.cbar").size(), canaries.get(3).select("g.cbar").text());
        assertTrue(canaries.get(3).select("tbody tr").get(0).text().contains("−7.3% [−8.3%, −6.3%]"), canaries.get(3).select("tbody tr").get(0).text());
        Element drift = dom.selectFirst("figure.chart.drift");
        assertEquals(3 * 6, drift.select("g.cell").size(), "3 readouts x (4 fields + embedding + overall)");
        assertEquals(3, drift.select("g.cell.lv-red").size(), "grounded_judge, the embedding and so the readout are red in the last one");
        assertTrue(drift.select("g.cell.lv-red").first().text().contains("red 0.312"), drift.select("g.cell.lv-red").text());
        String findings = dom.getElementById("findings").text();
        assertTrue(findings.contains("registry/online/support_copilot/notes.json"), findings);
        assertFalse(findings.contains("reference-profile.json"), "a drift reference profile is a companion file, not a stray: " + findings);
    }

    @Test
    void memosAreRenderedFromMarkdownAndTheAdrIndexLinksSupersedes() {
        Element memo = dom.getElementById("memo-support_copilot-6");
        assertTrue(memo.hasAttr("open"), "the live release's memo is open");
        assertFalse(memo.select(".md h5").isEmpty(), "the memo's sections are headings under the memo's h4");
        assertTrue(memo.select(".md h5").eachText().contains("Decision Outcome"), memo.select(".md h5").eachText().toString());
        assertFalse(memo.select(".md table").isEmpty(), "the memo's Markdown table is a table");
        // the memo links to the ADR it supersedes: a link inside the report, not to a file
        Element supersedes = memo.select(".md a").stream().filter(a -> a.text().contains("Canary support_copilot 5")).findFirst().orElseThrow();
        assertEquals("#adr-0007-canary-support-copilot-5", supersedes.attr("href"));
        assertNotNull(dom.getElementById("adr-0007-canary-support-copilot-5"), "the link's target exists");
        Element row = dom.getElementById("adr-0007-canary-support-copilot-5").closest("tr");
        assertTrue(row.text().contains("superseded"), row.text());
        assertTrue(row.select("a").eachAttr("href").contains("#adr-0008-roll-back-support-copilot-release-5-to-release-4"), row.html());
        for (Element a : dom.select("a[href]")) {
            String href = a.attr("href");
            assertTrue(href.startsWith("#") || href.startsWith("https://") || href.startsWith("http://"), "link stays in the report: " + href);
            if (href.startsWith("#") && href.length() > 1) {
                assertNotNull(dom.getElementById(href.substring(1)), "link target " + href + " exists");
            }
        }
    }

    @Test
    void pageIsAccessible() {
        assertEquals("en", dom.selectFirst("html").attr("lang"));
        assertNotNull(dom.selectFirst("meta[name=viewport]"));
        assertNotNull(dom.selectFirst("header"));
        assertNotNull(dom.selectFirst("nav"));
        assertNotNull(dom.selectFirst("main"));
        assertNotNull(dom.selectFirst("footer"));
        assertEquals(1, dom.select("h1").size());
        int last = 1;
        for (Element h : dom.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            assertTrue(level <= last + 1, "heading levels go down one at a time: " + h.tagName() + " '" + h.text() + "' after h" + last);
            last = level;
        }
        for (Element table : dom.select("table")) {
            assertFalse(table.select("th").isEmpty(), "tables have headers");
        }
    }

    @Test
    void pageMakesNoNetworkRequest() throws IOException {
        // the browser's own background requests (update check, account probe) are in the log, sent to the dead proxy, and not the page's
        assertFalse(desktop.requests().isEmpty(), "the net log recorded requests at all");
        List<Chromium.Request> network = desktop.pageRequests().stream().filter(Chromium.Request::isNetwork).toList();
        assertEquals(List.of(), network, "requests the page made over the network");
        // nothing in the page would load anything: no script, stylesheet, image, frame or font to fetch
        assertTrue(dom.select("script, link[rel=stylesheet], img, iframe, object, embed, video, audio, source").isEmpty(),
                dom.select("script, link, img, iframe").outerHtml());
        assertTrue(dom.select("[src]").isEmpty(), dom.select("[src]").outerHtml());
        String css = dom.select("style").html();
        assertFalse(css.contains("@import") || css.contains("url(") || css.contains("@font-face"), "CSS fetches nothing");
        try (var files = Files.list(page.getParent())) {
            assertEquals(List.of(page), files.toList(), "one file");
        }

        // the check can fail: the same browser run on a page that loads an image records the request
        Path control = dir.resolve("control.html");
        Files.writeString(control, "<!DOCTYPE html><html><body><img src=\"https://example.invalid/pixel.png\" alt=\"x\"></body></html>");
        Chromium.Run run = Chromium.dumpDom(control, 800, 600, dir.resolve("chromium-control"));
        assertTrue(run.pageRequests().stream().anyMatch(r -> r.url().equals("https://example.invalid/pixel.png")), run.requests().toString());
    }

    @Test
    void phoneLayoutDoesNotScrollSideways() throws IOException {
        // the report in a phone-sized frame of a probe page (the report itself has no script): its wide charts and
        // tables must scroll inside their boxes, so the page itself never scrolls sideways
        for (int width : new int[] {390, 1280}) {
            Path probe = dir.resolve("probe-" + width + ".html");
            Files.writeString(probe, "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" src=\"" + page.toUri() + "\" width=\"" + width
                    + "\" height=\"844\" style=\"border:0\"></iframe><script>var f=document.getElementById('f');f.onload=function(){"
                    + "var d=f.contentDocument;document.body.setAttribute('data-width',String(f.contentWindow.innerWidth));"
                    + "document.body.setAttribute('data-overflow',String(d.documentElement.scrollWidth-d.documentElement.clientWidth));};</script>"
                    + "</body></html>");
            Document frame = Jsoup.parse(Chromium.dumpDom(probe, Math.max(width, 800), 900, dir.resolve("chromium-probe"),
                    "--allow-file-access-from-files", "--virtual-time-budget=5000").stdout());
            assertEquals(Integer.toString(width), frame.body().attr("data-width"), "the frame is " + width + " px wide");
            assertEquals("0", frame.body().attr("data-overflow"), "nothing sticks out of a " + width + " px wide page");
        }
    }

    @Test
    void screenshotsOnDesktopAndPhoneInLightAndDark() throws IOException {
        Files.createDirectories(SHOTS);
        List<String> sizes = new ArrayList<>();
        double light = 0;
        double dark = 0;
        for (String[] shot : new String[][] {{"report-desktop.png", "1280", "2000", "light"}, {"report-phone.png", "390", "844", "light"},
            {"report-desktop-dark.png", "1280", "2000", "dark"}, {"report-phone-dark.png", "390", "844", "dark"}}) {
            Path png = SHOTS.toAbsolutePath().resolve(shot[0]);
            Files.deleteIfExists(png);
            Chromium.screenshot(page, png, Integer.parseInt(shot[1]), Integer.parseInt(shot[2]), shot[3].equals("dark"), dir.resolve("chromium-shots"));
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, shot[0]);
            sizes.add(img.getWidth() + "x" + img.getHeight());
            if (shot[0].equals("report-desktop.png")) {
                light = luminance(img);
            } else if (shot[0].equals("report-desktop-dark.png")) {
                dark = luminance(img);
            }
        }
        assertEquals(List.of("1280x2000", "390x844", "1280x2000", "390x844"), sizes);
        assertTrue(light > 0.8, "a light page: mean luminance " + light);
        assertTrue(dark < 0.25, "prefers-color-scheme: dark gives a dark page: mean luminance " + dark);
    }

    /** Mean relative luminance of the image, 0 (black) to 1 (white). */
    private static double luminance(BufferedImage img) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                int rgb = img.getRGB(x, y);
                sum += (0.2126 * ((rgb >> 16) & 255) + 0.7152 * ((rgb >> 8) & 255) + 0.0722 * (rgb & 255)) / 255;
                n++;
            }
        }
        return sum / n;
    }
}
