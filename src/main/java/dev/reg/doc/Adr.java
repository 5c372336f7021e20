package dev.reg.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ADR file as reg reads it, liberally: the status is in the header list ({@code - Status: …},
 * what log4brains reads) and in the {@code ## Status} section (what adr-tools reads and edits), in
 * any case, with {@code Superceded} read as {@code Superseded}. adr-tools' {@code adr new -s N}
 * edits only the section of ADR N: it adds {@code Superseded by [M. Title](file)} and deletes an
 * {@code Accepted} line, leaving any other status word (e.g. {@code Proposed}) above it. So a
 * supersession written in either place counts; otherwise the section's status word wins over the
 * header list; and {@link #statusDisagreement()} says when the two places disagree. The line indexes
 * let {@link AdrEdits} change a file in place.
 *
 * @param number the number in the file name ({@code 0002-…} is 2)
 * @param file the file name, e.g. {@code 0002-release-copilot-1.md}
 * @param heading the title as written on line 1 after {@code # N. } (Markdown-escaped)
 * @param status lowercase status word ({@code accepted}, {@code superseded}, …), or {@code unknown}
 * @param supersededBy the file the status links to when superseded
 * @param headerStatus the header list's status as written ({@code accepted}), empty when there is none
 * @param sectionStatus the {@code ## Status} section's status line as written: its "Superseded by" line
 *     when it has one, else its first line that is not a link to another ADR; empty when there is none
 * @param headerStatusLine index of the header list's Status line, -1 when there is none
 * @param statusHeadingLine index of the {@code ## Status} heading, -1 when there is none
 * @param sectionStatusLine index of the first text line of the Status section, -1 when it is empty
 * @param linksHeadingLine index of the {@code ## Links} heading, -1 when there is none
 */
public record Adr(int number, String file, String heading, String status, Optional<String> supersededBy, String headerStatus,
        String sectionStatus, List<String> lines, int headerStatusLine, int statusHeadingLine, int sectionStatusLine, int linksHeadingLine) {
    private static final Pattern TITLE = Pattern.compile("#\\s+(?:(\\d+)\\.\\s+)?(.*?)\\s*");
    private static final Pattern HEADER_STATUS = Pattern.compile("(?i)\\s*[-*+]\\s+status\\s*:\\s*(.*)");
    private static final Pattern SECTION = Pattern.compile("#{1,6}\\s+(.*?)\\s*#*\\s*");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern SUPERSEDED_BY = Pattern.compile("(?i)\\s*supers[ce]ded\\s+by\\b.*");
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
        List<Integer> sectionLines = new ArrayList<>();
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
            if (inStatus && !trimmed.isEmpty()) {
                sectionLines.add(i);
            }
        }
        String headerText = headerStatus >= 0 ? statusValue(lines.get(headerStatus)) : "";
        String sectionText = sectionStatus(lines, sectionLines);
        String headerWord = word(headerText);
        String sectionWord = word(sectionText);
        String status;
        Optional<String> by = Optional.empty();
        if (sectionWord.equals("superseded") || headerWord.equals("superseded")) {
            status = "superseded";
            by = sectionWord.equals("superseded") ? linkTarget(sectionText) : Optional.empty();
            if (by.isEmpty() && headerWord.equals("superseded")) {
                by = linkTarget(headerText);
            }
        } else {
            status = !sectionWord.equals("unknown") ? sectionWord : headerWord;
        }
        return new Adr(number, file, heading, status, by, headerText, sectionText, lines, headerStatus, statusHeading,
                sectionLines.isEmpty() ? -1 : sectionLines.get(0), links);
    }

    /**
     * When the header list and the {@code ## Status} section name different statuses, what each says
     * (e.g. after adr-tools superseded the ADR, which changes only the section).
     */
    public Optional<String> statusDisagreement() {
        if (headerStatus.isEmpty() || sectionStatus.isEmpty() || word(headerStatus).equals(word(sectionStatus))) {
            return Optional.empty();
        }
        return Optional.of("the header list says 'Status: " + headerStatus + "' but '## Status' says '" + sectionStatus + "'");
    }

    /** The section's status line: a supersession wherever it is, else the first line that is not a link to another ADR. */
    private static String sectionStatus(List<String> lines, List<Integer> sectionLines) {
        for (int i : sectionLines) {
            if (SUPERSEDED_BY.matcher(lines.get(i)).matches()) {
                return lines.get(i).trim();
            }
        }
        for (int i : sectionLines) {
            if (!LINK_TARGET.matcher(lines.get(i)).find()) {
                return lines.get(i).trim();
            }
        }
        return sectionLines.isEmpty() ? "" : lines.get(sectionLines.get(0)).trim();
    }

    /** The status word of a status text, lowercase ({@code unknown} for none), {@code superceded} read as {@code superseded}. */
    private static String word(String statusText) {
        String w = statusText.isEmpty() ? "unknown" : statusText.split("[\\s\\[(:]+", 2)[0].toLowerCase(Locale.ROOT);
        return w.equals("superceded") ? "superseded" : w;
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
