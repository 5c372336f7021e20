package dev.reg.gate;

import dev.reg.BadInputException;
import dev.reg.composite.ComponentVersion;
import dev.reg.composite.Composite;
import dev.reg.composite.CompositeService;
import dev.reg.eval.CaseReader;
import dev.reg.eval.EvalRunInfo;
import dev.reg.eval.EvalStore;
import dev.reg.eval.RunSubject;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.Releases;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.ChangelogEntry;
import dev.reg.registry.Kind;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Workflow;
import dev.reg.semver.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code reg gate}: ship or hold a workflow's current composite on an eval run that measured exactly
 * it. A run whose component digests differ from the composite is stale evidence and the gate
 * fails; the baseline for regression bars is the run of the last good release in the ledger (shipped,
 * and its composite not marked bad) unless one is named.
 */
public final class GateService {
    private final RegistryView view;
    private final EvalStore store;
    private final Map<ArtifactId, Optional<ArtifactManifest>> manifests = new HashMap<>();

    /**
     * A gate that decides on {@code view}: the workflow's composite, its gate file, the eval runs and
     * the ledger all as stored there (a release passes HEAD as committed; {@code reg gate} the work tree).
     */
    public GateService(RegistryView view, EvalStore store) {
        this.view = view;
        this.store = store;
    }

    /** A gate deciding on the registry as committed at HEAD: what a release does. */
    public static GateService atHead(Registry registry) {
        return of(registry, registry.head());
    }

    /** A gate deciding on {@code view} of {@code registry}. */
    public static GateService of(Registry registry, RegistryView view) {
        return new GateService(view, EvalStore.of(registry, view));
    }

    /**
     * Case ids that the candidate's datasets retired after the versions the baseline measured: their
     * changelog entries newer than the baseline's version list them under {@code retires}.
     */
    private Set<String> retiredSince(EvalRunInfo baseline, List<ComponentVersion> current) {
        Set<String> out = new TreeSet<>();
        for (ComponentVersion c : current) {
            ArtifactId id = c.version().artifact();
            if (id.kind() != Kind.DATASET) {
                continue;
            }
            Version measured = baseline.subject().components().stream()
                    .filter(b -> b.version().artifact().equals(id)).map(b -> b.version().version()).findFirst().orElse(null);
            manifest(id).ifPresent(manifest -> {
                for (ChangelogEntry e : manifest.changelog()) {
                    Version v = ArtifactVersion.parseVersion(e.version());
                    if ((measured == null || v.compareTo(measured) > 0) && v.compareTo(c.version().version()) <= 0) {
                        out.addAll(e.retires());
                    }
                }
            });
        }
        return out;
    }

    /**
     * The artifact's manifest in the view, read once per service: a report gates a thousand stored
     * runs with one service, and each would otherwise re-read and re-parse the dataset's manifest.
     */
    private Optional<ArtifactManifest> manifest(ArtifactId id) {
        return manifests.computeIfAbsent(id, k -> view.hasArtifact(k) ? Optional.of(view.manifest(k)) : Optional.empty());
    }

    /**
     * @param runId the run to gate on; empty to use the newest run that measured the current composite
     * @param baselineRunId the baseline; empty for the run of the last good release
     */
    public GateReport evaluate(String workflow, Optional<String> runId, Optional<String> baselineRunId) {
        Workflow wf = view.config().workflow(workflow);
        Composite current = CompositeService.of(view, wf).composite();
        String composite = current.longForm();
        String digest = current.digest().toString();
        GateFile gate = gateFile(wf);

        EvalRunInfo run;
        if (runId.isPresent()) {
            run = store.load(runId.get());
            List<String> stale = staleness(run.subject(), current);
            if (!stale.isEmpty()) {
                List<String> findings = new ArrayList<>();
                findings.add("stale evidence: run " + run.id() + " measured " + run.subject().composite() + " (" + shortDigest(run.subject().digest().toString())
                        + "), but the current composite is " + composite + " (" + shortDigest(digest) + "): " + String.join("; ", stale));
                return new GateReport(workflow, run.id(), null, false, List.of(), List.of(), findings, composite, digest);
            }
        } else {
            Optional<EvalRunInfo> newest = store.list().stream().filter(r -> staleness(r.subject(), current).isEmpty()).findFirst();
            if (newest.isEmpty()) {
                return new GateReport(workflow, null, null, false, List.of(), List.of(),
                        List.of("no eval run for the current composite " + composite + " (" + shortDigest(digest) + "); import one with"
                                + " 'reg eval import FILE --workflow " + workflow + "'"), composite, digest);
            }
            run = newest.get();
        }

        List<String> findings = new ArrayList<>();
        EvalRunInfo baseline = null;
        if (baselineRunId.isPresent()) {
            baseline = store.load(baselineRunId.get());
        } else {
            Optional<LedgerEntry> shipped = Releases.lastGood(Ledger.in(view, workflow));
            if (shipped.isPresent() && shipped.get().runId().isPresent()) {
                Optional<EvalRunInfo> b = store.find(shipped.get().runId().get());
                if (b.isPresent()) {
                    baseline = b.get();
                } else if (gate.bars().stream().anyMatch(BarSpec::vsBaseline)) {
                    findings.add("release " + shipped.get().n() + " (the last shipped) was gated on run " + shipped.get().runId().get()
                            + ", which is not in " + EvalStore.FOLDER + ": no baseline to compare with");
                }
            }
        }
        return decide(workflow, gate, run, baseline, current.components(), findings, composite, digest);
    }

    /**
     * The gate's bars recomputed on a stored run as it stands, for a report of past releases: the run
     * is taken to measure its own subject (no staleness check against the view's composite), and the
     * baseline is the caller's (null for none).
     */
    public GateReport evaluateStored(String workflow, GateFile gate, EvalRunInfo run, EvalRunInfo baseline) {
        return decide(workflow, gate, run, baseline, run.subject().components(), new ArrayList<>(), run.subject().composite(),
                run.subject().digest().toString());
    }

    /** Evaluates the bars on {@code run} against {@code baseline}; ship when there is no finding and everything passed. */
    private GateReport decide(String workflow, GateFile gate, EvalRunInfo run, EvalRunInfo baseline, List<ComponentVersion> measured,
            List<String> findings, String composite, String digest) {
        boolean needBaseline = baseline != null && gate.bars().stream().anyMatch(BarSpec::vsBaseline);
        GateEvaluator.Outcome outcome;
        try (CaseReader cand = store.openCases(run); CaseReader base = needBaseline ? store.openCases(baseline) : null) {
            outcome = new GateEvaluator(gate, run, needBaseline ? baseline : null,
                    needBaseline ? retiredSince(baseline, measured) : Set.of(), findings.isEmpty() ? null : findings.get(0))
                    .evaluate(cand, base);
        }
        findings.addAll(outcome.findings());
        boolean ship = findings.isEmpty() && outcome.bars().stream().allMatch(BarResult::pass)
                && outcome.mustPass().stream().allMatch(MustPassResult::pass);
        return new GateReport(workflow, run.id(), baseline == null ? null : baseline.id(), ship, outcome.bars(), outcome.mustPass(), findings,
                composite, digest);
    }

    /** Where the workflow's gate file is: registry.yaml names it relative to registry/, and it may not point outside. */
    public static String gatePath(Workflow wf) {
        java.nio.file.Path p = java.nio.file.Path.of(RegistryLayout.REGISTRY).resolve(wf.gate()).normalize();
        if (!p.startsWith(RegistryLayout.REGISTRY) || p.isAbsolute()) {
            throw new BadInputException(RegistryLayout.CONFIG + ": workflow " + wf.name() + ": gate '" + wf.gate() + "' points outside registry/");
        }
        return p.toString().replace('\\', '/');
    }

    /** The workflow's gate file as stored in the view. */
    public GateFile gateFile(Workflow wf) {
        String rel = gatePath(wf);
        if (!view.isFile(rel)) {
            throw new BadInputException("workflow " + wf.name() + " has no gate file (" + rel + " does not exist); write its bars there"
                    + (view.commit().isPresent() ? " and commit them (the gate reads " + view.describe() + ")" : ""));
        }
        return GateFile.read(view.readYaml(rel));
    }

    /**
     * How the run's subject differs from the composite: one line per component whose digest differs,
     * that the run did not measure, or that is no longer in the composite. Empty when they match.
     */
    public static List<String> staleness(RunSubject subject, Composite current) {
        Map<String, ComponentVersion> measured = subject.components().stream()
                .collect(Collectors.toMap(c -> c.version().artifact().toString(), c -> c, (a, b) -> a));
        List<String> out = new ArrayList<>();
        for (ComponentVersion c : current.components()) {
            String artifact = c.version().artifact().toString();
            ComponentVersion m = measured.remove(artifact);
            if (m == null) {
                out.add(artifact + " was not measured");
            } else if (!m.digest().equals(c.digest())) {
                out.add(artifact + ": run measured " + m.version().version() + " (" + shortDigest(m.digest().toString()) + "), composite has "
                        + c.version().version() + " (" + shortDigest(c.digest().toString()) + ")");
            }
        }
        for (String extra : measured.keySet()) {
            out.add(extra + " is not a component of the composite");
        }
        return out;
    }

    private static String shortDigest(String d) {
        return d.length() > 19 ? d.substring(0, 19) : d;
    }
}
