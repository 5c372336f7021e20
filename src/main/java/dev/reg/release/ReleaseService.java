package dev.reg.release;

import dev.reg.registry.Trailer;
import dev.reg.registry.RegistryLayout;
import dev.reg.composite.ComponentVersion;
import dev.reg.composite.Composite;
import dev.reg.composite.CompositeService;
import dev.reg.ledger.Freeze;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.ledger.ReleaseStatus;
import dev.reg.ledger.Releases;
import dev.reg.gate.BarResult;
import dev.reg.gate.GateReport;
import dev.reg.gate.MustPassResult;
import dev.reg.stats.Numbers;
import dev.reg.AlreadyPublishedException;
import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.doc.Adr;
import dev.reg.doc.AdrDirectory;
import dev.reg.doc.AdrEdits;
import dev.reg.doc.AdrService;
import dev.reg.doc.AdrTemplates;
import dev.reg.git.CommitRequest;
import dev.reg.git.CommitResult;
import dev.reg.git.TagSpec;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.ContentHasher;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Workflow;
import dev.reg.semver.Version;
import dev.reg.util.Faults;
import dev.reg.yaml.YamlDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import dev.reg.git.GitId;

/**
 * {@code reg release}: gates the workflow's composite and records the decision. Shipped: a
 * {@code shipped} ledger entry, the decision memo (superseding the live release's), one commit
 * and the annotated tag {@code release/<workflow>/<n>} in the same atomic ref transaction. Held:
 * a {@code held} entry and the memo explaining why, no tag.
 */
public final class ReleaseService {

    private final Registry registry;
    private final Clock clock;
    private final ReleaseGate gate;

    public ReleaseService(Registry registry, Clock clock, ReleaseGate gate) {
        this.registry = registry;
        this.clock = clock;
        this.gate = gate;
    }

    /**
     * @param runId the eval run to gate on; empty: the one matching the composite's digests
     * @param force ship even when the gate does not pass; needs a {@code reason}
     * @param reason why (required with force), recorded in the ledger, the tag and the memo
     */
    public record ReleaseRequest(String workflow, Optional<String> runId, boolean force, String reason, boolean canary) {
        public ReleaseRequest(String workflow, Optional<String> runId, boolean force, String reason) {
            this(workflow, runId, force, reason, false);
        }
    }

    /** What {@code reg release} decided and wrote. {@code tag} is null when held; {@code canary}: it ships as a canary, not live. */
    public record ReleaseOutcome(String workflow, int release, Decision decision, String composite, String compositeShort,
            String digest, String tag, String memo, String superseded, String commit, GateReport gate, String reason, boolean canary) {
        public boolean shipped() {
            return decision != Decision.HOLD;
        }
    }

    public ReleaseOutcome release(ReleaseRequest req) {
        String wf = req.workflow();
        if (req.force() && (req.reason() == null || req.reason().isBlank())) {
            throw new BadInputException("--force needs --reason TEXT: the reason a failed gate is overruled is recorded in the"
                    + " ledger, the tag and the memo");
        }
        if (registry.headCommit().isEmpty()) {
            throw new BadInputException("the repository has no commits yet; nothing to release");
        }
        // a release decides on HEAD as committed, always: the composite, the gate, the evidence and the ledger
        RegistryView head = registry.head();
        Workflow workflow = head.config().workflow(wf);
        ReleaseSupport.requireClean(registry, List.of(RegistryLayout.REGISTRY), "releasing " + wf);
        Ledger ledger = Ledger.in(head, wf);
        if (ledger.frozen().isPresent()) {
            Freeze f = ledger.frozen().get();
            throw new RefusedException("workflow " + wf + " is frozen since " + f.since() + " by " + f.actor() + " (" + f.reason()
                    + "); nothing can be released until 'reg unfreeze " + wf + "'");
        }
        Optional<LedgerEntry> running = Releases.canary(ledger);
        if (running.isPresent()) {
            throw new RefusedException("release " + running.get().n() + " of " + wf + " is a canary; promote it ('reg promote " + wf + " "
                    + running.get().n() + "') or roll it back ('reg rollback " + wf + "') before the next release — nothing was changed");
        }
        CompositeService.CurrentComposite current = CompositeService.of(head, workflow);
        Composite composite = current.composite();
        Optional<LedgerEntry> live = Releases.live(ledger);
        if (live.isPresent() && live.get().digest().equals(composite.digest())) {
            throw new AlreadyPublishedException("nothing to release: the composite " + composite.longForm() + " is the live release "
                    + live.get().n() + " (same digest " + composite.digest() + ")",
                    "release " + live.get().n() + " by " + live.get().actor() + " at " + live.get().decided());
        }
        int n = ledger.nextNumber();
        String tag = RegistryLayout.releaseTag(wf, n);
        if (registry.refs().refExists(RegistryLayout.releaseTagRef(wf, n))) {
            throw new RefusedException("tag " + tag + " exists but the ledger has no release " + n
                    + "; the ledger and the tags disagree (run 'reg verify') — nothing was changed");
        }

        GateReport verdict = gate.evaluate(registry, wf, req.runId());
        Decision decision = verdict.ship() ? Decision.SHIP : req.force() ? Decision.FORCED : Decision.HOLD;
        boolean ships = decision != Decision.HOLD;
        boolean canary = ships && req.canary();
        Optional<LedgerEntry> lastGood = Releases.lastGood(ledger);

        AdrDirectory adrs = new AdrDirectory(registry.root());
        int number = adrs.nextNumber(head);
        String title = (canary ? "Canary " : "Release ") + wf + " " + n;
        String memoFile = AdrDirectory.fileName(number, title);
        String memoPath = adrs.path(memoFile);
        // a canary runs beside the live release: the live release's memo stands until the canary is promoted
        Optional<Adr> superseded = ships && !canary ? live.flatMap(l -> supersedable(adrs, head, l)) : Optional.empty();
        List<String> adrPaths = new ArrayList<>(List.of(memoPath));
        superseded.ifPresent(a -> adrPaths.add(adrs.path(a.file())));
        ReleaseSupport.requireClean(registry, adrPaths, "releasing " + wf);

        AdrService adrService = new AdrService(registry, clock);
        Map<String, Object> header = adrService.headerModel(number, title, ships ? "accepted" : "rejected", List.of("release", wf));
        Map<String, Object> model = DecisionMemos.memo(header, wf, n, decision, current, lastGood, live,
                changes(head, composite, lastGood), verdict, req.reason(), ships ? tag : null,
                superseded.map(List::of).orElse(List.of()), evidenceFiles(head, workflow, verdict));
        model.put("canary", canary);
        String memo = new AdrTemplates(registry.root()).render(AdrTemplates.MEMO, model, number);

        String at = ReleaseSupport.now(clock);
        String actor = registry.actor();
        // a canary's first event records that it started as one, so the ledger still says so once it is promoted or rolled back
        List<LedgerEvent> events = canary ? List.of(new LedgerEvent(ReleaseStatus.CANARY, at, actor, "canary beside the live release"
                + live.map(l -> " " + l.n()).orElse(""))) : List.of();
        LedgerEntry entry = new LedgerEntry(n, canary ? ReleaseStatus.CANARY : ships ? ReleaseStatus.SHIPPED : ReleaseStatus.HELD,
                composite.longForm(), composite.digest(), composite.components(), at, actor, verdict.runId(), verdict.ship() ? "pass" : "fail",
                memoPath, blankToNull(req.reason()), null, null, ships, events);
        Ledger updated = ledger.with(entry);

        Map<String, byte[]> writes = new LinkedHashMap<>();
        writes.put(Ledger.path(wf), updated.render().getBytes(StandardCharsets.UTF_8));
        writes.put(memoPath, memo.getBytes(StandardCharsets.UTF_8));
        Adr memoAdr = Adr.parse(number, memoFile, memo);
        superseded.ifPresent(a -> writes.put(adrs.path(a.file()), AdrEdits.supersededBy(a, memoAdr).getBytes(StandardCharsets.UTF_8)));

        Map<String, String> trailers = ReleaseSupport.trailers(wf, n, composite, decision, verdict.runId());
        trailers.put(Trailer.REASON.key(), blankToNull(req.reason()));
        String subject = (canary ? "canary " : ships ? "release " : "hold ") + wf + " " + n + ": " + decision.label()
                + (ships ? "" : " (the gate did not pass)");
        Map<String, String> commitTrailers = new LinkedHashMap<>(trailers);
        commitTrailers.put(Trailer.ACTOR.key(), actor);
        String commitMessage = ReleaseSupport.message(subject, composite.longForm() + "\n\nDecision memo: " + memoPath, commitTrailers);
        List<TagSpec> tags = ships
                ? List.of(new TagSpec(tag, ReleaseSupport.message((canary ? "Canary " : "Release ") + wf + " " + n, composite.longForm(),
                        trailers)))
                : List.of();
        Faults.check("release-before-publish");
        CommitResult done = registry.publish(new CommitRequest(head.commit().orElseThrow(), List.of(), writes, List.of(), commitMessage, tags));
        return new ReleaseOutcome(wf, n, decision, composite.longForm(), current.shortForm(), composite.digest().toString(),
                ships ? tag : null, memoPath, superseded.map(a -> adrs.path(a.file())).orElse(null), done.commit().name(), verdict,
                blankToNull(req.reason()), canary);
    }

    /** The live release's ADR, when it exists and is not already superseded: the new release's memo supersedes it. */
    static Optional<Adr> supersedable(AdrDirectory adrs, RegistryView head, LedgerEntry live) {
        if (live.adr() == null) {
            return Optional.empty();
        }
        return adrs.readPath(head, live.adr()).filter(a -> !a.status().equals("superseded"));
    }

    /** Each component's changelog entries since the version in the last good release (all of them for a new component). */
    private List<DecisionMemos.ComponentChange> changes(RegistryView head, Composite composite, Optional<LedgerEntry> lastGood) {
        List<DecisionMemos.ComponentChange> out = new ArrayList<>();
        for (ComponentVersion cv : composite.components()) {
            String artifact = cv.version().artifact().toString();
            Optional<String> before = lastGood.flatMap(g -> DecisionMemos.versionIn(g, artifact));
            Version now = cv.version().version();
            if (before.isPresent() && before.get().equals(now.toString())) {
                continue;
            }
            ArtifactManifest m = head.manifest(cv.version().artifact());
            Version from = before.map(ArtifactVersion::parseVersion).orElse(null);
            out.add(new DecisionMemos.ComponentChange(artifact, before.orElse("new"), now.toString(),
                    DecisionMemos.between(m.changelog(), from, now)));
        }
        return out;
    }

    /** The committed files the decision rests on, with the sha256 of their bytes: the gate file and the eval run. */
    private List<DecisionMemos.EvidenceFile> evidenceFiles(RegistryView head, Workflow workflow, GateReport verdict) {
        List<DecisionMemos.EvidenceFile> out = new ArrayList<>();
        String gatePath = RegistryLayout.gate(workflow);
        head.read(gatePath)
                .ifPresent(b -> out.add(new DecisionMemos.EvidenceFile("Gate file", gatePath, ContentHasher.hashBytes(b).toString())));
        for (String run : java.util.Arrays.asList(verdict.runId(), verdict.baselineRunId())) {
            if (!RegistryLayout.isRunId(run)) {
                continue;
            }
            String what = run.equals(verdict.runId()) ? "Eval run file" : "Baseline run file";
            for (String path : List.of(RegistryLayout.runFile(run), RegistryLayout.runFolder(run) + "/" + RegistryLayout.RUN_HEADER)) {
                Optional<byte[]> b = head.read(path);
                if (b.isPresent()) {
                    out.add(new DecisionMemos.EvidenceFile(what, path, ContentHasher.hashBytes(b.get()).toString()));
                    break;
                }
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
