package dev.reg.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A data table as the report writes it: a caption, column headers, the first cell of each row as
 * the row's header, in a region that scrolls sideways on a narrow screen. Cells are HTML: callers
 * escape text with {@link Svg#esc}.
 */
final class HtmlTable {
    private final String caption;
    private final List<String> headers;
    private final List<String[]> rows = new ArrayList<>();

    HtmlTable(String caption, String... headers) {
        this.caption = caption;
        this.headers = List.of(headers);
    }

    HtmlTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String html() {
        StringBuilder sb = new StringBuilder(256 + rows.size() * 120);
        sb.append("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"").append(Svg.esc(caption)).append("\">");
        sb.append("<table><caption>").append(Svg.esc(caption)).append("</caption><thead><tr>");
        for (String h : headers) {
            sb.append("<th scope=\"col\">").append(Svg.esc(h)).append("</th>");
        }
        sb.append("</tr></thead><tbody>\n");
        for (String[] r : rows) {
            sb.append("<tr>");
            for (int i = 0; i < r.length; i++) {
                sb.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(r[i] == null ? "" : r[i]).append(i == 0 ? "</th>" : "</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>");
        return sb.toString();
    }

    /** The table folded under a summary line: the chart's data, one click away (and always in the DOM for screen readers). */
    String folded(String summary) {
        return "<details class=\"data\"><summary>" + Svg.esc(summary) + "</summary>" + html() + "</details>";
    }
}
