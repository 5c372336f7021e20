package dev.reg.report;

import com.vladsch.flexmark.ast.DelimitedLinkNode;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A decision memo's Markdown as HTML that is safe inside the report: raw HTML in the Markdown is
 * shown as text (never passed through, so no script or style gets in), images become their alt
 * text (an image would be a network request), and a link stays a link only when it goes to http(s)
 * or to a place inside the report; any other link ({@code javascript:}, {@code data:}, a file the
 * report does not hold) becomes plain text. Headings move down so they sit under the report's own.
 */
final class MemoHtml {
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:.*", Pattern.DOTALL);
    private static final Parser PARSER;
    private static final HtmlRenderer RENDERER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        PARSER = Parser.builder(options).build();
        RENDERER = HtmlRenderer.builder(options).build();
    }

    private MemoHtml() {
    }

    /**
     * @param shift how many levels each heading moves down (a level-1 heading becomes {@code h(1+shift)}, at most h6)
     * @param dropTitle leave out a level-1 heading that opens the text (the report shows the title itself)
     * @param inReport the anchor inside the report for a relative link target's path (e.g. {@code ../adr/0002-x.md}), or null
     *     when the report does not hold it
     */
    static String render(String markdown, int shift, boolean dropTitle, UnaryOperator<String> inReport) {
        Document doc = PARSER.parse(markdown);
        if (dropTitle && doc.getFirstChild() instanceof Heading h && h.getLevel() == 1) {
            h.unlink();
        }
        List<Node> nodes = new ArrayList<>();
        doc.getDescendants().forEach(nodes::add);
        for (Node n : nodes) {
            if (n instanceof Heading h) {
                h.setLevel(Math.min(6, h.getLevel() + shift));
            } else if (n instanceof Image || n instanceof ImageRef) {
                String alt = n instanceof Image i ? i.getText().toString() : ((ImageRef) n).getText().toString();
                replace(n, "[image" + (alt.isBlank() ? "" : ": " + alt) + "]");
            } else if (n instanceof Reference r) {
                // reference definitions: the links that use them render from this url
                String safe = safeUrl(r.getUrl().unescape(), inReport);
                r.setUrl(BasedSequence.of(safe == null ? "" : safe));
            }
        }
        for (Node n : nodes) {
            if (n instanceof RefNode ref && !(n instanceof ImageRef) && n.getParent() != null) {
                Reference r = ref.getReferenceNode(doc);
                if (r != null && r.getUrl().isEmpty()) {
                    unwrap(n);
                }
            } else if (n instanceof LinkNodeBase link && !(n instanceof Reference) && !(n instanceof Image) && n.getParent() != null) {
                String safe = safeUrl(link.getUrl().unescape(), inReport);
                if (safe == null) {
                    unwrap(n);
                } else {
                    link.setUrl(BasedSequence.of(safe));
                }
            }
        }
        return RENDERER.render(doc);
    }

    /**
     * The link target to keep: an http(s) URL as it is, {@code #anchor} as it is, a relative target
     * the report holds as its anchor; null for anything else.
     */
    static String safeUrl(String url, UnaryOperator<String> inReport) {
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return u.chars().anyMatch(c -> c < 0x20 || c == 0x7f) ? null : u;
        }
        if (u.startsWith("#") && u.chars().noneMatch(c -> c <= 0x20 || c == 0x7f)) {
            return u;
        }
        if (u.isEmpty() || SCHEME.matcher(lower).matches()) {
            return null;
        }
        // a relative target is a file: ask for it without its query or fragment
        return inReport.apply(u.replaceFirst("[?#].*$", ""));
    }

    /** Replaces {@code n} by its children (a link kept as its text); an autolink keeps its address as text. */
    private static void unwrap(Node n) {
        if (n.getFirstChild() == null) {
            replace(n, n instanceof DelimitedLinkNode d ? d.getText().toString() : n.getChars().toString());
            return;
        }
        while (n.getFirstChild() != null) {
            Node c = n.getFirstChild();
            c.unlink();
            n.insertBefore(c);
        }
        n.unlink();
    }

    private static void replace(Node n, String text) {
        n.insertBefore(new Text(text));
        n.unlink();
    }
}
