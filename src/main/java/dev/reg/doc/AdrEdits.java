package dev.reg.doc;

import dev.reg.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-place edits of existing ADRs that keep every other line as the author wrote it: marking an
 * ADR superseded (in its header list and its {@code ## Status} section, as adr-tools and
 * log4brains each read one of them) and recording on the newer ADR what it supersedes.
 */
public final class AdrEdits {
    private static final Set<String> STATUS_WORDS = Set.of("proposed", "accepted", "rejected", "deprecated", "superseded",
            "superceded", "draft", "unknown");
    private static final Pattern LIST_PREFIX = Pattern.compile("(\\s*[-*+]\\s+)(?i:status)\\s*:.*");

    private AdrEdits() {
    }

    /** The text of {@code old} marked superseded by {@code newer}. */
    public static String supersededBy(Adr old, Adr newer) {
        if (old.status().equals("superseded")) {
            throw new BadInputException(old.file() + " is already superseded" + old.supersededBy().map(f -> " by " + f).orElse(""));
        }
        if (old.number() == newer.number()) {
            throw new BadInputException("an ADR cannot supersede itself (" + old.file() + ")");
        }
        if (old.headerStatusLine() < 0 && old.statusHeadingLine() < 0) {
            throw new BadInputException(old.file() + " has neither a '- Status: …' line nor a '## Status' section; reg cannot mark it superseded");
        }
        List<String> lines = new ArrayList<>(old.lines());
        String sectionLine = "Superseded by [" + newer.number() + ". " + newer.heading() + "](" + newer.file() + ")";
        // edit from the bottom up so earlier indexes stay valid
        if (old.statusHeadingLine() >= 0) {
            int at = old.sectionStatusLine();
            if (at >= 0 && isStatusLine(lines.get(at))) {
                lines.set(at, sectionLine);
            } else if (at >= 0) {
                lines.add(at, "");
                lines.add(at, sectionLine);
            } else {
                lines.add(old.statusHeadingLine() + 1, sectionLine);
                lines.add(old.statusHeadingLine() + 1, "");
            }
        }
        if (old.headerStatusLine() >= 0) {
            Matcher m = LIST_PREFIX.matcher(lines.get(old.headerStatusLine()));
            String prefix = m.matches() ? m.group(1) : "- ";
            lines.set(old.headerStatusLine(), prefix + "Status: superseded by [" + newer.slug() + "](" + newer.file() + ")");
        }
        return String.join("\n", lines) + "\n";
    }

    /** The text of {@code newer} with a {@code Supersedes} line in its Status section and its Links. */
    public static String supersedes(Adr newer, Adr old) {
        List<String> lines = new ArrayList<>(newer.lines());
        String link = "- Supersedes [" + old.slug() + "](" + old.file() + ")";
        if (newer.linksHeadingLine() >= 0) {
            int end = newer.linksHeadingLine() + 1;
            while (end < lines.size() && !lines.get(end).startsWith("#")) {
                end++;
            }
            int last = end - 1;
            while (last > newer.linksHeadingLine() && lines.get(last).isBlank()) {
                last--;
            }
            if (last == newer.linksHeadingLine()) {
                lines.add(last + 1, "");
                lines.add(last + 2, link);
            } else {
                lines.add(last + 1, link);
            }
        } else {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            lines.addAll(List.of("", "## Links", "", link));
        }
        if (newer.statusHeadingLine() >= 0) {
            String statusLine = "Supersedes [" + old.number() + ". " + old.heading() + "](" + old.file() + ")";
            int at = newer.sectionStatusLine() >= 0 ? newer.sectionStatusLine() + 1 : newer.statusHeadingLine() + 1;
            lines.add(at, statusLine);
            lines.add(at, "");
        }
        return String.join("\n", lines) + "\n";
    }

    private static boolean isStatusLine(String line) {
        String word = line.trim().split("[\\s\\[(:]+", 2)[0].toLowerCase(Locale.ROOT);
        return STATUS_WORDS.contains(word);
    }
}
