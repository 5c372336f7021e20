package dev.reg.semver;

import java.util.Locale;

/** The bump types of {@code reg bump}, named as npm's {@code semver.inc} names them. */
public enum ReleaseType {
    MAJOR, MINOR, PATCH, PREMAJOR, PREMINOR, PREPATCH, PRERELEASE;

    /** Parses a bump type as users type it ({@code minor}, {@code prerelease}); case-sensitive lower case. */
    public static ReleaseType parse(String text) {
        for (ReleaseType t : values()) {
            if (t.label().equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown bump type '" + text
                + "': expected one of major, minor, patch, premajor, preminor, prepatch, prerelease");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
