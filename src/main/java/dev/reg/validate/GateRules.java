package dev.reg.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** {@code registry/gates/<workflow>.yaml}: the schema, bars that can be evaluated, metrics that exist. */
final class GateRules {
    static final String FOLDER = "registry/gates";
    /** Case fields every eval run carries, whatever metrics it declares. */
    static final Set<String> CASE_FIELDS = Set.of("pass", "error", "errors", "latency_ms", "cost_usd", "tokens", "severity",
            "guardrail_pass");
    private static final Set<String> AGGS = Set.of("mean", "median", "sum", "min", "max", "count", "rate", "per_success");
    private static final Pattern PERCENTILE = Pattern.compile("p([1-9][0-9]?(\\.[0-9]+)?)");
    private static final List<String> BOUNDS = List.of("min", "max", "tail_min", "max_drop");

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
        ctx.conforms(y, SchemaCheck.GATE);
        List<JsonNode> bars = Context.items(y.root(), "gates");
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).isObject()) {
                checkBar(y, bars.get(i), YamlJson.child("/gates", i));
            }
        }
    }

    private void checkBar(Context.LoadedYaml y, JsonNode bar, String at) {
        String name = YamlJson.fieldName(at);
        String agg = Context.text(bar, "agg").orElse(null);
        if (agg != null && !AGGS.contains(agg) && !PERCENTILE.matcher(agg).matches()) {
            String p = YamlJson.child(at, "agg");
            ctx.add(Rule.GATE_INVALID, y.file(), y.json().line(p), y.json().column(p), name + ": unknown agg '" + agg
                    + "'; expected one of " + String.join(", ", new TreeSet<>(AGGS)) + " or a percentile such as p95");
        }
        if (BOUNDS.stream().noneMatch(bar::has)) {
            ctx.add(Rule.GATE_INVALID, y.file(), y.json().line(at), y.json().column(at), name
                    + ": the bar has no bound; add min, max, tail_min or max_drop");
        }
        if (bar.has("equals") && agg != null && !agg.equals("count") && !agg.equals("rate")) {
            String p = YamlJson.child(at, "equals");
            ctx.add(Rule.GATE_INVALID, y.file(), y.json().keyLine(p), y.json().keyColumn(p), name
                    + ": equals counts matching cases, so it needs agg: count or agg: rate (found agg: " + agg + ")");
        }
        if (bar.has("max_drop") && !bar.has("vs")) {
            String p = YamlJson.child(at, "max_drop");
            ctx.add(Rule.GATE_INVALID, y.file(), y.json().keyLine(p), y.json().keyColumn(p), name
                    + ": max_drop compares with a baseline; add vs: baseline");
        }
        Context.text(bar, "metric").ifPresent(metric -> checkMetric(y, metric, YamlJson.child(at, "metric")));
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
