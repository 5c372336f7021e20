package dev.reg.release;

import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.doc.Adr;
import dev.reg.doc.AdrDirectory;
import dev.reg.doc.AdrEdits;
import dev.reg.doc.AdrService;
import dev.reg.doc.AdrTemplates;
import dev.reg.git.CommitRequest;
import dev.reg.git.CommitResult;
import dev.reg.ledger.Freeze;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.ledger.ReleaseStatus;
import dev.reg.ledger.Releases;
import dev.reg.online.RecordedReadouts;
import dev.reg.online.RecordedReadouts.Recorded;
import dev.reg.online.Verdict;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Trailer;
import dev.reg.util.Faults;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code reg promote WORKFLOW N}: a canary becomes the live release. It needs the last canary readout
 * recorded for release N ({@code reg canary --record}) to say promote, or {@code --force --reason}. One
 * commit: the ledger entry {@code shipped} with a promotion event naming the readout, and a promote memo
 * with the online evidence that supersedes the live release's memo and the canary's own. The canary's
 * tag already exists; no tag is made.
 */
public final class PromoteService {
    private final Registry registry;
    private final Clock clock;

    public PromoteService(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * What a promotion did. {@code commit} is null when release N was already promoted (nothing written).
     *
     * @param readout the recorded readout it rests on, or null (forced without one)
     * @param verdict that readout's verdict, or null
     */
    public record PromoteOutcome(String workflow, int release, String composite, String tag, boolean forced, String readout,
            String verdict, String memo, List<String> superseded, Integer previousLive, String reason, String commit) {
        public boolean changed() {
            return commit != null;
        }
    }

    public PromoteOutcome promote(String workflow, int n, boolean force, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (force && why == null) {
            throw new BadInputException("--force needs --reason TEXT: why a canary is promoted without a recorded promote verdict is"
                    + " recorded in the ledger and the memo");
        }
        registry.config().workflow(workflow);
        if (registry.headCommit().isEmpty()) {
            throw new BadInputException("the repository has no commits yet; nothing to promote");
        }
        RegistryView head = registry.head();
        Ledger ledger = Ledger.in(head, workflow);
        LedgerEntry e = ledger.entry(n).orElseThrow(() -> new BadInputException("workflow " + workflow + " has no release " + n
                + " (see 'reg history " + workflow + "')"));
        if (e.status() == ReleaseStatus.SHIPPED && Releases.wasCanary(e)) {
            return new PromoteOutcome(workflow, n, e.composite(), e.tagName(workflow), false, null, null, e.adr(), List.of(), null,
                    null, null);
        }
        if (e.status() != ReleaseStatus.CANARY) {
            throw new RefusedException("release " + n + " of " + workflow + " is " + e.status().label() + ", not a canary; only a"
                    + " release started with 'reg release " + workflow + " --canary' is promoted — nothing was changed");
        }
        if (ledger.frozen().isPresent()) {
            Freeze f = ledger.frozen().get();
            throw new RefusedException("workflow " + workflow + " is frozen since " + f.since() + " by " + f.actor() + " (" + f.reason()
                    + "); nothing can be promoted until 'reg unfreeze " + workflow + "'");
        }
        List<Recorded> readouts = RecordedReadouts.canary(head, workflow, n);
        Optional<Recorded> last = readouts.isEmpty() ? Optional.empty() : Optional.of(readouts.get(readouts.size() - 1));
        boolean promoteVerdict = last.map(r -> r.verdict().equals(Verdict.PROMOTE.label())).orElse(false);
        if (!promoteVerdict && !force) {
            throw new RefusedException(last.map(r -> "the last canary readout recorded for release " + n + " (" + r.path() + ") says "
                    + r.verdict() + ", not promote")
                    .orElse("no canary readout is recorded for release " + n + " (record one with 'reg canary " + workflow
                            + " … --record')")
                    + "; promote needs a recorded promote verdict, or --force --reason TEXT — nothing was changed");
        }
        boolean forced = !promoteVerdict;
        Optional<LedgerEntry> live = Releases.live(ledger);

        AdrDirectory adrs = new AdrDirectory(registry.root());
        int number = adrs.nextNumber(head);
        String title = "Promote " + workflow + " " + n;
        String memoFile = AdrDirectory.fileName(number, title);
        String memoPath = adrs.path(memoFile);
        List<Adr> superseded = new ArrayList<>();
        live.flatMap(l -> ReleaseService.supersedable(adrs, head, l)).ifPresent(superseded::add);
        ReleaseService.supersedable(adrs, head, e).filter(a -> superseded.stream().noneMatch(s -> s.file().equals(a.file())))
                .ifPresent(superseded::add);
        List<String> touched = new ArrayList<>(List.of(Ledger.path(workflow), memoPath));
        superseded.forEach(a -> touched.add(adrs.path(a.file())));
        ReleaseSupport.requireClean(registry, touched, "promoting " + workflow + " " + n);

        String at = ReleaseSupport.now(clock);
        String actor = registry.actor();
        AdrService adrService = new AdrService(registry, clock);
        Map<String, Object> model = adrService.headerModel(number, title, "accepted", List.of("release", "promote", workflow));
        model.put("workflow", workflow);
        model.put("release", n);
        model.put("composite", e.composite());
        model.put("digest", e.digest().toString());
        model.put("tag", e.tagName(workflow));
        model.put("canaryMemo", e.adr() == null ? "the ledger" : e.adr());
        model.put("live", live.map(l -> Map.<String, Object>of("n", l.n(), "composite", l.composite())).orElse(null));
        model.put("readout", last.map(OnlineEvidence::model).orElse(null));
        model.put("forced", forced);
        model.put("because", forced ? "it was forced by " + AdrService.actorName(actor) + ": " + why
                : "the canary readout recorded for it says promote: every pre-registered bar is met"
                        + (why == null ? "." : ", and: " + why));
        model.put("rollback", live.map(l -> Map.<String, Object>of("n", l.n(), "composite", l.composite(), "command",
                "reg rollback " + workflow + " --to " + l.n())).orElse(null));
        model.put("supersedes", superseded.stream().map(AdrService::reference).toList());
        String memo = new AdrTemplates(registry.root()).render(AdrTemplates.PROMOTE, model, number);

        String event = forced ? "forced promotion" + last.map(r -> " (last readout " + r.path() + ": " + r.verdict() + ")").orElse("")
                + ": " + why : "promoted on readout " + last.get().path() + " (verdict promote)";
        LedgerEntry promoted = e.withStatus(ReleaseStatus.SHIPPED, new LedgerEvent(ReleaseStatus.SHIPPED, at, actor, event)).withAdr(memoPath);
        Map<String, byte[]> writes = new LinkedHashMap<>();
        writes.put(Ledger.path(workflow), ledger.with(promoted).render().getBytes(StandardCharsets.UTF_8));
        writes.put(memoPath, memo.getBytes(StandardCharsets.UTF_8));
        Adr memoAdr = Adr.parse(number, memoFile, memo);
        for (Adr a : superseded) {
            writes.put(adrs.path(a.file()), AdrEdits.supersededBy(a, memoAdr).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put(Trailer.WORKFLOW.key(), workflow);
        trailers.put(Trailer.RELEASE.key(), Integer.toString(n));
        trailers.put(Trailer.COMPOSITE_DIGEST.key(), e.digest().toString());
        trailers.put(Trailer.ACTION.key(), forced ? "promote-forced" : "promote");
        trailers.put(Trailer.ACTOR.key(), actor);
        trailers.put(Trailer.REASON.key(), why);
        String message = ReleaseSupport.message("promote " + workflow + " " + n + (forced ? ": forced" : ": canary readout says promote"),
                e.composite() + "\n\n" + event + "\nDecision memo: " + memoPath, trailers);
        Faults.check("promote-before-publish");
        CommitResult done = registry.publish(new CommitRequest(head.commit().orElseThrow(), List.of(), writes, List.of(), message, List.of()));
        return new PromoteOutcome(workflow, n, e.composite(), e.tagName(workflow), forced, last.map(Recorded::path).orElse(null),
                last.map(Recorded::verdict).orElse(null), memoPath, superseded.stream().map(a -> adrs.path(a.file())).toList(),
                live.map(LedgerEntry::n).orElse(null), why, done.commit().name());
    }
}
