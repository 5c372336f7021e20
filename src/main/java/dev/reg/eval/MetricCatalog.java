package dev.reg.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics a run reports, learnt from its rows: the built-in ones whose values appear (pass,
 * latency, cost, tokens, severity, errors), each guardrail, and each score. A score whose values
 * all lie in [0, 1] gets that scale; other scales are unknown unless declared. Declarations (from
 * {@code --metric}) override what was inferred.
 */
public final class MetricCatalog {
    private final Map<String, MetricDef> declared;
    private boolean pass;
    private boolean latency;
    private boolean cost;
    private boolean tokens;
    private boolean severity;
    private final Map<String, double[]> scoreRanges = new TreeMap<>();
    private final java.util.Set<String> guardrails = new java.util.TreeSet<>();

    public MetricCatalog(Map<String, MetricDef> declared) {
        this.declared = Map.copyOf(declared);
    }

    void observe(EvalCase c) {
        pass |= c.pass() != null;
        latency |= c.latencyMs() != null;
        cost |= c.costUsd() != null;
        tokens |= c.tokens() != null && c.tokens().totalOrSum() != null;
        severity |= c.severity() != null;
        guardrails.addAll(c.guardrails().keySet());
        for (Map.Entry<String, Double> s : c.scores().entrySet()) {
            double[] r = scoreRanges.computeIfAbsent(s.getKey(), k -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE});
            r[0] = Math.min(r[0], s.getValue());
            r[1] = Math.max(r[1], s.getValue());
        }
    }

    public Map<String, MetricDef> metrics() {
        Map<String, MetricDef> out = new LinkedHashMap<>();
        if (pass) {
            out.put(MetricDef.PASS, MetricDef.pass());
        }
        for (Map.Entry<String, double[]> s : scoreRanges.entrySet()) {
            boolean unit = s.getValue()[0] >= 0 && s.getValue()[1] <= 1;
            out.put(s.getKey(), MetricDef.score(s.getKey(), unit ? 0.0 : null, unit ? 1.0 : null));
        }
        for (String g : guardrails) {
            MetricDef d = MetricDef.guardrail(g);
            out.put(d.name(), d);
        }
        if (latency) {
            out.put(MetricDef.LATENCY, MetricDef.latency());
        }
        if (cost) {
            out.put(MetricDef.COST, MetricDef.cost());
        }
        if (tokens) {
            out.put(MetricDef.TOKENS, MetricDef.tokens());
        }
        if (severity) {
            out.put(MetricDef.SEVERITY, MetricDef.severity());
        }
        out.put(MetricDef.ERROR, MetricDef.error());
        for (MetricDef d : declared.values()) {
            if (out.containsKey(d.name())) {
                out.put(d.name(), d);
            }
        }
        return out;
    }
}
