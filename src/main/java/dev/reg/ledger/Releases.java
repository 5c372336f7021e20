package dev.reg.ledger;

import dev.reg.registry.Sha256;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the ledger says about which release is live and which are good, in one place for release,
 * rollback, history and live. A release is live from its decision until the next tagged entry
 * (a later release or a rollback) is decided; marking it bad does not take it out of production.
 */
public final class Releases {
    private Releases() {
    }

    /** The live release: the last tagged entry that is shipped or bad (rolled-back ones were replaced). */
    public static Optional<LedgerEntry> live(Ledger ledger) {
        List<LedgerEntry> entries = ledger.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            LedgerEntry e = entries.get(i);
            if (e.tagged() && (e.status() == ReleaseStatus.SHIPPED || e.status() == ReleaseStatus.BAD)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The canary running now: the last entry, when its status is {@code canary}. While it runs the live
     * release is still the last shipped one (the canary serves its split of the traffic beside it);
     * {@code reg promote} makes it live, a rollback ends it.
     */
    public static Optional<LedgerEntry> canary(Ledger ledger) {
        List<LedgerEntry> entries = ledger.entries();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        LedgerEntry last = entries.get(entries.size() - 1);
        return last.status() == ReleaseStatus.CANARY ? Optional.of(last) : Optional.empty();
    }

    /** What a rollback rolls back: the running canary, else the live release. */
    public static Optional<LedgerEntry> current(Ledger ledger) {
        return canary(ledger).or(() -> live(ledger));
    }

    /** Whether the entry started as a canary (its first event says so). */
    public static boolean wasCanary(LedgerEntry e) {
        return e.status() == ReleaseStatus.CANARY || (!e.events().isEmpty() && e.events().get(0).status() == ReleaseStatus.CANARY);
    }

    /**
     * When the entry went live: its decision, or for a canary its promotion (its first {@code shipped}
     * event); empty for a canary never promoted, which was never the live release.
     */
    public static Optional<Instant> liveSince(LedgerEntry e) {
        if (!e.tagged()) {
            return Optional.empty();
        }
        if (!wasCanary(e)) {
            return Optional.of(decidedAt(e));
        }
        return e.events().stream().filter(ev -> ev.status() == ReleaseStatus.SHIPPED).findFirst()
                .map(ev -> parseTime(ev.at()).orElse(Instant.EPOCH));
    }

    /**
     * The last release before {@code n} that is shipped and whose composite no release marked bad
     * has: where a rollback goes.
     */
    public static Optional<LedgerEntry> lastGoodBefore(Ledger ledger, int n) {
        Set<Sha256> bad = badDigests(ledger);
        List<LedgerEntry> entries = ledger.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            LedgerEntry e = entries.get(i);
            if (e.n() < n && e.tagged() && e.status() == ReleaseStatus.SHIPPED && !bad.contains(e.digest())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The last release that is shipped and not bad (nor has a bad release's composite): what a new release is compared with. */
    public static Optional<LedgerEntry> lastGood(Ledger ledger) {
        return lastGoodBefore(ledger, Integer.MAX_VALUE);
    }

    /** The first release marked bad whose composite digest is {@code digest}: it makes every entry with that digest bad. */
    public static Optional<LedgerEntry> markedBad(Ledger ledger, Sha256 digest) {
        return ledger.entries().stream().filter(e -> e.isBad() && e.digest().equals(digest)).findFirst();
    }

    private static Set<Sha256> badDigests(Ledger ledger) {
        Set<Sha256> out = new HashSet<>();
        for (LedgerEntry e : ledger.entries()) {
            if (e.isBad()) {
                out.add(e.digest());
            }
        }
        return out;
    }

    /**
     * The release live at {@code at}: the last tagged entry that went live at or before it (a canary
     * when it was promoted, never while it ran). Entries are in decision order, so when several share
     * a timestamp the later number wins.
     */
    public static Optional<LedgerEntry> liveAt(Ledger ledger, Instant at) {
        LedgerEntry found = null;
        for (LedgerEntry e : ledger.entries()) {
            Optional<Instant> since = liveSince(e);
            if (since.isPresent() && !since.get().isAfter(at)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The entry's decision time; an unreadable one counts as the epoch so it never hides a later release. */
    public static Instant decidedAt(LedgerEntry e) {
        return parseTime(e.decided()).orElse(Instant.EPOCH);
    }

    public static Optional<Instant> parseTime(String text) {
        try {
            // the form reg writes (2026-01-31T12:00:00Z) without the formatter, which costs a long
            // history most of its reading; anything else (offsets, fractions) goes to the formatter
            if (text != null && text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                    && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
                int year = digits(text, 0, 4);
                int month = digits(text, 5, 7);
                int day = digits(text, 8, 10);
                int hour = digits(text, 11, 13);
                int minute = digits(text, 14, 16);
                int second = digits(text, 17, 19);
                if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
                    return Optional.of(java.time.LocalDateTime.of(year, month, day, hour, minute, second)
                            .toInstant(java.time.ZoneOffset.UTC));
                }
            }
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
