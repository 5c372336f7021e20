package dev.reg.gate;

import dev.reg.eval.EvalCase;
import dev.reg.eval.MetricDef;
import dev.reg.eval.MetricType;
import java.util.List;
import java.util.Map;

/**
 * The value a metric has in a row, and in a case once its trials are aggregated. Errored and
 * skipped rows have no score, latency or cost value (they are counted apart); a value the tool did
 * not report is null, never 0.
 */
final class CaseValues {
    private CaseValues() {
    }

    static boolean isBinary(String metric, MetricDef def) {
        return metric.equals(MetricDef.PASS) || metric.startsWith(MetricDef.GUARDRAIL_PREFIX)
                || (def != null && def.type() == MetricType.BINARY);
    }

    static boolean isCategory(String metric, MetricDef def) {
        return metric.equals(MetricDef.SEVERITY) || (def != null && def.type() == MetricType.CATEGORY);
    }

    /** The row's numeric value of {@code metric}; binary values are 1 and 0. */
    static Double numeric(EvalCase r, String metric) {
        if (metric.equals(MetricDef.ERROR)) {
            return r.skipped() ? null : r.errored() ? 1.0 : 0.0;
        }
        if (r.skipped() || r.errored()) {
            return null;
        }
        switch (metric) {
            case MetricDef.PASS:
                return r.pass() == null ? null : r.pass() ? 1.0 : 0.0;
            case MetricDef.LATENCY:
                return r.latencyMs();
            case MetricDef.COST:
                return r.costUsd();
            case MetricDef.TOKENS:
                return r.tokens() == null || r.tokens().totalOrSum() == null ? null : (double) r.tokens().totalOrSum();
            case MetricDef.SEVERITY:
                return null;
            default:
                if (metric.startsWith(MetricDef.GUARDRAIL_PREFIX)) {
                    Boolean g = r.guardrails().get(metric.substring(MetricDef.GUARDRAIL_PREFIX.length()));
                    return g == null ? null : g ? 1.0 : 0.0;
                }
                return r.scores().get(metric);
        }
    }

    /**
     * 1 when the row's value of {@code metric} equals {@code equals}, 0 when it differs, null when
     * the row does not count (skipped; errored, except for the error metric itself). A row without a
     * severity has no incident: it counts as 0, not as missing.
     */
    static Double indicator(EvalCase r, String metric, String equals) {
        if (r.skipped()) {
            return null;
        }
        if (metric.equals(MetricDef.ERROR)) {
            return r.errored() && (equals == null || equals.equals(r.error().kind())) ? 1.0 : 0.0;
        }
        if (r.errored()) {
            return null;
        }
        if (metric.equals(MetricDef.SEVERITY)) {
            return equals.equals(r.severity()) ? 1.0 : 0.0;
        }
        Double v = numeric(r, metric);
        if (v == null) {
            return null;
        }
        if (equals.equals("true") || equals.equals("false")) {
            return (v == 1.0) == equals.equals("true") ? 1.0 : 0.0;
        }
        try {
            return v == Double.parseDouble(equals) ? 1.0 : 0.0;
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }

    static boolean inSlice(EvalCase r, Map<String, String> where) {
        for (Map.Entry<String, String> w : where.entrySet()) {
            if (!w.getValue().equals(r.slice().get(w.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Aggregates the trials' values of one case; null when no trial had a value. */
    static Double aggregate(List<Double> trials, TrialMode mode, boolean binary, boolean higherIsBetter, boolean counting) {
        if (trials.isEmpty()) {
            return null;
        }
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        int ones = 0;
        for (double v : trials) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v == 1.0) {
                ones++;
            }
        }
        if (mode.kind() == TrialMode.Kind.MEAN) {
            return sum / trials.size();
        }
        if (counting) {
            return max;
        }
        if (mode.kind() == TrialMode.Kind.K_OF_N) {
            return ones >= mode.k() ? 1.0 : 0.0;
        }
        if (binary) {
            return min;
        }
        return higherIsBetter ? min : max;
    }
}
