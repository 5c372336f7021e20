package dev.reg.gate;

import dev.reg.BadInputException;
import dev.reg.eval.CaseReader;
import dev.reg.eval.EvalRunInfo;
import dev.reg.eval.EvalStore;
import dev.reg.eval.RunSubject;
import dev.reg.registry.Registry;
import dev.reg.registry.Workflow;
import dev.reg.release.ComponentVersion;
import dev.reg.release.Composite;
import dev.reg.release.CompositeService;
import dev.reg.release.Ledger;
import dev.reg.release.LedgerEntry;
import dev.reg.release.Releases;
import dev.reg.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code reg gate}: ship or hold a workflow's current composite on an eval run that measured exactly
 * it. A run whose component digests differ from the composite at HEAD is stale evidence and the gate
 * fails; the baseline for regression bars is the run of the last good release in the ledger (shipped,
 * and its composite not marked bad) unless one is named.
 */
public final class GateService {
    private final Registry registry;
    private final Map<dev.reg.registry.ArtifactId, Optional<dev.reg.registry.ArtifactManifest>> manifestsAtHead = new java.util.HashMap<>();
    private org.eclipse.jgit.lib.ObjectId head;

    public GateService(Registry registry) {
        this.registry = registry;
    }

    /**
     * @param runId the run to gate on; empty to use the newest run that measured the current composite
     * @param baselineRunId the baseline; empty for the run of the last good release
     */
    /**
     * Case ids that the candidate's datasets retired after the versions the baseline measured: their
     * changelog entries newer than the baseline's version list them under {@code retires}.
     */
    private java.util.Set<String> retiredSince(EvalRunInfo baseline, List<ComponentVersion> current) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (dev.reg.release.ComponentVersion c : current) {
            dev.reg.registry.ArtifactId id = c.version().artifact();
            if (id.kind() != dev.reg.registry.Kind.DATASET) {
                continue;
            }
            dev.reg.semver.Version measured = baseline.subject().components().stream()
                    .filter(b -> b.version().artifact().equals(id)).map(b -> b.version().version()).findFirst().orElse(null);
            manifestAtHead(id).ifPresent(manifest -> {
                for (dev.reg.registry.ChangelogEntry e : manifest.changelog()) {
                    dev.reg.semver.Version v = dev.reg.registry.ArtifactVersion.parseVersion(e.version());
                    if ((measured == null || v.compareTo(measured) > 0) && v.compareTo(c.version().version()) <= 0) {
                        out.addAll(e.retires());
                    }
                }
            });
        }
        return out;
    }

    /**
     * The artifact's manifest as committed at HEAD, read once per service: a report gates a thousand
     * stored runs with one service, and each would otherwise re-read and re-parse the dataset's manifest.
     */
    private Optional<dev.reg.registry.ArtifactManifest> manifestAtHead(dev.reg.registry.ArtifactId id) {
        return manifestsAtHead.computeIfAbsent(id, k -> {
            if (head == null) {
                head = registry.git().head().orElseThrow();
            }
            String path = registry.manifestPath(id);
            return registry.git().readFile(head, path)
                    .map(bytes -> dev.reg.registry.ArtifactManifest.read(dev.reg.yaml.YamlDocument.parse(bytes, path), id));
        });
    }

    public GateReport evaluate(String workflow, Optional<String> runId, Optional<String> baselineRunId) {
        Workflow wf = registry.config().workflow(workflow);
        Composite current = new CompositeService(registry).atHead(workflow).composite();
        String composite = current.longForm();
        String digest = current.digest().toString();
        GateFile gate = loadGate(wf);
        EvalStore store = new EvalStore(registry);

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
            Optional<LedgerEntry> shipped = lastGood(workflow);
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
     * is taken to measure its own subject (no staleness check against HEAD's composite), and the
     * baseline is the caller's (null for none).
     */
    public GateReport evaluateStored(String workflow, GateFile gate, EvalRunInfo run, EvalRunInfo baseline) {
        return decide(workflow, gate, run, baseline, run.subject().components(), new ArrayList<>(), run.subject().composite(),
                run.subject().digest().toString());
    }

    /** Evaluates the bars on {@code run} against {@code baseline}; ship when there is no finding and everything passed. */
    private GateReport decide(String workflow, GateFile gate, EvalRunInfo run, EvalRunInfo baseline, List<ComponentVersion> measured,
            List<String> findings, String composite, String digest) {
        EvalStore store = new EvalStore(registry);
        boolean needBaseline = baseline != null && gate.bars().stream().anyMatch(BarSpec::vsBaseline);
        GateEvaluator.Outcome outcome;
        try (CaseReader cand = store.openCases(run); CaseReader base = needBaseline ? store.openCases(baseline) : null) {
            outcome = new GateEvaluator(gate, run, needBaseline ? baseline : null,
                    needBaseline ? retiredSince(baseline, measured) : java.util.Set.of(), findings.isEmpty() ? null : findings.get(0))
                    .evaluate(cand, base);
        }
        findings.addAll(outcome.findings());
        boolean ship = findings.isEmpty() && outcome.bars().stream().allMatch(BarResult::pass)
                && outcome.mustPass().stream().allMatch(MustPassResult::pass);
        return new GateReport(workflow, run.id(), baseline == null ? null : baseline.id(), ship, outcome.bars(), outcome.mustPass(), findings,
                composite, digest);
    }

    /** The last good release: shipped, and no release with its composite marked bad. */
    private Optional<LedgerEntry> lastGood(String workflow) {
        // as committed, like the composite: an uncommitted edit of the ledger does not choose the baseline
        return Releases.lastGood(Ledger.loadAt(registry, workflow, registry.git().head().orElseThrow()));
    }

    private GateFile loadGate(Workflow wf) {
        String rel = "registry/" + wf.gate();
        Path registryDir = registry.root().resolve("registry").normalize();
        Path file = registry.root().resolve(rel).normalize();
        if (!file.startsWith(registryDir)) {
            throw new BadInputException("registry/registry.yaml: workflow " + wf.name() + ": gate '" + wf.gate() + "' points outside registry/");
        }
        if (!Files.exists(file)) {
            throw new BadInputException("workflow " + wf.name() + " has no gate file (" + rel + " does not exist); write its bars there");
        }
        return GateFile.read(YamlDocument.read(file, rel));
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
