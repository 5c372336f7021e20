package dev.reg.online;

import java.util.Set;

/**
 * A canary metric: {@code success}, {@code pass}, {@code latency_ms}, {@code cost_usd},
 * {@code cost_per_success}, a guardrail flag {@code guardrail.NAME}, or a score (written with its
 * bare name, as gates name scores, or as {@code scores.NAME}).
 *
 * @param key the score or guardrail name, or the built-in metric's name
 */
public record MetricId(MetricType type, String key, boolean guardrail) implements Comparable<MetricId> {
    public static final MetricId SUCCESS = new MetricId(MetricType.BINARY, "success", false);
    public static final MetricId PASS = new MetricId(MetricType.BINARY, "pass", false);
    public static final MetricId LATENCY = new MetricId(MetricType.LATENCY, "latency_ms", false);
    public static final MetricId COST = new MetricId(MetricType.COST, "cost_usd", false);
    public static final MetricId COST_PER_SUCCESS = new MetricId(MetricType.RATIO, "cost_per_success", false);
    private static final Set<String> BUILT_IN = Set.of("success", "pass", "latency_ms", "cost_usd", "cost_per_success", "timestamp",
            "event_id", "journey", "model", "prompt_version", "dataset_version", "release", "arm", "severity", "decision", "embedding",
            "guardrail", "guardrails", "scores", "refusal");

    public static MetricId score(String name) {
        return new MetricId(MetricType.SCORE, name, false);
    }

    public static MetricId guardrailFlag(String name) {
        return new MetricId(MetricType.BINARY, name, true);
    }

    /** The metric a gate file or a user names. */
    public static MetricId parse(String name) {
        return switch (name) {
            case "success" -> SUCCESS;
            case "pass" -> PASS;
            case "latency_ms" -> LATENCY;
            case "cost_usd" -> COST;
            case "cost_per_success" -> COST_PER_SUCCESS;
            default -> {
                if (name.startsWith("guardrail.") && name.length() > "guardrail.".length()) {
                    yield guardrailFlag(name.substring("guardrail.".length()));
                }
                if (name.startsWith("scores.") && name.length() > "scores.".length()) {
                    yield score(name.substring("scores.".length()));
                }
                yield score(name);
            }
        };
    }

    /** How readouts write the metric: a score by its bare name unless that would be ambiguous. */
    public String display() {
        if (guardrail) {
            return "guardrail." + key;
        }
        if (type == MetricType.SCORE && (BUILT_IN.contains(key) || key.contains(".") || key.isEmpty())) {
            return "scores." + key;
        }
        return key;
    }

    /** Whether a larger value is an improvement: scores and success yes; guardrail hits, latency and cost no. */
    public boolean higherIsBetter() {
        return switch (type) {
            case BINARY -> !guardrail;
            case SCORE -> true;
            case LATENCY, COST, RATIO -> false;
        };
    }

    /** Built-ins first in a fixed order, then guardrails, then scores, each by name. */
    @Override
    public int compareTo(MetricId o) {
        int r = Integer.compare(rank(), o.rank());
        return r != 0 ? r : key.compareTo(o.key);
    }

    private int rank() {
        if (guardrail) {
            return 5;
        }
        return switch (key) {
            case "success" -> type == MetricType.BINARY ? 0 : 6;
            case "pass" -> type == MetricType.BINARY ? 1 : 6;
            case "latency_ms" -> type == MetricType.LATENCY ? 2 : 6;
            case "cost_usd" -> type == MetricType.COST ? 3 : 6;
            case "cost_per_success" -> type == MetricType.RATIO ? 4 : 6;
            default -> 6;
        };
    }

    @Override
    public String toString() {
        return display();
    }
}
