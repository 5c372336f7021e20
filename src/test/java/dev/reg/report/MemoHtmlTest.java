package dev.reg.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A memo's Markdown becomes HTML that cannot run, fetch or send the reader anywhere unexpected. */
class MemoHtmlTest {
    private static final UnaryOperator<String> ADRS = target -> target.endsWith("0002-release-copilot-1.md") ? "#adr-0002-release-copilot-1" : null;

    private static Document render(String markdown) {
        return Jsoup.parseBodyFragment(MemoHtml.render(markdown, 3, true, ADRS));
    }

    @Test
    void rawHtmlIsShownAsTextNeverPassedThrough() {
        Document d = render("# 3. Title\n\nHello <script>alert(1)</script> <b onmouseover=\"x()\">bold</b>\n\n<div><iframe src=\"https://x\"></iframe></div>\n\n"
                + "<style>body{display:none}</style>\n");
        assertTrue(d.select("script, iframe, style, b, div").isEmpty(), d.body().html());
        assertTrue(d.text().contains("<script>alert(1)</script>"), "shown as written: " + d.text());
        assertTrue(d.text().contains("<iframe src=\"https://x\"></iframe>"), d.text());
        assertTrue(d.select("[onmouseover]").isEmpty());
    }

    @Test
    void linksStayLinksOnlyToHttpOrInsideTheReport() {
        Document d = render("[web](https://example.com/a?b=1) [plain](http://example.com) [js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1))"
                + " [data](data:text/html;base64,PHNjcmlwdD4=) [file](file:///etc/passwd) [mail](mailto:a@b.c) [adr](0002-release-copilot-1.md)"
                + " [adr2](../adr/0002-release-copilot-1.md#status) [other](../registry/evals/run.json) [anchor](#decision) <javascript:alert(2)>"
                + " <https://example.org> [ref][r] [bad ref][j]\n\n[r]: https://example.net\n[j]: javascript:alert(3)\n");
        List<String> hrefs = d.select("a").eachAttr("href");
        assertEquals(List.of("https://example.com/a?b=1", "http://example.com", "#adr-0002-release-copilot-1", "#adr-0002-release-copilot-1", "#decision",
                "https://example.org", "https://example.net"), hrefs);
        for (String kept : List.of("js", "JS", "data", "file", "mail", "other", "bad ref", "javascript:alert(2)")) {
            assertTrue(d.text().contains(kept), "the link's text stays: " + kept + " in " + d.text());
        }
        assertFalse(d.html().toLowerCase().contains("href=\"javascript"), d.html());
    }

    @Test
    void imagesBecomeTheirAltTextSoNothingIsFetched() {
        Document d = render("![a chart](https://example.com/chart.png) ![](x.png) ![ref image][i]\n\n[i]: https://example.com/i.png\n");
        assertTrue(d.select("img").isEmpty(), d.body().html());
        assertTrue(d.text().contains("[image: a chart]"), d.text());
        assertTrue(d.text().contains("[image]"), d.text());
        assertTrue(d.text().contains("[image: ref image]"), d.text());
    }

    @Test
    void headingsMoveUnderTheReportsAndTheTitleLineIsLeftOut() {
        Document d = render("# 3. Release copilot 2\n\n- Status: accepted\n\n## Status\n\nAccepted\n\n### Consequences\n\n#### Deep\n\nText\n");
        assertTrue(d.select("h1, h2, h3, h4").isEmpty(), d.body().html());
        assertEquals(List.of("Status"), d.select("h5").eachText());
        assertEquals(List.of("Consequences", "Deep"), d.select("h6").eachText(), "levels past 6 stay at h6");
        assertFalse(d.text().contains("Release copilot 2"), "the title is the report's summary line, not repeated");
        Element item = d.selectFirst("li");
        assertEquals("Status: accepted", item.text());
    }

    @Test
    void safeUrlRefusesSchemesHidingBehindWhitespaceAndControlCharacters() {
        assertNull(MemoHtml.safeUrl(" javascript:alert(1)", ADRS));
        assertNull(MemoHtml.safeUrl("java\tscript:alert(1)", ADRS), "browsers drop tabs inside a URL scheme");
        assertNull(MemoHtml.safeUrl("https://example.com/\u0000x", ADRS));
        assertNull(MemoHtml.safeUrl("", ADRS));
        assertEquals("https://example.com/", MemoHtml.safeUrl(" https://example.com/ ", ADRS));
    }
}
