package dev.reg.eval;

/**
 * A metric of a run: its type, scale (null when not known) and direction.
 *
 * @param higherIsBetter null for a category (severity), where no direction applies
 */
public record MetricDef(String name, MetricType type, Double scaleMin, Double scaleMax, Boolean higherIsBetter, String unit) {
    public static final String PASS = "pass";
    public static final String LATENCY = "latency_ms";
    public static final String COST = "cost_usd";
    public static final String TOKENS = "tokens";
    public static final String SEVERITY = "severity";
    public static final String ERROR = "error";
    public static final String GUARDRAIL_PREFIX = "guardrail.";

    public static MetricDef pass() {
        return new MetricDef(PASS, MetricType.BINARY, 0.0, 1.0, true, null);
    }

    public static MetricDef latency() {
        return new MetricDef(LATENCY, MetricType.LATENCY, null, null, false, "ms");
    }

    public static MetricDef cost() {
        return new MetricDef(COST, MetricType.COST, null, null, false, "USD");
    }

    public static MetricDef tokens() {
        return new MetricDef(TOKENS, MetricType.COUNT, null, null, false, "tokens");
    }

    public static MetricDef severity() {
        return new MetricDef(SEVERITY, MetricType.CATEGORY, null, null, null, null);
    }

    public static MetricDef error() {
        return new MetricDef(ERROR, MetricType.COUNT, null, null, false, "errored rows");
    }

    public static MetricDef guardrail(String name) {
        return new MetricDef(GUARDRAIL_PREFIX + name, MetricType.BINARY, 0.0, 1.0, true, null);
    }

    public static MetricDef score(String name, Double min, Double max) {
        return new MetricDef(name, MetricType.SCORE, min, max, true, null);
    }

    public boolean lowerIsBetter() {
        return Boolean.FALSE.equals(higherIsBetter);
    }
}
