package dev.reg.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …?" for a mistyped name: the known names within a small edit distance of what was
 * typed, or that start with it. The distance is the optimal string alignment distance (restricted
 * Damerau–Levenshtein: insertions, deletions, substitutions and transpositions of two adjacent
 * characters, no substring edited twice), which counts the common typos — a dropped, doubled,
 * wrong or swapped letter — as one edit each.
 */
public final class Suggestions {
    /** At most this many names are suggested. */
    public static final int LIMIT = 3;

    private Suggestions() {
    }

    /**
     * Optimal string alignment distance between {@code a} and {@code b}: the Wagner–Fischer table
     * of Levenshtein distance with one more case, the transposition of two adjacent characters
     * (the algorithm and its worked examples are in Wikipedia's "Damerau–Levenshtein distance",
     * section "Optimal string alignment distance").
     */
    public static int distance(CharSequence a, CharSequence b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    /**
     * The names in {@code known} that {@code typed} is probably a typo of, best first, at most three:
     * those within one edit (two for names of six or more characters) and fewer edits than the
     * name is long, then those that start with {@code typed} (at least two characters). Case is
     * ignored; a name equal to {@code typed} is not a suggestion.
     */
    public static List<String> closest(String typed, Collection<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = t.length() >= 6 ? 2 : 1;
        List<Scored> close = new ArrayList<>();
        for (String name : new LinkedHashSet<>(known)) {
            String k = name.toLowerCase(Locale.ROOT);
            if (name.equals(typed)) {
                continue;
            }
            int d = distance(t, k);
            if (d <= allowed && d < k.length()) {
                close.add(new Scored(name, d));
            } else if (t.length() >= 2 && k.startsWith(t)) {
                close.add(new Scored(name, allowed + 1));
            }
        }
        close.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
        return close.stream().limit(LIMIT).map(Scored::name).toList();
    }

    /** {@code did you mean 'a'?}, {@code did you mean 'a' or 'b'?}; empty when there is nothing to suggest. */
    public static String didYouMean(List<String> suggestions) {
        if (suggestions.isEmpty()) {
            return "";
        }
        List<String> quoted = suggestions.stream().map(s -> "'" + s + "'").toList();
        String list = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        return "did you mean " + list + "?";
    }

    /** {@code "; did you mean 'a'?"} for appending to an error message, or {@code ""}. */
    public static String hint(String typed, Collection<String> known) {
        String s = didYouMean(closest(typed, known));
        return s.isEmpty() ? "" : "; " + s;
    }

    private record Scored(String name, int score) {
    }
}
