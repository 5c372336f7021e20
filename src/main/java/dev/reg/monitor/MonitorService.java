package dev.reg.monitor;

import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.git.CommitRequest;
import dev.reg.git.CommitResult;
import dev.reg.ledger.Freeze;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.Releases;
import dev.reg.online.BudgetJson;
import dev.reg.online.BudgetReadout;
import dev.reg.online.CanaryJson;
import dev.reg.online.CanaryReadout;
import dev.reg.online.CanaryRequest;
import dev.reg.online.DriftJson;
import dev.reg.online.DriftReadout;
import dev.reg.online.DriftRequest;
import dev.reg.online.InputSummary;
import dev.reg.online.Level;
import dev.reg.online.OnlineService;
import dev.reg.online.OnlineService.Judged;
import dev.reg.online.ReadResult;
import dev.reg.online.RecordedProfiles;
import dev.reg.online.RecordedReadouts;
import dev.reg.online.TelemetryInput;
import dev.reg.online.Verdict;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Trailer;
import dev.reg.release.RollbackService;
import dev.reg.release.RollbackService.Additions;
import dev.reg.release.RollbackService.RollbackOutcome;
import dev.reg.stats.Numbers;
import dev.reg.util.Faults;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writing half of the online gate and monitoring: {@code reg canary --record [--apply]},
 * {@code reg drift --record}, {@code reg budget --apply|--record} and {@code reg watch}. Each reads its
 * readout through {@link OnlineService} (the design from the gate file at HEAD), then makes at most one
 * commit — one {@link CommitRequest} published through the registry's publisher — holding the recorded
 * readouts (figures and input digests, never events) and, when it acts, the freeze and the rollback with
 * its incident ADR. Nothing is written on bad input.
 */
public final class MonitorService {
    private final Registry registry;
    private final Clock clock;

    public MonitorService(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * What a writing readout did.
     *
     * @param recorded the readout files committed (empty when nothing was written)
     * @param action {@code recorded}, {@code rolled-back}, {@code frozen}, {@code frozen+rolled-back}, or {@code none}
     * @param rollback the rollback made, or null
     * @param commit the commit, or null when nothing was written
     */
    public record Written(List<String> recorded, String action, RollbackOutcome rollback, String commit) {
        public Written {
            recorded = List.copyOf(recorded);
        }

        static Written nothing() {
            return new Written(List.of(), "none", null, null);
        }
    }

    public record CanaryRecord(Judged<CanaryReadout> judged, int release, Written written) {
    }

    public record DriftRecord(Judged<DriftReadout> judged, Integer release, String profile, Written written) {
    }

    public record BudgetRecord(Judged<BudgetReadout> judged, Written written) {
    }

    /**
     * {@code reg canary WORKFLOW … --record [--apply]}: the readout of the running canary, committed under
     * {@code registry/online/<workflow>/}; with {@code apply} and a rollback verdict the canary is rolled
     * back in the same commit, its incident ADR carrying the readout's evidence.
     */
    public CanaryRecord recordCanary(String workflow, CanaryRequest request, boolean apply) {
        Judged<CanaryReadout> j = new OnlineService(registry).canary(workflow, request);
        RegistryView head = registry.head();
        Ledger ledger = Ledger.in(head, workflow);
        LedgerEntry canary = Releases.canary(ledger).orElseThrow(() -> new RefusedException("no canary of " + workflow
                + " is running, so there is no release to record this readout for; start one with 'reg release " + workflow
                + " --canary' — nothing was written"));
        Instant at = now();
        String path = RecordedReadouts.newPath(head, workflow, RecordedReadouts.CANARY, canary.n(), at);
        Map<String, byte[]> files = Map.of(path, bytes(CanaryJson.recorded(j.readout(), j.gate(), canary.n(), at.toString())));
        if (apply && j.readout().verdict() == Verdict.ROLLBACK) {
            List<String> evidence = new ArrayList<>();
            evidence.add("Canary readout `" + path + "`: verdict rollback");
            j.readout().reasons().forEach(r -> evidence.add("- " + r));
            inputs(evidence, j.readout().read());
            RollbackOutcome o = new RollbackService(registry, clock).rollback(workflow, Optional.empty(),
                    "canary stop-loss crossed (readout " + path + ")", new Additions(evidence, files, null));
            return new CanaryRecord(j, canary.n(), new Written(List.of(path), "rolled-back", o, o.commit()));
        }
        String commit = commit(head, files, null, "record canary readout of " + workflow + " " + canary.n() + ": "
                + j.readout().verdict().label(), workflow, canary.n(), "record-canary", null);
        return new CanaryRecord(j, canary.n(), new Written(List.of(path), "recorded", null, commit));
    }

    /**
     * {@code reg drift … --record [--release N]}: the readout, and — when the reference came from files —
     * the reference's profile (bin edges, counts and shares, rates, mean embedding) as the recorded reference
     * of release N (default: the live release), so a later {@code --reference-release N} needs only the record.
     * A profile already recorded for N is never replaced.
     */
    public DriftRecord recordDrift(String workflow, DriftRequest request, Integer release) {
        Judged<DriftReadout> j = new OnlineService(registry).drift(workflow, request);
        RegistryView head = registry.head();
        Ledger ledger = Ledger.in(head, workflow);
        Integer n = release != null ? release : request.referenceRelease() != null ? request.referenceRelease()
                : Releases.live(ledger).map(LedgerEntry::n).orElse(null);
        if (n != null && ledger.entry(n).isEmpty()) {
            throw new BadInputException("--release " + n + ": workflow " + workflow + " has no release " + n + " (see 'reg history "
                    + workflow + "')");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        String profile = null;
        if (request.referenceRelease() == null) {
            if (n == null) {
                throw new BadInputException("which release's traffic is the reference? " + workflow + " has no live release: give --release N");
            }
            profile = RecordedProfiles.path(workflow, n);
            byte[] wanted = bytes(DriftJson.profile(j.readout().reference()));
            Optional<byte[]> existing = head.read(profile);
            if (existing.isPresent() && !Arrays.equals(existing.get(), wanted)) {
                throw new RefusedException(profile + " is already recorded from other reference files; a recorded reference is"
                        + " immutable (compare against it with --reference-release " + n + ") — nothing was written");
            }
            if (existing.isEmpty()) {
                files.put(profile, wanted);
            }
        }
        Instant at = now();
        String path = RecordedReadouts.newPath(head, workflow, RecordedReadouts.DRIFT, n, at);
        files.put(path, bytes(DriftJson.recorded(j.readout(), j.gate(), n, at.toString())));
        String commit = commit(head, files, null, "record drift readout of " + workflow + ": " + j.readout().level().label(), workflow, n,
                "record-drift", null);
        return new DriftRecord(j, n, profile, new Written(new ArrayList<>(files.keySet()), "recorded", null, commit));
    }

    /**
     * {@code reg budget … --apply [--record]}: an exhausted budget freezes the workflow (unless it is already
     * frozen), in one commit with the readout; {@code --record} alone commits the readout.
     */
    public BudgetRecord applyBudget(String workflow, List<TelemetryInput> events, String now, long skipBad, boolean apply, boolean record) {
        Judged<BudgetReadout> j = new OnlineService(registry).budget(workflow, events, now, skipBad);
        RegistryView head = registry.head();
        Ledger ledger = Ledger.in(head, workflow);
        boolean freeze = apply && j.readout().exhausted() && ledger.frozen().isEmpty();
        if (!freeze && !record) {
            return new BudgetRecord(j, Written.nothing());
        }
        Instant at = now();
        Integer live = Releases.live(ledger).map(LedgerEntry::n).orElse(null);
        String path = RecordedReadouts.newPath(head, workflow, RecordedReadouts.BUDGET, live, at);
        Map<String, byte[]> files = Map.of(path, bytes(BudgetJson.recorded(j.readout(), j.gate(), live, at.toString())));
        String why = freeze ? "error budget exhausted: " + percent(j.readout().spent()) + " of the budget spent (readout " + path + ")" : null;
        String commit = commit(head, files, freeze ? ledger.frozenBy(new Freeze(at.toString(), registry.actor(), why)) : null,
                freeze ? "freeze " + workflow + ": " + why : "record budget readout of " + workflow + ": " + j.readout().status().label(),
                workflow, null, freeze ? "freeze" : "record-budget", why);
        return new BudgetRecord(j, new Written(List.of(path), freeze ? "frozen" : "recorded", null, commit));
    }

    /** {@code reg watch}'s request: the events, optional drift reference files, and whether to act. */
    public record WatchRequest(String workflow, List<TelemetryInput> events, List<TelemetryInput> reference, long skipBad, boolean apply) {
        public WatchRequest {
            events = List.copyOf(events);
            reference = List.copyOf(reference);
        }
    }

    /**
     * One watch run: each readout (null when not checked), the plan, and what was written.
     *
     * @param driftReference where drift's reference came from, or why there was none
     */
    public record WatchOutcome(String workflow, Judged<DriftReadout> drift, String driftReference, Judged<BudgetReadout> budget,
            Judged<CanaryReadout> canary, Integer canaryRelease, WatchPlanner.Plan plan, boolean applied, Written written) {
    }

    public WatchOutcome watch(WatchRequest req) {
        String wf = req.workflow();
        if (req.events().isEmpty()) {
            throw new BadInputException("give the telemetry: --events FILE (each file after its own flag)");
        }
        for (TelemetryInput in : concat(req.events(), req.reference())) {
            if (!java.nio.file.Files.isRegularFile(in.path())) {
                throw new BadInputException(in.name() + ": not found (or not a file)");
            }
        }
        OnlineService online = new OnlineService(registry);
        if (registry.headCommit().isEmpty()) {
            throw new BadInputException("the repository has no commits yet: commit registry.yaml and the gate file first");
        }
        RegistryView head = registry.head();
        Ledger ledger = Ledger.in(head, wf);
        Optional<LedgerEntry> live = Releases.live(ledger);
        Optional<LedgerEntry> canary = Releases.canary(ledger);

        Judged<DriftReadout> drift = null;
        String reference;
        if (!req.reference().isEmpty()) {
            drift = online.drift(wf, new DriftRequest(req.reference(), null, req.events(), null, req.skipBad()));
            reference = "the reference files given";
        } else {
            Optional<Integer> recorded = live.flatMap(l -> recordedReference(head, wf, ledger, l));
            if (recorded.isPresent()) {
                drift = online.drift(wf, new DriftRequest(List.of(), recorded.get(), req.events(), null, req.skipBad()));
                reference = "the reference recorded for release " + recorded.get() + " (" + RecordedProfiles.path(wf, recorded.get()) + ")";
            } else {
                reference = "none: no --reference files and no reference recorded for the live release (record one with 'reg drift " + wf
                        + " --reference FILE --current FILE --record')";
            }
        }
        Judged<BudgetReadout> budget = online.hasSection(wf, "slo") ? online.budget(wf, req.events(), null, req.skipBad()) : null;
        Judged<CanaryReadout> canaryReadout = null;
        String canaryNote = null;
        if (canary.isPresent()) {
            if (!online.hasSection(wf, "canary")) {
                canaryNote = "the gate file has no canary: section";
            } else {
                try {
                    canaryReadout = online.canary(wf, new CanaryRequest(List.of(), List.of(), req.events(), null, null, req.skipBad()));
                } catch (BadInputException e) {
                    if (drift == null && budget == null) {
                        throw e; // nothing else read the files: the error may be theirs
                    }
                    // the files read cleanly for drift or budget: what fails here is the split (no arm field, an empty arm)
                    canaryNote = e.getMessage();
                }
            }
        }
        WatchPlanner.Signals signals = new WatchPlanner.Signals(drift == null ? null : drift.readout().level(),
                drift == null ? List.of() : redFields(drift.readout()), budget == null ? null : budget.readout().status(),
                budget != null && budget.readout().exhausted(), canaryReadout == null ? null : canaryReadout.readout().verdict(),
                canaryReadout == null ? List.of() : canaryReadout.readout().reasons(), canaryNote);
        WatchPlanner.Plan plan = WatchPlanner.plan(signals, ledger);
        Integer canaryN = canary.map(LedgerEntry::n).orElse(null);
        if (!req.apply() || !plan.acts()) {
            return new WatchOutcome(wf, drift, reference, budget, canaryReadout, canaryN, plan, false, Written.nothing());
        }

        Instant at = now();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> evidence = new ArrayList<>();
        plan.reasons().forEach(r -> evidence.add("Trigger: " + r));
        Integer subject = live.map(LedgerEntry::n).orElse(null);
        if (drift != null) {
            String p = RecordedReadouts.newPath(head, wf, RecordedReadouts.DRIFT, subject, at);
            files.put(p, bytes(DriftJson.recorded(drift.readout(), drift.gate(), subject, at.toString())));
            evidence.add("Drift readout `" + p + "`: " + drift.readout().level().label() + ", reference " + reference);
            for (DriftReadout.FieldDrift f : drift.readout().fields()) {
                if (f.level() == Level.RED || f.level() == Level.YELLOW) {
                    evidence.add("- " + f.field() + ": PSI " + Numbers.brief(f.psi()) + ", JS " + Numbers.brief(f.js()) + " (n " + f.nReference()
                            + " reference, " + f.nCurrent() + " current): " + f.level().label());
                }
            }
        }
        if (budget != null) {
            String p = RecordedReadouts.newPath(head, wf, RecordedReadouts.BUDGET, subject, at);
            files.put(p, bytes(BudgetJson.recorded(budget.readout(), budget.gate(), subject, at.toString())));
            BudgetReadout b = budget.readout();
            evidence.add("Budget readout `" + p + "`: " + b.status().label() + ", " + b.bad() + " bad of " + b.events() + " events, "
                    + percent(b.spent()) + " of the budget spent" + (b.exhausted() ? " (exhausted)" : ""));
            for (BudgetReadout.BurnRate r : b.burnRates()) {
                evidence.add("- burn rate over " + dev.reg.online.Durations.format(r.window()) + ": " + Numbers.brief(r.rate()) + " (" + r.bad()
                        + " bad of " + r.events() + ")");
            }
        }
        if (canaryReadout != null) {
            String p = RecordedReadouts.newPath(head, wf, RecordedReadouts.CANARY, canaryN, at);
            files.put(p, bytes(CanaryJson.recorded(canaryReadout.readout(), canaryReadout.gate(), canaryN, at.toString())));
            evidence.add("Canary readout `" + p + "`: verdict " + canaryReadout.readout().verdict().label());
        }
        ReadResult read = budget != null ? budget.readout().read() : drift != null ? drift.readout().current()
                : canaryReadout != null ? canaryReadout.readout().read() : null;
        if (read != null) {
            inputs(evidence, read);
        }
        String why = "reg watch: " + String.join("; ", plan.reasons());
        Freeze freeze = plan.freeze() ? new Freeze(at.toString(), registry.actor(), oneLine(why)) : null;
        if (plan.rollbackFrom() != null) {
            RollbackOutcome o = new RollbackService(registry, clock).rollback(wf, Optional.of(plan.rollbackTo()), oneLine(why),
                    new Additions(evidence, files, freeze));
            return new WatchOutcome(wf, drift, reference, budget, canaryReadout, canaryN, plan, true,
                    new Written(new ArrayList<>(files.keySet()), freeze != null ? "frozen+rolled-back" : "rolled-back", o, o.commit()));
        }
        String commit = commit(head, files, ledger.frozenBy(freeze), "freeze " + wf + ": " + oneLine(why), wf, null, "freeze", oneLine(why));
        return new WatchOutcome(wf, drift, reference, budget, canaryReadout, canaryN, plan, true,
                new Written(new ArrayList<>(files.keySet()), "frozen", null, commit));
    }

    private static List<TelemetryInput> concat(List<TelemetryInput> a, List<TelemetryInput> b) {
        List<TelemetryInput> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The live release's recorded reference, or that of the release whose composite it rolled back to. */
    private static Optional<Integer> recordedReference(RegistryView head, String wf, Ledger ledger, LedgerEntry live) {
        List<Integer> candidates = new ArrayList<>(List.of(live.n()));
        if (live.rollbackTo() != null) {
            candidates.add(live.rollbackTo());
        }
        for (LedgerEntry e : ledger.entries()) {
            if (e.digest().equals(live.digest()) && !candidates.contains(e.n())) {
                candidates.add(e.n());
            }
        }
        return candidates.stream().filter(n -> head.isFile(RecordedProfiles.path(wf, n))).findFirst();
    }

    private static List<String> redFields(DriftReadout r) {
        List<String> out = new ArrayList<>();
        for (DriftReadout.FieldDrift f : r.fields()) {
            if (f.level() == Level.RED) {
                out.add(f.field() + " PSI " + Numbers.brief(f.psi()));
            }
        }
        if (r.embedding() != null && r.embedding().level() == Level.RED) {
            out.add("embedding cosine distance " + Numbers.brief(r.embedding().cosineDistance()));
        }
        return out;
    }

    private static void inputs(List<String> evidence, ReadResult read) {
        for (InputSummary i : read.inputs()) {
            evidence.add("Input `" + i.name() + "`" + (i.arm() == null ? "" : " (" + i.arm().label() + ")") + ": " + i.bytes() + " bytes, "
                    + i.events() + " events, sha256 " + i.sha256());
        }
    }

    /**
     * One commit of {@code files} (and the ledger, when {@code ledger} is given) on {@code head}; refuses
     * (exit 3) when one of those paths has uncommitted changes.
     */
    private String commit(RegistryView head, Map<String, byte[]> files, Ledger ledger, String subject, String workflow, Integer release,
            String action, String reason) {
        Map<String, byte[]> writes = new LinkedHashMap<>(files);
        if (ledger != null) {
            writes.put(Ledger.path(workflow), bytes(ledger.render()));
        }
        List<String> dirty = registry.status().uncommittedPaths(writes.keySet());
        if (!dirty.isEmpty()) {
            throw new RefusedException("recording would overwrite uncommitted changes in " + String.join(", ", dirty)
                    + "; commit or stash them first — nothing was changed");
        }
        String actor = registry.actor();
        StringBuilder message = new StringBuilder(oneLine(subject)).append("\n\n");
        files.keySet().forEach(p -> message.append("Recorded: ").append(p).append('\n'));
        message.append('\n');
        Map<String, String> trailers = new LinkedHashMap<>();
        trailers.put(Trailer.WORKFLOW.key(), workflow);
        trailers.put(Trailer.RELEASE.key(), release == null ? null : release.toString());
        trailers.put(Trailer.ACTION.key(), action);
        trailers.put(Trailer.ACTOR.key(), actor);
        trailers.put(Trailer.REASON.key(), reason == null ? null : oneLine(reason));
        trailers.forEach((k, v) -> {
            if (v != null) {
                message.append(k).append(": ").append(v).append('\n');
            }
        });
        Faults.check("monitor-before-publish");
        CommitResult done = registry.publish(new CommitRequest(head.commit().orElseThrow(), List.of(), writes, List.of(), message.toString(),
                List.of()));
        return done.commit().name();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? Numbers.brief(share * 100) + " %" : "-";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
