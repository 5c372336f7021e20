package dev.reg.doc;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.reg.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a rendered ADR has the shape adr-tools, log4brains and adr-log read (DESIGN.md
 * section 1), by parsing it with flexmark rather than by matching lines: line 1 {@code # N. Title}
 * and no front matter, a header list with Status and Date, a {@code ## Status} section that is not
 * the last one and starts with the status word alone on its line, and tables whose rows have as
 * many cells as their header (an unescaped {@code |} would add one).
 */
public final class AdrCheck {
    private static final Parser PARSER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        PARSER = Parser.builder(options).build();
    }

    private static final Pattern FIRST_LINE = Pattern.compile("# (\\d+)\\. (\\S.*)");
    private static final Pattern HEADER_ITEM = Pattern.compile("(?i)([a-z]+):\\s*(.*)");
    private static final Pattern STATUS_WORD = Pattern.compile("[A-Z][a-z]+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private AdrCheck() {
    }

    public static Document parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /**
     * Throws {@link BadInputException} naming {@code where} (the template) and the rendered line
     * when {@code markdown} is not a well-formed ADR numbered {@code number}.
     */
    public static void check(String markdown, int number, String where) {
        List<String> problems = problems(markdown, number);
        if (!problems.isEmpty()) {
            throw new BadInputException(where + ": the rendered ADR is malformed, nothing was written: " + String.join("; ", problems));
        }
    }

    /** Every structural problem of {@code markdown}, empty when it is well-formed. */
    public static List<String> problems(String markdown, int number) {
        List<String> out = new ArrayList<>();
        String firstLine = markdown.lines().findFirst().orElse("");
        Matcher m = FIRST_LINE.matcher(firstLine);
        if (!m.matches()) {
            out.add("line 1 must be '# " + number + ". Title', found '" + firstLine + "'");
        } else if (!m.group(1).equals(Integer.toString(number))) {
            out.add("line 1 is numbered " + m.group(1) + " but the file is ADR " + number);
        }
        Document doc = parse(markdown);
        Node first = doc.getFirstChild();
        if (!(first instanceof com.vladsch.flexmark.ast.Heading) || ((com.vladsch.flexmark.ast.Heading) first).getLevel() != 1) {
            out.add("the document must start with the level-1 title heading (no front matter)");
            return out;
        }
        String headerStatus = null;
        boolean hasDate = false;
        Node list = first.getNext();
        if (list instanceof com.vladsch.flexmark.ast.BulletList) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                Matcher h = HEADER_ITEM.matcher(firstLineOf(item.getChildChars().toString()));
                if (!h.matches()) {
                    continue;
                }
                String key = h.group(1).toLowerCase(Locale.ROOT);
                if (key.equals("status")) {
                    headerStatus = h.group(2).trim();
                } else if (key.equals("date")) {
                    hasDate = DATE.matcher(h.group(2).trim()).matches();
                    if (!hasDate) {
                        out.add("line " + (item.getStartLineNumber() + 1) + ": Date must be YYYY-MM-DD");
                    }
                }
            }
        }
        if (headerStatus == null) {
            out.add("the header list after the title needs a '- Status: …' item");
        }
        if (!hasDate && out.stream().noneMatch(p -> p.contains("Date"))) {
            out.add("the header list after the title needs a '- Date: YYYY-MM-DD' item");
        }
        com.vladsch.flexmark.ast.Heading status = null;
        boolean laterSection = false;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof com.vladsch.flexmark.ast.Heading h && h.getLevel() == 2) {
                if (status != null) {
                    laterSection = true;
                } else if (h.getText().toString().equals("Status")) {
                    status = h;
                }
            }
        }
        if (status == null) {
            out.add("there is no '## Status' section");
        } else {
            if (!laterSection) {
                out.add("'## Status' must not be the last section (adr-tools reads it up to the next heading)");
            }
            Node p = status.getNext();
            String word = p instanceof com.vladsch.flexmark.ast.Paragraph ? firstLineOf(p.getChars().toString()).trim() : "";
            boolean superseded = word.startsWith("Superseded by [");
            if (!superseded && !STATUS_WORD.matcher(word).matches()) {
                out.add("line " + (status.getStartLineNumber() + 3) + ": the '## Status' section must start with the status word alone"
                        + " on its line, capitalised (e.g. 'Accepted'), found '" + word + "'");
            } else if (headerStatus != null && !headerStatus.toLowerCase(Locale.ROOT).startsWith(
                    (superseded ? "superseded" : word.toLowerCase(Locale.ROOT)))) {
                out.add("the header says 'Status: " + headerStatus + "' but the '## Status' section says '" + word + "'");
            }
        }
        checkTables(doc, out);
        return out;
    }

    private static void checkTables(Node parent, List<String> out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableBlock) {
                int header = -1;
                for (Node row : rows(n)) {
                    int cells = 0;
                    for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                        if (c instanceof TableCell) {
                            cells++;
                        }
                    }
                    if (header < 0) {
                        header = cells;
                    } else if (cells != header) {
                        out.add("line " + (row.getStartLineNumber() + 1) + ": a table row has " + cells + " cells but its header has "
                                + header + " (an unescaped '|' in a value?)");
                    }
                }
            } else if (n.hasChildren()) {
                checkTables(n, out);
            }
        }
    }

    private static List<Node> rows(Node table) {
        List<Node> out = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (r instanceof TableRow) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static String firstLineOf(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
