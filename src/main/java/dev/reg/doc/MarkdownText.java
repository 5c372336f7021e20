package dev.reg.doc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text placed into Markdown so that every reader shows it as written: a title with {@code *},
 * {@code |}, brackets or {@code &copy;} renders literally in a heading, a paragraph, a link text
 * and a table cell alike. Backslash escapes are valid CommonMark wherever inline text is parsed.
 */
public final class MarkdownText {
    /** Characters that start code, HTML, links, emphasis, table cells or strikethrough wherever they stand. */
    private static final String ACTIVE = "\\`*[]<|~";
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");
    /** {@code _} starts emphasis only at a word boundary; {@code snake_case} stays as it is. */
    private static final Pattern UNDERSCORE = Pattern.compile("(?<![\\p{Alnum}])_|_(?![\\p{Alnum}])");
    /** At the start of a line: a list item, a block quote or a heading. */
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([-+]|#{1,6}|\\d+[.)])(?=\\s|$)|^(\\s*)(>)");
    /** A whole value of dashes or equals signs would underline the line above as a heading. */
    private static final Pattern RULE = Pattern.compile("^(\\s*)([-=])(?=[-=\\s]*$)");
    /** A heading's closing sequence: trailing {@code #}s after a space are dropped by readers. */
    private static final Pattern CLOSING_HASHES = Pattern.compile("(^|\\s)(#+\\s*)$");

    private MarkdownText() {
    }

    /** {@code text} as one line of inline Markdown, safe in headings, paragraphs, link texts and table cells. */
    public static String inline(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("[\\r\\n\\t\\u000b\\f]+", " ");
        StringBuilder sb = new StringBuilder(oneLine.length() + 8);
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            if (ACTIVE.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        String s = UNDERSCORE.matcher(sb).replaceAll("\\\\_");
        s = ENTITY.matcher(s).replaceAll("\\\\&");
        Matcher m = BLOCK_START.matcher(s);
        if (m.find()) {
            // escape the marker's punctuation: 1. becomes 1\. (a backslash before a digit is no escape)
            int at = m.start(2) >= 0 ? m.end(2) - 1 : m.start(4);
            s = s.substring(0, at) + "\\" + s.substring(at);
        }
        s = RULE.matcher(s).replaceFirst("$1\\\\$2");
        return CLOSING_HASHES.matcher(s).replaceFirst("$1\\\\$2");
    }

    /**
     * A slug as adr-tools makes one: ASCII letters and digits, every other run of characters one
     * {@code -}, lowercase, trimmed, at most 60 characters; {@code decision} when nothing is left.
     */
    public static String slug(String title) {
        String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "decision" : s;
    }
}
