package dev.reg.release;

import dev.reg.composite.CompositeService;
import dev.reg.ledger.Freeze;
import dev.reg.ledger.FreezeEvent;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.ledger.ReleaseStatus;
import dev.reg.ledger.Releases;
import dev.reg.BadInputException;
import dev.reg.doc.Adr;
import dev.reg.doc.AdrDirectory;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.reg.git.GitId;

/**
 * {@code reg composite}, {@code reg history}, {@code reg live} and {@code reg memo}: answers from
 * the committed ledger (one file) and release tag names, never one tag object per release.
 */
public final class ReleaseQueries {
    private final Registry registry;

    public ReleaseQueries(Registry registry) {
        this.registry = registry;
    }

    public record ComponentView(String artifact, String version, String digest) {
    }

    /** The composite at HEAD and the release (if any) that has the same digest and is live. */
    public record CompositeView(String workflow, String composite, String shortForm, String digest, String commit,
            List<ComponentView> components, Integer liveRelease, String liveDigest, boolean live) {
    }

    /**
     * One line of history: a decision (shipped, held, forced, rollback), a later status change of a
     * release, or a freeze or unfreeze of the workflow ({@code release} null, and no composite).
     */
    public record HistoryEvent(String at, Integer release, String event, String status, String composite, String digest, String actor,
            String reason, String run, String tag, boolean tagPresent, String adr, Integer rollbackFrom, Integer rollbackTo) {
    }

    /** @param canary the canary running now beside the live release, or null */
    public record History(String workflow, List<HistoryEvent> events, Freeze frozen, Integer live, Integer canary) {
    }

    /**
     * The release live at a moment; {@code release} null when nothing was live then. A canary is not
     * the live release until it is promoted; {@code canary} names the one running now (null with
     * {@code --at}, or when none runs).
     */
    public record LiveView(String workflow, String at, Integer release, String composite, String digest, String status,
            String since, String tag, Integer canary) {
    }

    public record MemoView(String workflow, int release, String path, String title, String status, String text) {
    }

    public CompositeView composite(String workflow) {
        RegistryView head = registry.head();
        CompositeService.CurrentComposite c = CompositeService.of(head, workflow);
        Ledger ledger = Ledger.in(head, workflow);
        Optional<LedgerEntry> live = Releases.live(ledger);
        List<ComponentView> components = c.composite().components().stream()
                .map(cv -> new ComponentView(cv.version().artifact().toString(), cv.version().version().toString(), cv.digest().toString()))
                .toList();
        String digest = c.composite().digest().toString();
        return new CompositeView(workflow, c.composite().longForm(), c.shortForm(), digest, c.commit(), components,
                live.map(LedgerEntry::n).orElse(null), live.map(e -> e.digest().toString()).orElse(null),
                live.map(e -> e.digest().toString().equals(digest)).orElse(false));
    }

    public History history(String workflow) {
        Ledger ledger = committedLedger(workflow);
        Set<String> tags = new HashSet<>(registry.refs().refNames(RegistryLayout.releaseTagPrefix(workflow)));
        record Keyed(Instant at, int n, int seq, HistoryEvent event) {
        }
        List<Keyed> all = new ArrayList<>();
        for (LedgerEntry e : ledger.entries()) {
            String tag = e.tagged() ? e.tagName(workflow) : null;
            boolean present = tag != null && tags.contains(RegistryLayout.TAGS + tag);
            String decision = e.isRollback() ? "rollback" : !e.tagged() ? "held" : Releases.wasCanary(e) ? "canary"
                    : "fail".equals(e.gate()) ? "forced" : "shipped";
            all.add(new Keyed(Releases.decidedAt(e), e.n(), 0, new HistoryEvent(e.decided(), e.n(), decision, e.status().label(),
                    e.composite(), e.digest().toString(), e.actor(), e.reason(), e.run(), tag, present, e.adr(), e.rollbackFrom(),
                    e.rollbackTo())));
            for (int i = 0; i < e.events().size(); i++) {
                LedgerEvent ev = e.events().get(i);
                if (i == 0 && ev.status() == ReleaseStatus.CANARY) {
                    continue; // the canary's start is its decision line
                }
                all.add(new Keyed(Releases.parseTime(ev.at()).orElse(Instant.EPOCH), e.n(), i + 1, new HistoryEvent(ev.at(), e.n(),
                        ev.status().label(), e.status().label(), e.composite(), e.digest().toString(), ev.actor(), ev.reason(), null,
                        tag, present, null, null, null)));
            }
        }
        for (int i = 0; i < ledger.freezes().size(); i++) {
            FreezeEvent f = ledger.freezes().get(i);
            all.add(new Keyed(Releases.parseTime(f.at()).orElse(Instant.EPOCH), Integer.MAX_VALUE, i, new HistoryEvent(f.at(), null,
                    f.action(), null, null, null, f.actor(), f.reason(), null, null, false, null, null, null)));
        }
        all.sort(Comparator.comparing(Keyed::at).thenComparingInt(Keyed::n).thenComparingInt(Keyed::seq));
        return new History(workflow, all.stream().map(Keyed::event).toList(), ledger.frozen().orElse(null),
                Releases.live(ledger).map(LedgerEntry::n).orElse(null), Releases.canary(ledger).map(LedgerEntry::n).orElse(null));
    }

    /** What was live at {@code at} (now when empty). */
    public LiveView live(String workflow, Optional<String> at) {
        Ledger ledger = committedLedger(workflow);
        Optional<LedgerEntry> e;
        String when;
        if (at.isPresent()) {
            Instant t = parseMoment(at.get());
            when = t.toString();
            e = Releases.liveAt(ledger, t);
        } else {
            when = null;
            e = Releases.live(ledger);
        }
        Optional<Instant> moment = at.map(ReleaseQueries::parseMoment);
        Integer canary = at.isPresent() ? null : Releases.canary(ledger).map(LedgerEntry::n).orElse(null);
        return e.map(x -> new LiveView(workflow, when, x.n(), x.composite(), x.digest().toString(),
                moment.map(t -> statusAt(x, t)).orElse(x.status()).label(), since(x), x.tagName(workflow), canary))
                .orElse(new LiveView(workflow, when, null, null, null, null, null, null, canary));
    }

    public MemoView memo(String workflow, int n) {
        Ledger ledger = committedLedger(workflow);
        LedgerEntry e = ledger.entry(n).orElseThrow(() -> new BadInputException("workflow " + workflow + " has no release " + n
                + " (see 'reg history " + workflow + "')"));
        if (e.adr() == null) {
            throw new BadInputException("release " + n + " of " + workflow + " has no decision memo in the ledger");
        }
        Adr a = new AdrDirectory(registry.root()).readPath(e.adr());
        return new MemoView(workflow, n, e.adr(), a.title(), a.status(), a.text());
    }

    /** When the entry went live as the ledger writes times: its decision, or a canary's promotion. */
    private static String since(LedgerEntry e) {
        if (!Releases.wasCanary(e)) {
            return e.decided();
        }
        return e.events().stream().filter(ev -> ev.status() == ReleaseStatus.SHIPPED).map(LedgerEvent::at).findFirst().orElse(e.decided());
    }

    /** The entry's status as it stood at {@code t}: its last status change up to then, else its decision. */
    static ReleaseStatus statusAt(LedgerEntry e, Instant t) {
        ReleaseStatus s = e.tagged() ? ReleaseStatus.SHIPPED : e.status();
        for (LedgerEvent ev : e.events()) {
            if (!Releases.parseTime(ev.at()).orElse(Instant.EPOCH).isAfter(t)) {
                s = ev.status();
            }
        }
        return s;
    }

    /** Parses {@code 2026-11-20T10:00Z}, {@code 2026-11-20T10:00:00+01:00} and the like. */
    static Instant parseMoment(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException("--at '" + text + "': expected a date and time with its offset, e.g. 2026-11-20T10:00Z"
                    + " or 2026-11-20T11:00+01:00");
        }
    }

    private Ledger committedLedger(String workflow) {
        registry.config().workflow(workflow);
        return registry.headCommit().isPresent() ? Ledger.in(registry.head(), workflow) : Ledger.empty(workflow);
    }
}
