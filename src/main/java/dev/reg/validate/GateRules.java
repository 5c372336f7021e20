package dev.reg.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.BadInputException;
import dev.reg.gate.GateFile;
import dev.reg.online.CanarySpec;
import dev.reg.online.DriftSpec;
import dev.reg.online.SloSpec;
import dev.reg.yaml.YamlMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code registry/gates/<workflow>.yaml}: the schema, bars that can be evaluated, metrics that exist. */
final class GateRules {
    static final String FOLDER = "registry/gates";
    /** Case fields every eval run carries, whatever metrics it declares. */
    static final Set<String> CASE_FIELDS = Set.of("pass", "error", "errors", "latency_ms", "cost_usd", "tokens", "severity",
            "guardrail_pass");

    private final Context ctx;

    GateRules(Context ctx) {
        this.ctx = ctx;
    }

    void check(String file) {
        var loaded = ctx.load(file);
        if (loaded.isEmpty()) {
            return;
        }
        Context.LoadedYaml y = loaded.get();
        if (!ctx.conforms(y, SchemaCheck.GATE)) {
            return; // the schema findings say what to fix first
        }
        checkBars(y);
        List<JsonNode> bars = Context.items(y.root(), "gates");
        for (int i = 0; i < bars.size(); i++) {
            String at = YamlJson.child("/gates", i);
            Context.text(bars.get(i), "metric").ifPresent(metric -> checkMetric(y, metric, YamlJson.child(at, "metric")));
        }
    }

    /**
     * The bars as {@code reg gate} reads them, and the canary:, drift: and slo: sections as
     * {@code reg canary}, {@code reg drift} and {@code reg budget} read them: each reader decides what
     * is valid, so a file validate accepts is a file the commands can use. The first complaint of each
     * reader becomes a finding.
     */
    private void checkBars(Context.LoadedYaml y) {
        parse(y, () -> GateFile.read(y.doc()));
        YamlMap root = y.doc().rootMap();
        parse(y, () -> root.optMap("canary").ifPresent(CanarySpec::read));
        parse(y, () -> root.optMap("drift").ifPresent(DriftSpec::read));
        parse(y, () -> root.optMap("slo").ifPresent(SloSpec::read));
    }

    private void parse(Context.LoadedYaml y, Runnable reader) {
        try {
            reader.run();
        } catch (BadInputException e) {
            int line = e.line() > 0 ? e.line() : 1;
            ctx.add(Rule.GATE_INVALID, y.file(), line, 1, e.detail() != null ? e.detail() : e.getMessage());
        }
    }

    private void checkMetric(Context.LoadedYaml y, String metric, String at) {
        if (CASE_FIELDS.contains(metric)) {
            return;
        }
        Set<String> declared = ctx.evalRuns().declaredMetrics();
        if (declared.contains(metric)) {
            return;
        }
        if (ctx.evalRuns().count() == 0) {
            ctx.add(new Finding(Rule.GATE_UNKNOWN_METRIC, Severity.WARNING, y.file(), y.json().line(at), y.json().column(at),
                    "metric '" + metric + "' cannot be checked yet: no eval run under " + EvalRuns.FOLDER
                            + "/ declares metrics (import one with 'reg eval import')"));
            return;
        }
        Set<String> known = new TreeSet<>(declared);
        known.addAll(CASE_FIELDS);
        ctx.add(Rule.GATE_UNKNOWN_METRIC, y.file(), y.json().line(at), y.json().column(at), "unknown metric '" + metric
                + "': no eval run declares it and it is no case field; known: " + String.join(", ", known));
    }
}
