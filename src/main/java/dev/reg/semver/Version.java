package dev.reg.semver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A SemVer 2.0.0 version. Parsing is strict (the whole string, ASCII only, no {@code v}
 * prefix, no trimming) and numbers have no size limit. Precedence follows spec item 11;
 * build metadata is kept for display but never affects {@link #compareTo}.
 */
public final class Version implements Comparable<Version> {
    private final BigInteger major;
    private final BigInteger minor;
    private final BigInteger patch;
    private final List<Identifier> prerelease;
    private final List<String> build;

    private Version(BigInteger major, BigInteger minor, BigInteger patch, List<Identifier> prerelease, List<String> build) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = List.copyOf(prerelease);
        this.build = List.copyOf(build);
    }

    public static Version of(long major, long minor, long patch) {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers cannot be negative");
        }
        return new Version(BigInteger.valueOf(major), BigInteger.valueOf(minor), BigInteger.valueOf(patch), List.of(), List.of());
    }

    /**
     * Parses {@code text} as a SemVer 2.0.0 version.
     *
     * @throws IllegalArgumentException naming the rule broken and its 0-based position
     */
    public static Version parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("version is missing");
        }
        return new Parser(text).parse();
    }

    /** True when {@code text} is a valid SemVer 2.0.0 version. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks a {@code --pre} value: dot-separated pre-release identifiers as npm's {@code semver}
     * takes them ({@code rc}, {@code alpha.beta}, {@code 1}).
     *
     * @throws IllegalArgumentException naming it a pre-release identifier, the rule broken and its position
     */
    public static void checkPrereleaseId(String preId) {
        Parser.prereleaseIds(Objects.requireNonNull(preId, "preId"));
    }

    public BigInteger major() {
        return major;
    }

    public BigInteger minor() {
        return minor;
    }

    public BigInteger patch() {
        return patch;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    public boolean hasBuild() {
        return !build.isEmpty();
    }

    public List<String> prereleaseIdentifiers() {
        List<String> out = new ArrayList<>(prerelease.size());
        for (Identifier id : prerelease) {
            out.add(id.text);
        }
        return Collections.unmodifiableList(out);
    }

    public List<String> buildIdentifiers() {
        return build;
    }

    /**
     * The next version of the given type, as npm's {@code semver.inc} computes it (a prerelease
     * counter starts at 0). {@code preId} names the prerelease identifier for the {@code pre*} types,
     * as npm takes it: dotted ({@code alpha.beta}) or numeric ({@code 1}); it may be null.
     *
     * @throws IllegalArgumentException if {@code preId} is not a legal pre-release identifier (the
     *     message says so and where), or the result would not be strictly greater than this version
     */
    public Version increment(ReleaseType type, String preId) {
        Objects.requireNonNull(type, "type");
        List<Identifier> pre = preId == null ? null : Parser.prereleaseIds(preId);
        Version next;
        switch (type) {
            case MAJOR:
                next = isPrerelease() && minor.signum() == 0 && patch.signum() == 0
                        ? release() : new Version(major.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, List.of(), List.of());
                break;
            case MINOR:
                next = isPrerelease() && patch.signum() == 0
                        ? release() : new Version(major, minor.add(BigInteger.ONE), BigInteger.ZERO, List.of(), List.of());
                break;
            case PATCH:
                next = isPrerelease() ? release() : new Version(major, minor, patch.add(BigInteger.ONE), List.of(), List.of());
                break;
            case PREMAJOR:
                next = new Version(major.add(BigInteger.ONE), BigInteger.ZERO, BigInteger.ZERO, List.of(), List.of()).firstPrerelease(pre);
                break;
            case PREMINOR:
                next = new Version(major, minor.add(BigInteger.ONE), BigInteger.ZERO, List.of(), List.of()).firstPrerelease(pre);
                break;
            case PREPATCH:
                next = new Version(major, minor, patch.add(BigInteger.ONE), List.of(), List.of()).firstPrerelease(pre);
                break;
            case PRERELEASE:
                next = isPrerelease() ? nextPrerelease(pre) : increment(ReleaseType.PREPATCH, preId);
                break;
            default:
                throw new IllegalStateException(type.toString());
        }
        if (next.compareTo(this) <= 0) {
            throw new IllegalArgumentException(type.label() + (preId == null ? "" : " --pre " + preId) + " of " + this
                    + " gives " + next + ", which is not greater than " + this);
        }
        return next;
    }

    private Version release() {
        return new Version(major, minor, patch, List.of(), List.of());
    }

    private Version firstPrerelease(List<Identifier> pre) {
        List<Identifier> ids = new ArrayList<>();
        if (pre != null) {
            ids.addAll(pre);
        }
        ids.add(Identifier.number(BigInteger.ZERO));
        return new Version(major, minor, patch, ids, List.of());
    }

    /**
     * npm's algorithm: bump the last numeric identifier (or append 0); then, given {@code --pre}, keep
     * counting when the identifiers start with its parts followed by a number, else start at
     * {@code <pre>.0} (npm's prefix rule: {@code alpha.beta} on {@code alpha.beta.5.4} gives
     * {@code alpha.beta.5.5}, {@code 1} on {@code 0} gives {@code 1.0}).
     */
    private Version nextPrerelease(List<Identifier> pre) {
        List<Identifier> ids = new ArrayList<>(prerelease);
        boolean incremented = false;
        for (int i = ids.size() - 1; i >= 0 && !incremented; i--) {
            if (ids.get(i).numeric) {
                ids.set(i, Identifier.number(ids.get(i).number.add(BigInteger.ONE)));
                incremented = true;
            }
        }
        if (!incremented) {
            ids.add(Identifier.number(BigInteger.ZERO));
        }
        if (pre != null && !(startsWith(ids, pre) && ids.size() > pre.size() && ids.get(pre.size()).numeric)) {
            ids = new ArrayList<>(pre);
            ids.add(Identifier.number(BigInteger.ZERO));
        }
        return new Version(major, minor, patch, ids, List.of());
    }

    /** Whether {@code ids} begins with {@code prefix}, identifier by identifier in precedence ({@code 1} equals {@code 1}). */
    private static boolean startsWith(List<Identifier> ids, List<Identifier> prefix) {
        if (prefix.size() > ids.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (ids.get(i).compareTo(prefix.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Version o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            // A normal version has higher precedence than any prerelease of it.
            return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
        }
        int n = Math.min(prerelease.size(), o.prerelease.size());
        for (int i = 0; i < n; i++) {
            c = prerelease.get(i).compareTo(o.prerelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(prerelease.size(), o.prerelease.size());
    }

    /** Equality is by the full text, build metadata included; use {@link #compareTo} for precedence. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Version && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!prerelease.isEmpty()) {
            sb.append('-');
            for (int i = 0; i < prerelease.size(); i++) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(prerelease.get(i).text);
            }
        }
        if (!build.isEmpty()) {
            sb.append('+').append(String.join(".", build));
        }
        return sb.toString();
    }

    private static final class Identifier implements Comparable<Identifier> {
        final String text;
        final boolean numeric;
        final BigInteger number;

        private Identifier(String text, boolean numeric) {
            this.text = text;
            this.numeric = numeric;
            this.number = numeric ? new BigInteger(text) : null;
        }

        static Identifier number(BigInteger n) {
            return new Identifier(n.toString(), true);
        }

        @Override
        public int compareTo(Identifier o) {
            if (numeric && o.numeric) {
                return number.compareTo(o.number);
            }
            if (numeric != o.numeric) {
                return numeric ? -1 : 1; // numeric identifiers sort before alphanumeric ones
            }
            return text.compareTo(o.text); // ASCII only, so UTF-16 order is ASCII order
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identifier && text.equals(((Identifier) o).text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    /** A hand-written scanner so every error can name its position and rule. */
    private static final class Parser {
        private final String s;
        /** What the text is, for errors: a version, or a pre-release identifier given on its own. */
        private final String subject;
        private int pos;

        Parser(String s) {
            this(s, "version");
        }

        private Parser(String s, String subject) {
            this.s = s;
            this.subject = subject;
        }

        Version parse() {
            if (s.isEmpty()) {
                throw error("empty version", 0);
            }
            BigInteger maj = numericPart("major");
            expect('.', "major");
            BigInteger min = numericPart("minor");
            expect('.', "minor");
            BigInteger pat = numericPart("patch");
            List<Identifier> pre = new ArrayList<>();
            List<String> build = new ArrayList<>();
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
                do {
                    int start = pos;
                    String id = dotSeparated("pre-release");
                    pre.add(checkPrerelease(id, start));
                } while (consumeDot());
            }
            if (pos < s.length() && s.charAt(pos) == '+') {
                pos++;
                do {
                    build.add(dotSeparated("build metadata"));
                } while (consumeDot());
            }
            if (pos < s.length()) {
                throw error(describe(s.charAt(pos)) + " is not allowed here", pos);
            }
            return new Version(maj, min, pat, pre, build);
        }

        /** Dot-separated pre-release identifiers on their own ({@code alpha.beta}, {@code 1}), as {@code --pre} takes them. */
        static List<Identifier> prereleaseIds(String text) {
            Parser p = new Parser(text, "pre-release identifier");
            List<Identifier> ids = new ArrayList<>();
            do {
                int start = p.pos;
                ids.add(p.checkPrerelease(p.dotSeparated(null), start));
            } while (p.consumeDot());
            if (p.pos != text.length()) {
                throw p.error(describe(text.charAt(p.pos)) + " is not allowed", p.pos);
            }
            return ids;
        }

        private boolean consumeDot() {
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c, String after) {
            if (pos >= s.length()) {
                throw error("expected '" + c + "' after " + after + " version but the text ended", pos);
            }
            if (s.charAt(pos) != c) {
                throw error("expected '" + c + "' after " + after + " version, found " + describe(s.charAt(pos)), pos);
            }
            pos++;
        }

        private BigInteger numericPart(String name) {
            int start = pos;
            while (pos < s.length() && isDigit(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                String found = pos < s.length() ? describe(s.charAt(pos)) : "the end of the text";
                throw error(name + " version must be an ASCII number, found " + found, start);
            }
            if (pos - start > 1 && s.charAt(start) == '0') {
                throw error("leading zero in " + name + " version", start);
            }
            return new BigInteger(s.substring(start, pos));
        }

        private String dotSeparated(String what) {
            int start = pos;
            while (pos < s.length() && isIdentChar(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                String found = pos < s.length() ? describe(s.charAt(pos)) : "the end of the text";
                throw error("empty " + (what == null ? "" : what + " ") + "identifier (found " + found + ")", start);
            }
            return s.substring(start, pos);
        }

        private Identifier checkPrerelease(String id, int start) {
            boolean numeric = id.chars().allMatch(c -> isDigit((char) c));
            if (numeric && id.length() > 1 && id.charAt(0) == '0') {
                throw error("leading zero in " + (subject.equals("version") ? "pre-release" : "numeric") + " identifier", start);
            }
            return new Identifier(id, numeric);
        }

        private IllegalArgumentException error(String rule, int at) {
            return new IllegalArgumentException("invalid " + subject + " \"" + printable(s) + "\": " + rule + " at " + at);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isIdentChar(char c) {
            return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
        }

        private static String describe(char c) {
            if (c >= 0x21 && c < 0x7f) {
                return "'" + c + "'";
            }
            return String.format("U+%04X", (int) c);
        }

        private static String printable(String text) {
            StringBuilder sb = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c >= 0x20 && c < 0x7f) {
                    sb.append(c);
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
            return sb.toString();
        }
    }
}
