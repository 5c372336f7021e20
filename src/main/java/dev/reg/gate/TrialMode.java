package dev.reg.gate;

/**
 * How the trials of one case become the case's value before a bar aggregates cases. {@code all}:
 * every trial must pass (for a number, the worst trial counts; for a count, any trial matching
 * counts the case); {@code k-of-N}: a binary metric passes when at least k of its trials pass;
 * {@code mean}: the mean over trials.
 */
public record TrialMode(Kind kind, int k, int n) {
    public enum Kind { ALL, K_OF_N, MEAN }

    public static final TrialMode ALL = new TrialMode(Kind.ALL, 0, 0);
    public static final TrialMode MEAN = new TrialMode(Kind.MEAN, 0, 0);

    /** Parses {@code all}, {@code mean} or {@code K-of-N} (1 <= K <= N); null when the text is none of them. */
    public static TrialMode parse(String text) {
        if (text.equals("all")) {
            return ALL;
        }
        if (text.equals("mean")) {
            return MEAN;
        }
        var m = java.util.regex.Pattern.compile("([1-9][0-9]{0,3})-of-([1-9][0-9]{0,3})").matcher(text);
        if (m.matches()) {
            int k = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (k <= n) {
                return new TrialMode(Kind.K_OF_N, k, n);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case MEAN -> "mean";
            case K_OF_N -> k + "-of-" + n;
        };
    }
}
