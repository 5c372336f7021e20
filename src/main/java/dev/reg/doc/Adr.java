package dev.reg.doc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ADR file as reg reads it, liberally: the status comes from the header list
 * ({@code - Status: …}) or the {@code ## Status} section, in any case, with {@code Superceded}
 * read as {@code Superseded}. The line indexes let {@link AdrEdits} change a file in place.
 *
 * @param number the number in the file name ({@code 0002-…} is 2)
 * @param file the file name, e.g. {@code 0002-release-copilot-1.md}
 * @param heading the title as written on line 1 after {@code # N. } (Markdown-escaped)
 * @param status lowercase status word ({@code accepted}, {@code superseded}, …), or {@code unknown}
 * @param supersededBy the file the status links to when superseded
 * @param headerStatusLine index of the header list's Status line, -1 when there is none
 * @param statusHeadingLine index of the {@code ## Status} heading, -1 when there is none
 * @param sectionStatusLine index of the first text line of the Status section, -1 when it is empty
 * @param linksHeadingLine index of the {@code ## Links} heading, -1 when there is none
 */
public record Adr(int number, String file, String heading, String status, Optional<String> supersededBy, List<String> lines,
        int headerStatusLine, int statusHeadingLine, int sectionStatusLine, int linksHeadingLine) {
    private static final Pattern TITLE = Pattern.compile("#\\s+(?:(\\d+)\\.\\s+)?(.*?)\\s*");
    private static final Pattern HEADER_STATUS = Pattern.compile("(?i)\\s*[-*+]\\s+status\\s*:\\s*(.*)");
    private static final Pattern SECTION = Pattern.compile("#{1,6}\\s+(.*?)\\s*#*\\s*");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern ESCAPED = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");

    public Adr {
        lines = List.copyOf(lines);
    }

    /** The slug: the file name without {@code .md}, which is the link text DESIGN.md uses in {@code ## Links}. */
    public String slug() {
        return file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
    }

    /** The title as a reader sees it (Markdown escapes removed). */
    public String title() {
        return ESCAPED.matcher(heading).replaceAll("$1");
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    public static Adr parse(int number, String file, String text) {
        List<String> lines = text.lines().toList();
        String heading = "";
        if (!lines.isEmpty()) {
            Matcher t = TITLE.matcher(lines.get(0));
            heading = t.matches() ? t.group(2) : lines.get(0);
        }
        int headerStatus = -1;
        int statusHeading = -1;
        int sectionStatus = -1;
        int links = -1;
        boolean fence = false;
        boolean beforeSections = true;
        boolean inStatus = false;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            if (fence) {
                continue;
            }
            Matcher s = SECTION.matcher(line);
            if (s.matches() && line.startsWith("#")) {
                beforeSections = false;
                String name = s.group(1).toLowerCase(Locale.ROOT);
                inStatus = line.startsWith("## ") && name.equals("status") && statusHeading < 0;
                if (inStatus) {
                    statusHeading = i;
                }
                if (line.startsWith("## ") && name.equals("links") && links < 0) {
                    links = i;
                }
                continue;
            }
            if (beforeSections && headerStatus < 0 && HEADER_STATUS.matcher(line).matches()) {
                headerStatus = i;
            }
            if (inStatus && sectionStatus < 0 && !trimmed.isEmpty()) {
                sectionStatus = i;
            }
        }
        String statusText = headerStatus >= 0 ? statusValue(lines.get(headerStatus))
                : sectionStatus >= 0 ? lines.get(sectionStatus).trim() : "";
        String word = statusText.isEmpty() ? "unknown" : statusText.split("[\\s\\[(:]+", 2)[0].toLowerCase(Locale.ROOT);
        if (word.equals("superceded")) {
            word = "superseded";
        }
        Optional<String> by = Optional.empty();
        if (word.equals("superseded")) {
            by = linkTarget(statusText);
            if (by.isEmpty() && sectionStatus >= 0) {
                by = linkTarget(lines.get(sectionStatus));
            }
        }
        return new Adr(number, file, heading, word, by, lines, headerStatus, statusHeading, sectionStatus, links);
    }

    private static String statusValue(String headerLine) {
        Matcher m = HEADER_STATUS.matcher(headerLine);
        return m.matches() ? m.group(1).trim() : "";
    }

    private static Optional<String> linkTarget(String text) {
        Matcher m = LINK_TARGET.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
