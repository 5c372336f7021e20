package dev.reg.release;

import dev.reg.composite.ComponentVersion;
import dev.reg.composite.Composite;
import dev.reg.composite.CompositeService;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.gate.BarLine;
import dev.reg.gate.BarResult;
import dev.reg.gate.GateReport;
import dev.reg.gate.MustPassResult;
import dev.reg.stats.Numbers;
import dev.reg.doc.Adr;
import dev.reg.doc.AdrService;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.ChangelogEntry;
import dev.reg.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The variables the memo and incident templates see (documented in docs/release.md). Values are
 * plain strings, numbers, booleans, maps and lists, formatted here so templates stay logic-less.
 */
final class DecisionMemos {
    /** Metric names that make a bar a safety outcome in the memo. */
    private static final List<String> SAFETY = List.of("severity", "guardrail", "safety", "toxic", "jailbreak", "pii", "harm");
    /** Metric names that make a bar a cost or latency outcome in the memo. */
    private static final List<String> COST_LATENCY = List.of("cost", "latency", "token");

    private DecisionMemos() {
    }

    /** One component's changelog entries between the last good release and the candidate. */
    record ComponentChange(String artifact, String from, String to, List<ChangelogEntry> entries) {
    }

    /** A source file of the evidence: repository path and sha256 of its committed bytes. */
    record EvidenceFile(String what, String path, String sha256) {
    }

    static Map<String, Object> memo(Map<String, Object> header, String workflow, int release, Decision decision,
            CompositeService.CurrentComposite current, Optional<LedgerEntry> lastGood, Optional<LedgerEntry> live,
            List<ComponentChange> changes, GateReport verdict, String reason, String tag, List<Adr> supersedes,
            List<EvidenceFile> files) {
        Map<String, Object> m = new LinkedHashMap<>(header);
        Composite c = current.composite();
        m.put("workflow", workflow);
        m.put("release", release);
        m.put("decision", decision.label());
        m.put("composite", c.longForm());
        m.put("compositeShort", current.shortForm());
        m.put("digest", c.digest().toString());
        List<Map<String, Object>> components = new ArrayList<>();
        for (ComponentVersion cv : c.components()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("artifact", cv.version().artifact().toString());
            row.put("version", cv.version().version().toString());
            row.put("lastGoodVersion", lastGood.flatMap(g -> versionIn(g, cv.version().artifact().toString())).orElse("new"));
            row.put("digest", cv.digest().toString());
            components.add(row);
        }
        m.put("components", components);
        m.put("lastGood", lastGood.map(DecisionMemos::releaseRef).orElse(null));
        m.put("live", live.map(DecisionMemos::releaseRef).orElse(null));
        List<Map<String, Object>> changeRows = new ArrayList<>();
        for (ComponentChange ch : changes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("artifact", ch.artifact());
            row.put("from", ch.from());
            row.put("to", ch.to());
            List<Map<String, Object>> entries = new ArrayList<>();
            for (ChangelogEntry e : ch.entries()) {
                entries.add(Map.of("version", e.version(), "date", e.date(), "summary", e.summary()));
            }
            row.put("entries", entries);
            changeRows.add(row);
        }
        m.put("changes", changeRows);
        m.put("run", verdict.runId());
        m.put("baselineRun", verdict.baselineRunId());
        List<Map<String, Object>> gate = new ArrayList<>();
        List<Map<String, Object>> safety = new ArrayList<>();
        List<Map<String, Object>> costLatency = new ArrayList<>();
        for (BarResult r : verdict.bars()) {
            Map<String, Object> row = row(r);
            gate.add(row);
            String metric = r.metric() == null ? "" : r.metric().toLowerCase(Locale.ROOT);
            if (SAFETY.stream().anyMatch(metric::contains)) {
                safety.add(row);
            } else if (COST_LATENCY.stream().anyMatch(metric::contains)) {
                costLatency.add(row);
            }
        }
        m.put("gate", gate);
        m.put("hasGate", !gate.isEmpty());
        m.put("safety", safety);
        m.put("costLatency", costLatency);
        List<Map<String, Object>> mustPass = new ArrayList<>();
        for (MustPassResult mp : verdict.mustPass()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("caseId", mp.caseId());
            row.put("pass", mp.pass());
            row.put("result", mp.pass() ? "pass" : "FAIL");
            row.put("reason", blankToNull(mp.reason()));
            mustPass.add(row);
        }
        m.put("mustPass", mustPass);
        m.put("findings", verdict.findings());
        m.put("hasFindings", !verdict.findings().isEmpty());
        List<Map<String, Object>> evidence = new ArrayList<>();
        if (verdict.runId() != null) {
            evidence.add(evidence("Eval run", verdict.runId(), null));
        }
        if (verdict.baselineRunId() != null) {
            evidence.add(evidence("Baseline run", verdict.baselineRunId(), null));
        }
        for (EvidenceFile f : files) {
            evidence.add(evidence(f.what(), f.path(), f.sha256()));
        }
        evidence.add(evidence("Composite digest", c.digest().toString(), null));
        for (ComponentVersion cv : c.components()) {
            evidence.add(evidence(cv.version().toString(), cv.digest().toString(), null));
        }
        m.put("evidence", evidence);
        boolean shipped = decision != Decision.HOLD;
        m.put("shipped", shipped);
        m.put("canary", false);
        m.put("forced", decision == Decision.FORCED);
        m.put("reason", blankToNull(reason));
        m.put("chosen", (shipped ? "Ship release " : "Hold release ") + release);
        m.put("because", because(decision, verdict, String.valueOf(header.get("deciders")), blankToNull(reason)));
        m.put("tag", tag);
        m.put("rollback", lastGood.map(g -> {
            Map<String, Object> r = releaseRef(g);
            r.put("command", "reg rollback " + workflow + " --to " + g.n());
            return r;
        }).orElse(null));
        m.put("supersedes", supersedes.stream().map(AdrService::reference).toList());
        return m;
    }

    /** @param chosen whether the target was named with {@code --to} rather than found as the last good release */
    static Map<String, Object> incident(Map<String, Object> header, String workflow, int release, String at, LedgerEntry from,
            LedgerEntry to, boolean chosen, String reason, String tag, List<Adr> supersedes) {
        Map<String, Object> m = new LinkedHashMap<>(header);
        m.put("workflow", workflow);
        m.put("release", release);
        m.put("at", at);
        m.put("from", from.n());
        m.put("to", to.n());
        m.put("fromComposite", from.composite());
        m.put("fromDigest", from.digest().toString());
        m.put("toComposite", to.composite());
        m.put("toDigest", to.digest().toString());
        m.put("reason", blankToNull(reason));
        List<Map<String, Object>> marks = new ArrayList<>();
        for (LedgerEvent e : from.events()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", from.n());
            row.put("status", e.status().label());
            row.put("actor", AdrService.actorName(e.actor()));
            row.put("at", e.at());
            row.put("reason", blankToNull(e.reason()));
            marks.add(row);
        }
        m.put("marks", marks);
        List<Map<String, Object>> components = new ArrayList<>();
        for (ComponentVersion cv : to.components()) {
            String artifact = cv.version().artifact().toString();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("artifact", artifact);
            row.put("from", versionIn(from, artifact).orElse("absent"));
            row.put("to", cv.version().version().toString());
            components.add(row);
        }
        m.put("components", components);
        m.put("tag", tag);
        String why = chosen
                ? "release " + to.n() + " was chosen with --to " + to.n() + ": it shipped, and neither it nor any release with its"
                        + " composite is marked bad"
                : "release " + to.n() + " is the last release before release " + from.n() + " that shipped and whose composite"
                        + " is not marked bad";
        m.put("because", reason == null || reason.isBlank() ? why + "." : why + ", and: " + reason);
        m.put("supersedes", supersedes.stream().map(AdrService::reference).toList());
        return m;
    }

    /**
     * Why the option was chosen, in one sentence that stands on its own (a user's template may show
     * nothing else): a forced release says that the gate did not pass, who forced it and why.
     */
    static String because(Decision decision, GateReport verdict, String decider, String reason) {
        if (decision == Decision.SHIP) {
            return "every pass bar and must-pass case of the gate passed on eval run " + verdict.runId() + ".";
        }
        List<String> failed = new ArrayList<>();
        for (BarResult r : verdict.bars().stream().filter(b -> !b.pass()).toList()) {
            failed.add(BarLine.of(r));
        }
        for (MustPassResult mp : verdict.mustPass().stream().filter(m -> !m.pass()).toList()) {
            failed.add("must-pass case " + mp.caseId() + " failed");
        }
        if (failed.isEmpty()) {
            failed.addAll(verdict.findings());
        }
        if (decision == Decision.FORCED) {
            return decider + " forced the release although the gate did not pass"
                    + (failed.isEmpty() ? "" : " (" + String.join("; ", failed) + ")") + (reason == null ? "." : ", with the reason: " + reason);
        }
        return (failed.isEmpty() ? "the gate did not pass" : "the gate did not pass: " + String.join("; ", failed)) + ".";
    }

    private static Map<String, Object> row(BarResult r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("metric", r.metric());
        row.put("aggregation", r.aggregation());
        row.put("where", blankToNull(r.where()));
        row.put("value", Numbers.brief(r.value()));
        row.put("n", r.n());
        row.put("bar", r.bar());
        row.put("baseline", Numbers.brief(r.baseline()));
        row.put("delta", Numbers.signed(r.delta()));
        // a row with a delta has the delta's interval, signed like the delta; otherwise it is the value's, unsigned
        java.util.function.Function<Double, String> bound = r.delta() != null ? Numbers::signed : Numbers::brief;
        row.put("interval", r.intervalLow() == null || r.intervalHigh() == null ? "—"
                : bound.apply(r.intervalLow()) + " to " + bound.apply(r.intervalHigh()));
        row.put("pass", r.pass());
        row.put("result", r.pass() ? "pass" : "FAIL");
        row.put("note", r.note() == null ? "" : r.note());
        return row;
    }

    private static Map<String, Object> evidence(String what, String value, String detail) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("what", what);
        e.put("value", value);
        e.put("detail", detail);
        return e;
    }

    private static Map<String, Object> releaseRef(LedgerEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", e.n());
        m.put("composite", e.composite());
        m.put("digest", e.digest().toString());
        return m;
    }

    static Optional<String> versionIn(LedgerEntry e, String artifact) {
        return e.components().stream().filter(c -> c.version().artifact().toString().equals(artifact))
                .map(c -> c.version().version().toString()).findFirst();
    }

    /** Changelog entries of {@code changelog} newer than {@code from} up to and including {@code to}, newest first. */
    static List<ChangelogEntry> between(List<ChangelogEntry> changelog, Version from, Version to) {
        List<ChangelogEntry> out = new ArrayList<>();
        for (ChangelogEntry e : changelog) {
            try {
                Version v = ArtifactVersion.parseVersion(e.version());
                if ((from == null || v.compareTo(from) > 0) && v.compareTo(to) <= 0) {
                    out.add(e);
                }
            } catch (RuntimeException ex) {
                // a malformed entry is reg validate's business; the memo lists what it can read
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
