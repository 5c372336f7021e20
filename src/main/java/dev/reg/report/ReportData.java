package dev.reg.report;

import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.doc.Adr;
import dev.reg.eval.EvalRunInfo;
import dev.reg.eval.EvalStore;
import dev.reg.gate.GateFile;
import dev.reg.gate.GateReport;
import dev.reg.gate.GateService;
import dev.reg.git.GitId;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryConfig;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Workflow;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.release.ReleaseQueries;
import dev.reg.release.ReleaseQueries.HistoryEvent;
import dev.reg.ledger.Releases;
import dev.reg.report.Report.AdrEntry;
import dev.reg.report.Report.BadMark;
import dev.reg.report.Report.CanaryBar;
import dev.reg.report.Report.CanaryReadout;
import dev.reg.report.Report.DriftReadout;
import dev.reg.report.Report.Finding;
import dev.reg.report.Report.Freeze;
import dev.reg.report.Report.GateHistory;
import dev.reg.report.Report.Release;
import dev.reg.report.Report.TimelineEvent;
import dev.reg.report.Report.WorkflowReport;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place {@code reg report} reads the registry: the ledger, gate file, online readouts and
 * ADRs as committed at HEAD (a report is a read of what was decided, not of edits in progress), and
 * the eval runs through {@link EvalStore} for the runs HEAD has. Everything after this is pure
 * rendering of the {@link Report} it returns; a registry "view" replaces the reads here and nowhere else.
 */
public final class ReportData {
    private static final Pattern ADR_FILE = Pattern.compile("([0-9]+)-[^/]*\\.md");
    private static final Pattern DATE = Pattern.compile("(?i)\\s*[-*+]\\s+date\\s*:\\s*(.*?)\\s*");
    private static final String GATE_METHOD = "each bar of the gate file at HEAD recomputed on the eval run the release was gated on, as"
            + " 'reg gate' computes it (95% intervals; a regression bar is the paired delta against the run of the last good release"
            + " before it); computed once per distinct run and baseline";
    /** How many releases a finding about missing runs names before it says "and N more". */
    private static final int NAMED = 5;

    private final Registry registry;
    /** HEAD as committed: everything the report shows is read from this one view. */
    private final RegistryView head;
    private final GitId headCommit;
    private final List<Finding> findings = new ArrayList<>();
    /** Runs HEAD has that could not be read: a finding of their own, not counted as missing. */
    private final Set<String> unreadable = new java.util.HashSet<>();

    private ReportData(Registry registry, GitId headCommit) {
        this.registry = registry;
        this.headCommit = headCommit;
        this.head = registry.at(headCommit, "HEAD as committed");
    }

    /**
     * The report of {@code workflows} (every workflow of registry.yaml when empty) at HEAD.
     *
     * @throws BadInputException for a workflow registry.yaml at HEAD does not have
     * @throws RefusedException when the repository has no commit or no registry at HEAD
     */
    public static Report collect(Registry registry, List<String> workflows) {
        GitId head = registry.headCommit()
                .orElseThrow(() -> new RefusedException("the registry has no commit yet: nothing to report (commit it, or run 'reg init')"));
        return new ReportData(registry, head).read(workflows);
    }

    private Report read(List<String> names) {
        if (!head.isFile(RegistryLayout.CONFIG)) {
            throw new RefusedException(RegistryLayout.CONFIG + " is not committed at HEAD: nothing to report");
        }
        RegistryConfig config = head.config();
        List<Workflow> workflows = new ArrayList<>();
        for (String name : names.isEmpty() ? List.copyOf(config.workflows().keySet()) : names) {
            workflows.add(config.workflow(name));
        }
        Map<String, AdrEntry> adrs = readAdrs();
        Map<String, String> memoOf = new HashMap<>();
        List<WorkflowReport> out = new ArrayList<>();
        for (Workflow wf : workflows) {
            out.add(workflow(wf, adrs, memoOf));
        }
        List<AdrEntry> index = new ArrayList<>();
        for (Map.Entry<String, AdrEntry> e : adrs.entrySet()) {
            AdrEntry a = e.getValue();
            index.add(new AdrEntry(a.number(), a.file(), a.title(), a.status(), a.date(), a.supersededBy(), a.supersedes(),
                    memoOf.get(e.getKey()), a.markdown()));
        }
        index.sort(Comparator.comparingInt(AdrEntry::number).thenComparing(AdrEntry::file));
        return new Report(Report.FORMAT, registry.root().getFileName().toString(), headCommit.name(), registry.history().commitTime(headCommit).toString(), out, index,
                findings);
    }

    private WorkflowReport workflow(Workflow wf, Map<String, AdrEntry> adrs, Map<String, String> memoOf) {
        String name = wf.name();
        Ledger ledger = Ledger.in(head, name);
        ReleaseQueries.History history = new ReleaseQueries(registry).history(name);
        List<TimelineEvent> timeline = new ArrayList<>();
        Map<Integer, String> decisions = new HashMap<>();
        for (HistoryEvent e : history.events()) {
            timeline.add(new TimelineEvent(e.at(), e.release(), e.event(), e.actor(), e.reason(), e.rollbackFrom(), e.rollbackTo()));
            if (e.release() != null) {
                // a release's first event is its decision: later status changes cannot precede it
                decisions.putIfAbsent(e.release(), e.event());
            }
        }
        List<Release> releases = new ArrayList<>();
        // a tagged release is live from its decision (a canary: its promotion, if any) until the next one goes live
        Map<Integer, String> liveFromOf = new HashMap<>();
        Map<Integer, String> liveUntilOf = new HashMap<>();
        LedgerEntry previousLive = null;
        for (LedgerEntry e : ledger.entries()) {
            Optional<String> from = Releases.liveSince(e).map(t -> Releases.wasCanary(e) ? t.toString() : e.decided());
            if (from.isPresent()) {
                liveFromOf.put(e.n(), from.get());
                if (previousLive != null) {
                    liveUntilOf.put(previousLive.n(), from.get());
                }
                previousLive = e;
            }
        }
        for (LedgerEntry e : ledger.entries()) {
            String liveFrom = liveFromOf.get(e.n());
            String liveUntil = liveUntilOf.get(e.n());
            String memoTitle = null;
            if (e.adr() != null) {
                AdrEntry memo = adrs.get(e.adr());
                if (memo == null) {
                    findings.add(new Finding(e.adr(), "the decision memo of " + name + " release " + e.n() + " is not committed at HEAD"));
                } else {
                    memoTitle = memo.title();
                    memoOf.putIfAbsent(e.adr(), name + "#" + e.n());
                }
            }
            releases.add(new Release(e.n(), decisions.getOrDefault(e.n(), e.status().label()), e.status().label(),
                    e.bad() == null ? null : new BadMark(e.bad().at(), e.bad().actor(), e.bad().reason()), e.composite(),
                    e.digest().toString(), e.decided(), e.actor(), e.run(), e.gate(), e.tagged(), e.rollbackFrom(), e.rollbackTo(), e.reason(),
                    liveFrom, liveUntil, e.adr(), memoTitle));
        }
        String gatePath = RegistryLayout.gate(wf);
        Optional<byte[]> gateBytes = head.read(gatePath);
        GateFile gate = null;
        List<CanaryBar> canaryBars = List.of();
        if (gateBytes.isPresent()) {
            try {
                YamlDocument doc = YamlDocument.parse(gateBytes.get(), gatePath);
                gate = GateFile.read(doc);
                canaryBars = canaryBars(doc.rootMap());
            } catch (BadInputException e) {
                findings.add(new Finding(gatePath, "not a readable gate file, so no gate metrics: " + e.getMessage()));
            }
        } else if (ledger.entries().stream().anyMatch(e -> e.run() != null)) {
            findings.add(new Finding(gatePath, "the gate file of " + name + " is not committed at HEAD: no gate metrics across releases"));
        }
        GateHistory gateHistory = gate == null ? new GateHistory(null, null, List.of()) : gateHistory(name, gatePath, gate, ledger);
        List<CanaryReadout> canaries = new ArrayList<>();
        List<DriftReadout> drift = new ArrayList<>();
        String folder = RegistryLayout.online(name);
        for (Map.Entry<String, RegistryView.EntryKind> f : head.children(folder).entrySet()) {
            if (!f.getKey().endsWith(".json") || f.getValue() != RegistryView.EntryKind.FILE) {
                continue;
            }
            String path = folder + "/" + f.getKey();
            OnlineReadouts.Parsed p = OnlineReadouts.parse(path, head.read(path).orElseThrow(), canaryBars);
            if (p.canary() != null) {
                canaries.add(p.canary());
            } else if (p.drift() != null) {
                drift.add(p.drift());
            } else if (p.finding() != null) {
                findings.add(p.finding());
            }
        }
        canaries.sort(Comparator.comparing((CanaryReadout c) -> c.at() == null ? "\uffff" : c.at()).thenComparing(CanaryReadout::file));
        drift.sort(Comparator.comparing((DriftReadout d) -> d.at() == null ? "\uffff" : d.at()).thenComparing(DriftReadout::file));
        Freeze frozen = ledger.frozen().map(f -> new Freeze(f.since(), f.actor(), f.reason())).orElse(null);
        return new WorkflowReport(name, wf.description(), history.live(), frozen, timeline, releases, gateHistory, canaries, drift);
    }

    /** Each release's run through the gate file at HEAD, once per distinct (run, baseline) pair. */
    private GateHistory gateHistory(String workflow, String gatePath, GateFile gate, Ledger ledger) {
        Set<String> committedRuns = head.children(EvalStore.FOLDER).keySet();
        EvalStore store = EvalStore.of(registry, head);
        GateService service = GateService.of(registry, head);
        GateSeriesBuilder series = new GateSeriesBuilder(gate);
        Map<String, Optional<EvalRunInfo>> runs = new HashMap<>();
        Map<String, GateReport> evaluated = new HashMap<>();
        Map<String, List<Integer>> missing = new TreeMap<>();
        for (LedgerEntry e : ledger.entries()) {
            if (e.run() == null) {
                continue;
            }
            Optional<EvalRunInfo> run = run(e.run(), committedRuns, store, runs);
            if (run.isEmpty()) {
                if (!unreadable.contains(e.run())) {
                    missing.computeIfAbsent(e.run(), k -> new ArrayList<>()).add(e.n());
                }
                continue;
            }
            EvalRunInfo baseline = Releases.lastGoodBefore(ledger, e.n()).flatMap(LedgerEntry::runId)
                    .flatMap(id -> run(id, committedRuns, store, runs)).orElse(null);
            String key = run.get().id() + "\u0000" + (baseline == null ? "" : baseline.id());
            try {
                GateReport report = evaluated.get(key);
                if (report == null) {
                    report = service.evaluateStored(workflow, gate, run.get(), baseline);
                    evaluated.put(key, report);
                }
                series.add(new GateSeriesBuilder.Evaluated(e.n(), report, run.get().metrics()));
            } catch (BadInputException ex) {
                findings.add(new Finding(run.get().path(), "release " + e.n() + " of " + workflow + ": its run cannot be gated: " + ex.getMessage()));
            }
        }
        if (!missing.isEmpty()) {
            List<String> named = new ArrayList<>();
            int releases = 0;
            for (Map.Entry<String, List<Integer>> m : missing.entrySet()) {
                for (int n : m.getValue()) {
                    if (named.size() < NAMED) {
                        named.add("#" + n + " (" + m.getKey() + ")");
                    }
                    releases++;
                }
            }
            findings.add(new Finding(EvalStore.FOLDER, releases + (releases == 1 ? " release" : " releases") + " of " + workflow
                    + " were gated on runs not committed at HEAD, so they have no gate metrics: " + String.join(", ", named)
                    + (releases > named.size() ? " and " + (releases - named.size()) + " more" : "")));
        }
        return new GateHistory(gatePath, GATE_METHOD, series.build());
    }

    /** The stored run {@code id} when HEAD has it (as {@code <id>.json} or {@code <id>/}); a run that cannot be read is a finding. */
    private Optional<EvalRunInfo> run(String id, Set<String> committed, EvalStore store, Map<String, Optional<EvalRunInfo>> cache) {
        return cache.computeIfAbsent(id, k -> {
            if (!committed.contains(id + ".json") && !committed.contains(id)) {
                return Optional.empty();
            }
            try {
                return store.find(id);
            } catch (BadInputException e) {
                findings.add(new Finding(EvalStore.filePath(id), "not a readable eval run: " + e.getMessage()));
                unreadable.add(id);
                return Optional.empty();
            }
        });
    }

    /** The gate file's pre-registered canary bars ({@code canary: bars:}), as far as they can be read. */
    private static List<CanaryBar> canaryBars(YamlMap root) {
        List<CanaryBar> out = new ArrayList<>();
        Optional<YamlMap> canary = root.optMap("canary");
        if (canary.isEmpty()) {
            return out;
        }
        for (YamlMap b : canary.get().mapList("bars")) {
            Optional<String> metric = b.optString("metric");
            if (metric.isEmpty()) {
                continue;
            }
            boolean relative = b.optBoolean("relative").orElse(false);
            for (String kind : List.of("min_uplift", "max_increase", "stop_loss")) {
                b.optNumber(kind).ifPresent(t -> out.add(new CanaryBar(metric.get(), kind, t, relative, null)));
            }
            if (b.optBoolean("no_regression").orElse(false)) {
                out.add(new CanaryBar(metric.get(), "no_regression", null, relative, null));
            }
        }
        return out;
    }

    /** Every ADR file at HEAD by repository path, in the folder {@code .adr-dir} names (else {@code adr/}). */
    private Map<String, AdrEntry> readAdrs() {
        String folder = head.read(RegistryLayout.ADR_DIR_FILE).map(b -> new String(b, StandardCharsets.UTF_8).strip())
                .map(f -> f.endsWith("/") ? f.substring(0, f.length() - 1) : f).filter(f -> !f.isEmpty() && !f.contains("..")).orElse(RegistryLayout.DEFAULT_ADR_FOLDER);
        Map<String, Adr> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, RegistryView.EntryKind> f : head.children(folder).entrySet()) {
            Matcher m = ADR_FILE.matcher(f.getKey());
            if (!m.matches() || f.getValue() != RegistryView.EntryKind.FILE) {
                continue;
            }
            String digits = m.group(1).replaceFirst("^0+(?=.)", "");
            int number = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            parsed.put(folder + "/" + f.getKey(), Adr.parse(number, f.getKey(), new String(head.read(folder + "/" + f.getKey()).orElseThrow(), StandardCharsets.UTF_8)));
        }
        Map<String, List<String>> supersedes = new HashMap<>();
        for (Adr a : parsed.values()) {
            a.supersededBy().map(ReportData::fileName).ifPresent(by -> supersedes.computeIfAbsent(by, k -> new ArrayList<>()).add(a.file()));
        }
        Map<String, AdrEntry> out = new LinkedHashMap<>();
        for (Map.Entry<String, Adr> e : parsed.entrySet()) {
            Adr a = e.getValue();
            String date = a.lines().stream().map(DATE::matcher).filter(Matcher::matches).map(x -> x.group(1)).findFirst().orElse(null);
            out.put(e.getKey(), new AdrEntry(a.number(), a.file(), a.title(), a.status(), date, a.supersededBy().map(ReportData::fileName).orElse(null),
                    supersedes.getOrDefault(a.file(), List.of()), null, a.text()));
        }
        return out;
    }

    private static String fileName(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
