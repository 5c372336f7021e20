package dev.reg.validate;

import dev.reg.registry.RegistryView;
import dev.reg.BadInputException;
import dev.reg.git.CommitHistory;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.Kind;
import dev.reg.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.reg.git.GitId;

/**
 * {@code reg validate}: every rule of DESIGN.md section 3 over the whole registry, or with a base
 * revision over what changed since it. The changed paths decide which artifacts, gates, ledgers
 * and ADRs are checked, so a change to one artifact among thousands costs about one artifact.
 */
public final class Validator {
    private final Registry registry;

    public Validator(Registry registry) {
        this.registry = registry;
    }

    public ValidationReport validate(ValidateRequest req) {
        Optional<String> baseRev = req.base().or(() -> req.staged() && registry.headCommit().isPresent() ? Optional.of("HEAD") : Optional.empty());
        RegistryView snapshot;
        if (req.staged()) {
            snapshot = registry.index();
        } else if (baseRev.isPresent()) {
            // a change is what its commits hold: the same answer locally and in CI, and no work-tree scan
            snapshot = registry.at(registry.headCommit().orElseThrow(() -> new BadInputException(
                    "--base compares the commits on this branch, and the repository has none yet")), "HEAD");
        } else {
            snapshot = registry.workTree();
        }
        String adrDir = AdrRules.adrDir(snapshot);
        List<String> prefixes = List.of(RegistryLayout.REGISTRY, adrDir, RegistryLayout.TEMPLATES, RegistryLayout.ADR_DIR_FILE);
        Optional<BaseInfo> base = baseRev.map(rev -> baseInfo(registry, rev, snapshot, req.staged(), prefixes));

        Context ctx = new Context(registry, snapshot, base);
        RegistryFileRules.Facts facts = new RegistryFileRules(ctx).check();
        Targets t = base.isPresent() ? Targets.changed(base.get().changed(), adrDir, facts.gateFiles())
                : Targets.all(snapshot, adrDir, facts.gateFiles());

        ArtifactRules artifacts = new ArtifactRules(ctx);
        VersionRules versions = new VersionRules(ctx);
        List<ArtifactRules.CheckedArtifact> checked = new ArrayList<>();
        for (Target a : t.artifacts) {
            artifacts.check(a.kind, a.name).ifPresent(c -> {
                versions.check(c);
                checked.add(c);
            });
        }
        if (base.isPresent() && req.remote().isPresent()) {
            new RemoteVersionRules(ctx, req.remote().get(), req.remoteSettings()).check(versions.newVersions(checked));
        } else if (req.remote().isPresent()) {
            throw new BadInputException("--remote checks the versions a change adds, so it needs --base (e.g. --base origin/main)");
        }
        GateRules gates = new GateRules(ctx);
        t.gates.forEach(gates::check);
        LedgerRules ledgers = new LedgerRules(ctx);
        t.ledgers.forEach(f -> ledgers.check(f, facts.workflows(), adrDir));
        if (!t.adrs.isEmpty()) {
            AdrRules adrs = new AdrRules(ctx, adrDir);
            Map<Integer, List<String>> numbers = adrs.byNumber();
            t.adrs.forEach(f -> adrs.check(f, numbers));
        }
        base.ifPresent(b -> checkEvalRunsUnchanged(ctx, b, t.evalPaths));
        base.ifPresent(b -> checkUnchanged(ctx, b, t.onlinePaths, Rule.ONLINE_READOUT_MODIFIED, "recorded online readouts are immutable"
                + " evidence", "record a new readout with --record"));

        return new ValidationReport(snapshot.describe(), baseRev, base.map(b -> b.mergeBase().name()),
                base.map(b -> b.changed().size()).orElse(-1),
                new ValidationReport.Scope(t.artifacts.size(), t.gates.size(), t.ledgers.size(), t.adrs.size(), t.evalPaths.size()),
                ctx.findings());
    }

    /**
     * The base revision: what the checked tree (HEAD, or the index) changes since its merge base
     * with {@code rev}, found by comparing tree ids so unchanged folders are skipped whole.
     */
    private static BaseInfo baseInfo(Registry registry, String rev, RegistryView checked, boolean staged, List<String> prefixes) {
        CommitHistory history = registry.history();
        GitId baseCommit = registry.refs().resolveCommit(rev)
                .orElseThrow(() -> new BadInputException("--base: no commit '" + rev + "' in this repository (fetch it first, e.g."
                        + " 'git fetch origin main', and in CI check out with full history: fetch-depth: 0)"));
        GitId head = registry.headCommit().orElse(null);
        GitId mergeBase = head == null ? baseCommit : history.mergeBase(baseCommit, head)
                .orElseThrow(() -> new BadInputException("--base: " + rev + " and HEAD share no history; nothing to compare with"
                        + " (in CI, check out with fetch-depth: 0)"));
        GitId checkedTree = checked.treeish().orElseThrow();
        Set<String> changed = history.changedPaths(mergeBase, checkedTree, prefixes);
        Set<String> uncommitted = !staged ? Set.of() : head == null ? changed : history.changedPaths(head, checkedTree, prefixes);
        return new BaseInfo(rev, mergeBase, head, changed, uncommitted);
    }

    /** Eval runs are immutable evidence: one that existed at the base may not change. */
    private static void checkEvalRunsUnchanged(Context ctx, BaseInfo base, List<String> evalPaths) {
        checkUnchanged(ctx, base, evalPaths, Rule.EVAL_RUN_MODIFIED, "eval runs are immutable evidence", "import new results as a new run");
    }

    /** Files that are immutable evidence: one of {@code paths} that existed at the base may not change. */
    private static void checkUnchanged(Context ctx, BaseInfo base, List<String> paths, Rule rule, String why, String instead) {
        for (String p : paths) {
            if (ctx.registry.at(base.mergeBase(), base.revision()).kind(p) != RegistryView.EntryKind.MISSING) {
                boolean gone = ctx.snapshot.kind(p) == RegistryView.EntryKind.MISSING;
                ctx.add(rule, p, 0, 0, p + " existed at " + base.revision() + " and was " + (gone ? "removed" : "changed")
                        + "; " + why + " — restore it ('git checkout " + base.revision() + " -- " + p + "') and " + instead);
            }
        }
    }

    private record Target(Kind kind, String name) {
    }

    /** What the rules run on: everything, or what the changed paths name. */
    private static final class Targets {
        final Set<Target> artifacts = new java.util.LinkedHashSet<>();
        final Set<String> gates = new java.util.LinkedHashSet<>();
        final List<String> ledgers = new ArrayList<>();
        final List<String> adrs = new ArrayList<>();
        final List<String> evalPaths = new ArrayList<>();
        final List<String> onlinePaths = new ArrayList<>();

        /** Gate files: those in registry/gates/ and any other file a workflow names as its gate. */
        static Targets all(RegistryView s, String adrDir, Set<String> namedGates) {
            Targets t = new Targets();
            for (Kind k : Kind.values()) {
                for (var e : s.children("registry/" + k.folder()).entrySet()) {
                    if (e.getValue() != RegistryView.EntryKind.FILE) {
                        t.artifacts.add(new Target(k, e.getKey()));
                    }
                }
            }
            s.children(GateRules.FOLDER).keySet().stream().filter(Targets::isYaml).forEach(n -> t.gates.add(GateRules.FOLDER + "/" + n));
            t.gates.addAll(namedGates);
            s.children(LedgerRules.FOLDER).keySet().stream().filter(Targets::isYaml).forEach(n -> t.ledgers.add(LedgerRules.FOLDER + "/" + n));
            s.children(adrDir).keySet().stream().filter(n -> AdrRules.FILE_NAME.matcher(n).matches()).forEach(n -> t.adrs.add(adrDir + "/" + n));
            return t;
        }

        static Targets changed(Set<String> paths, String adrDir, Set<String> namedGates) {
            Targets t = new Targets();
            for (String p : paths) {
                if (namedGates.contains(p)) {
                    t.gates.add(p);
                }
                String[] parts = p.split("/");
                if (parts[0].equals("registry") && parts.length >= 3) {
                    for (Kind k : Kind.values()) {
                        if (parts[1].equals(k.folder()) && parts.length >= 4) {
                            t.artifacts.add(new Target(k, parts[2]));
                        }
                    }
                    if (parts.length == 3 && isYaml(parts[2]) && (GateRules.FOLDER + "/" + parts[2]).equals(p)) {
                        t.gates.add(p);
                    }
                    if (parts.length == 3 && isYaml(parts[2]) && (LedgerRules.FOLDER + "/" + parts[2]).equals(p)) {
                        t.ledgers.add(p);
                    }
                    if (p.startsWith(EvalRuns.FOLDER + "/")) {
                        t.evalPaths.add(p);
                    }
                    if (p.startsWith(RegistryLayout.ONLINE + "/")) {
                        t.onlinePaths.add(p);
                    }
                }
                if (p.startsWith(adrDir + "/") && p.indexOf('/', adrDir.length() + 1) < 0
                        && AdrRules.FILE_NAME.matcher(p.substring(adrDir.length() + 1)).matches()) {
                    t.adrs.add(p);
                }
            }
            return t;
        }

        private static boolean isYaml(String name) {
            return name.endsWith(".yaml");
        }
    }
}
