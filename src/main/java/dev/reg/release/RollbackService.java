package dev.reg.release;

import dev.reg.registry.Trailer;
import dev.reg.registry.RegistryLayout;
import dev.reg.composite.ComponentVersion;
import dev.reg.composite.Composite;
import dev.reg.ledger.Freeze;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.ledger.ReleaseStatus;
import dev.reg.ledger.Releases;
import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.doc.Adr;
import dev.reg.doc.AdrDirectory;
import dev.reg.doc.AdrEdits;
import dev.reg.doc.AdrService;
import dev.reg.doc.AdrTemplates;
import dev.reg.git.CommitRequest;
import dev.reg.git.CommitResult;
import dev.reg.git.TreeFile;
import dev.reg.git.TagSpec;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryView;
import dev.reg.util.Faults;
import dev.reg.yaml.YamlDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import dev.reg.git.GitId;

/**
 * {@code reg rollback}: back to the last release that shipped and is not bad (or {@code --to N})
 * in one commit: each component's folder restored to its content at the component's version tag
 * (blobs reused from the object database, never loaded whole), the live release marked
 * rolled-back, a rollback entry in the ledger, an incident ADR, and the next release tag.
 * Planning reads the ledger once and a handful of objects per component, never one object per
 * release, so {@code --dry-run} costs the same with a thousand releases as with two.
 */
public final class RollbackService {
    private final Registry registry;
    private final Clock clock;

    public RollbackService(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Exactly what a rollback changes. When {@code nothingToDo} is set, only {@code message} and the
     * release numbers are meaningful. {@code blockedBy} lists uncommitted paths that would be
     * overwritten; the rollback refuses while it is not empty.
     */
    public record RollbackPlan(String workflow, boolean nothingToDo, String message, int from, String fromComposite, String fromDigest,
            int to, String toComposite, String toDigest, int release, String tag, String ledger, String incidentAdr,
            String supersededAdr, List<ComponentRestore> components, List<String> blockedBy) {
    }

    /** One component's folder going back to the content of its version tag. */
    public record ComponentRestore(String artifact, String folder, String fromVersion, String toVersion, String sourceTag,
            List<FileRestore> files) {
    }

    /** A file the rollback writes ({@code restore}, with the blob it gets) or deletes. */
    public record FileRestore(String path, String action, String blob) {
    }

    /** What a rollback did: its plan and the commit (null when there was nothing to do). */
    public record RollbackOutcome(RollbackPlan plan, String commit) {
    }

    private record Prepared(RollbackPlan plan, Ledger ledger, LedgerEntry from, LedgerEntry to, GitId head,
            Map<String, TreeFile> copies, List<String> deletes, Optional<Adr> superseded, int adrNumber, String adrTitle) {
    }

    public RollbackPlan plan(String workflow, Optional<Integer> to) {
        return prepare(workflow, to).plan();
    }

    /**
     * What an automated rollback ({@code reg watch --apply}, {@code reg canary --record --apply}) adds to
     * the rollback's one commit: the evidence lines of the incident ADR, readout files to record, and a
     * freeze of the workflow (null: none).
     */
    public record Additions(List<String> evidence, Map<String, byte[]> files, Freeze freeze) {
        public static final Additions NONE = new Additions(List.of(), Map.of(), null);

        public Additions {
            evidence = List.copyOf(evidence);
            files = Map.copyOf(files);
        }
    }

    public RollbackOutcome rollback(String workflow, Optional<Integer> to, String reason) {
        return rollback(workflow, to, reason, Additions.NONE);
    }

    public RollbackOutcome rollback(String workflow, Optional<Integer> to, String reason, Additions additions) {
        Prepared p = prepare(workflow, to);
        RollbackPlan plan = p.plan();
        if (plan.nothingToDo()) {
            return new RollbackOutcome(plan, null);
        }
        if (!plan.blockedBy().isEmpty()) {
            ReleaseSupport.requireClean(registry, plan.blockedBy(), "rolling back " + workflow);
        }
        if (!additions.files().isEmpty()) {
            ReleaseSupport.requireClean(registry, additions.files().keySet(), "rolling back " + workflow);
        }
        Faults.check("rollback-planned");
        String at = ReleaseSupport.now(clock);
        String actor = registry.actor();
        String why = reason == null || reason.isBlank() ? null : reason.strip();

        AdrService adrService = new AdrService(registry, clock);
        Map<String, Object> header = adrService.headerModel(p.adrNumber(), p.adrTitle(), "accepted",
                List.of("incident", "rollback", workflow));
        Map<String, Object> model = DecisionMemos.incident(header, workflow, plan.release(), at, p.from(), p.to(), to.isPresent(), why,
                plan.tag(), p.superseded().map(List::of).orElse(List.of()));
        model.put("evidence", additions.evidence());
        model.put("hasEvidence", !additions.evidence().isEmpty());
        String incident = new AdrTemplates(registry.root()).render(AdrTemplates.INCIDENT, model, p.adrNumber());
        String incidentFile = plan.incidentAdr().substring(plan.incidentAdr().lastIndexOf('/') + 1);

        LedgerEntry rolledBack = p.from().withStatus(ReleaseStatus.ROLLED_BACK, new LedgerEvent(ReleaseStatus.ROLLED_BACK, at, actor,
                why == null ? "rolled back to release " + p.to().n() : why));
        LedgerEntry entry = new LedgerEntry(plan.release(), ReleaseStatus.SHIPPED, p.to().composite(), p.to().digest(),
                p.to().components(), at, actor, p.to().run(), null, plan.incidentAdr(), why, p.from().n(), p.to().n(), true, List.of());
        Ledger updated = p.ledger().with(rolledBack).with(entry);
        if (additions.freeze() != null && updated.frozen().isEmpty()) {
            updated = updated.frozenBy(additions.freeze());
        }

        Map<String, byte[]> writes = new LinkedHashMap<>();
        writes.put(plan.ledger(), updated.render().getBytes(StandardCharsets.UTF_8));
        writes.put(plan.incidentAdr(), incident.getBytes(StandardCharsets.UTF_8));
        writes.putAll(additions.files());
        Adr incidentAdr = Adr.parse(p.adrNumber(), incidentFile, incident);
        p.superseded().ifPresent(a -> writes.put(plan.supersededAdr(),
                AdrEdits.supersededBy(a, incidentAdr).getBytes(StandardCharsets.UTF_8)));

        Composite composite = new Composite(workflow, p.to().components());
        Map<String, String> trailers = ReleaseSupport.trailers(workflow, plan.release(), composite, Decision.ROLLBACK, p.to().run());
        trailers.put(Trailer.ROLLBACK_FROM.key(), Integer.toString(p.from().n()));
        trailers.put(Trailer.ROLLBACK_TO.key(), Integer.toString(p.to().n()));
        trailers.put(Trailer.REASON.key(), why);
        Map<String, String> commitTrailers = new LinkedHashMap<>();
        commitTrailers.put(Trailer.ROLLBACK.key(), workflow + "/" + plan.release());
        commitTrailers.putAll(trailers);
        commitTrailers.put(Trailer.ACTOR.key(), actor);
        String subject = "rollback " + workflow + ": release " + p.from().n() + " -> release " + p.to().n() + " (as release "
                + plan.release() + ")";
        String commitMessage = ReleaseSupport.message(subject, p.to().composite() + "\n\nIncident record: " + plan.incidentAdr(),
                commitTrailers);
        TagSpec tag = new TagSpec(plan.tag(), ReleaseSupport.message("Roll back " + workflow + " to release " + p.to().n()
                + " (release " + plan.release() + ")", p.to().composite(), trailers));
        Faults.check("rollback-rendered");
        CommitResult done = registry.publish(new CommitRequest(p.head(), List.of(), writes, p.deletes(), commitMessage,
                List.of(tag), p.copies()));
        return new RollbackOutcome(plan, done.commit().name());
    }

    private Prepared prepare(String workflow, Optional<Integer> toN) {
        List<ArtifactId> configured = registry.config().workflow(workflow).components();
        // nothing to roll back (to) is the repository's state, not the user's mistake: exit 3
        GitId head = registry.headCommit()
                .orElseThrow(() -> new RefusedException("the repository has no commits yet; nothing to roll back"));
        RegistryView atHead = registry.at(head, "HEAD as committed");
        Ledger ledger = Ledger.in(atHead, workflow);
        // a running canary is what a rollback ends (the live release beside it is then the usual target)
        LedgerEntry live = Releases.current(ledger).orElseThrow(() -> new RefusedException(
                "nothing to roll back: workflow " + workflow + " has no live release (" + Ledger.path(workflow) + ")"));
        LedgerEntry target = toN.isPresent() ? explicitTarget(ledger, workflow, toN.get())
                : Releases.lastGoodBefore(ledger, live.n()).orElseThrow(() -> new RefusedException(
                        "nothing to roll back to: release " + live.n() + " is live and no earlier release shipped with a composite"
                                + " that is not marked bad (see 'reg history " + workflow + "'); nothing was changed"));
        if (target.n() == live.n() || target.digest().equals(live.digest())) {
            String msg = target.n() == live.n()
                    ? "nothing to do: release " + live.n() + " is the live release"
                    : "nothing to do: the live release " + live.n() + " already has the composite of release " + target.n()
                            + " (" + target.composite() + ")";
            return new Prepared(new RollbackPlan(workflow, true, msg, live.n(), live.composite(), live.digest().toString(), target.n(),
                    target.composite(), target.digest().toString(), 0, null, Ledger.path(workflow), null, null, List.of(), List.of()),
                    ledger, live, target, head, Map.of(), List.of(), Optional.empty(), 0, null);
        }
        Set<ArtifactId> targetIds = new HashSet<>();
        target.components().forEach(c -> targetIds.add(c.version().artifact()));
        if (!targetIds.equals(new HashSet<>(configured))) {
            throw new BadInputException("workflow " + workflow + " now has components " + configured + " but release " + target.n()
                    + " had " + target.components().stream().map(c -> c.version().artifact()).toList()
                    + "; restore registry/registry.yaml's workflow first");
        }

        Map<String, TreeFile> copies = new TreeMap<>();
        List<String> deletes = new ArrayList<>();
        List<ComponentRestore> restores = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        for (ComponentVersion cv : target.components()) {
            ArtifactId id = cv.version().artifact();
            String folder = id.folder();
            RegistryView source = registry.atTag(cv.version());
            String manifestPath = RegistryLayout.manifest(id);
            ArtifactManifest tagged = source.manifest(id);
            if (tagged.digest().isEmpty() || !tagged.digest().get().equals(cv.digest())) {
                throw new BadInputException("tag " + cv.version() + " records digest " + tagged.digest().map(Object::toString).orElse("none")
                        + " but release " + target.n() + " recorded " + cv.digest() + "; run 'reg verify' before rolling back");
            }
            String fromVersion = atHead.hasArtifact(id) ? atHead.manifest(id).version().toString() : "absent";
            Map<String, TreeFile> want = source.storedFiles(folder);
            Map<String, TreeFile> have = atHead.storedFiles(folder);
            List<FileRestore> files = new ArrayList<>();
            for (Map.Entry<String, TreeFile> w : want.entrySet()) {
                TreeFile h = have.get(w.getKey());
                if (h == null || !h.blob().equals(w.getValue().blob()) || h.mode() != w.getValue().mode()) {
                    if (!w.getValue().isRegularFile()) {
                        throw new BadInputException(folder + "/" + w.getKey() + " at tag " + cv.version()
                                + " is not a regular file; reg restores plain files only");
                    }
                    copies.put(folder + "/" + w.getKey(), w.getValue());
                    files.add(new FileRestore(folder + "/" + w.getKey(), "restore", w.getValue().blob().name()));
                }
            }
            for (String h : have.keySet()) {
                if (!want.containsKey(h)) {
                    deletes.add(folder + "/" + h);
                    files.add(new FileRestore(folder + "/" + h, "delete", null));
                }
            }
            restores.add(new ComponentRestore(id.toString(), folder, fromVersion, cv.version().version().toString(),
                    cv.version().tagName(), files));
            touched.add(folder);
        }

        AdrDirectory adrs = new AdrDirectory(registry.root());
        int number = adrs.nextNumber(atHead);
        String title = "Roll back " + workflow + " release " + live.n() + " to release " + target.n();
        String incidentPath = adrs.path(AdrDirectory.fileName(number, title));
        Optional<Adr> superseded = ReleaseService.supersedable(adrs, atHead, live);
        int release = ledger.nextNumber();
        touched.add(Ledger.path(workflow));
        touched.add(incidentPath);
        superseded.ifPresent(a -> touched.add(adrs.path(a.file())));
        List<String> blocked = registry.status().uncommittedPaths(touched);
        RollbackPlan plan = new RollbackPlan(workflow, false, "roll back release " + live.n() + " to release " + target.n(),
                live.n(), live.composite(), live.digest().toString(), target.n(), target.composite(), target.digest().toString(),
                release, RegistryLayout.releaseTag(workflow, release), Ledger.path(workflow), incidentPath,
                superseded.map(a -> adrs.path(a.file())).orElse(null), restores, blocked);
        return new Prepared(plan, ledger, live, target, head, copies, deletes, superseded, number, title);
    }

    /**
     * Release {@code n} as the rollback target. A release that does not exist is bad input (exit 2);
     * one the ledger rules out — never shipped, marked bad, or sharing a bad release's composite —
     * is refused by the repository's state (exit 3).
     */
    private static LedgerEntry explicitTarget(Ledger ledger, String workflow, int n) {
        LedgerEntry e = ledger.entry(n).orElseThrow(() -> new BadInputException("--to " + n + ": workflow " + workflow
                + " has no release " + n + " (see 'reg history " + workflow + "')"));
        if (!e.tagged()) {
            throw new RefusedException("--to " + n + ": release " + n + " was " + e.status().label()
                    + ", it never shipped; nothing was changed");
        }
        if (e.isBad()) {
            throw new RefusedException("--to " + n + ": release " + n + " is marked bad (" + e.bad().describe()
                    + "); a release marked bad is never a rollback target — nothing was changed");
        }
        Optional<LedgerEntry> bad = Releases.markedBad(ledger, e.digest());
        if (bad.isPresent()) {
            throw new RefusedException("--to " + n + ": release " + n + " has the composite of release " + bad.get().n()
                    + ", which is marked bad (" + bad.get().bad().describe() + "); the same composite digest " + e.digest()
                    + " is never a rollback target — nothing was changed");
        }
        return e;
    }
}
