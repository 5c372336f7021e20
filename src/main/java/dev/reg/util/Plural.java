package dev.reg.util;

/** Counts in words, pluralised: "1 file", "2 files", "0 files". */
public final class Plural {
    private Plural() {
    }

    /** {@code n} and the noun, with an {@code s} unless {@code n} is 1. */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    /** {@code n} and the noun, for nouns whose plural is not {@code +s} ({@code entry}, {@code entries}). */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
