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
     * The release live at {@code at}: the last tagged entry decided at or before it. Entries are in
     * decision order, so when several share a timestamp the later number wins.
     */
    public static Optional<LedgerEntry> liveAt(Ledger ledger, Instant at) {
        LedgerEntry found = null;
        for (LedgerEntry e : ledger.entries()) {
            if (e.tagged() && !decidedAt(e).isAfter(at)) {
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
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
