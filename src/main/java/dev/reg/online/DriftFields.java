package dev.reg.online;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields drift watches in an event, by DESIGN's definitions: categorical {@code journey},
 * {@code decision}, {@code model}, {@code prompt_version} and each guardrail flag; numeric
 * {@code latency_ms}, {@code cost_usd} and each score. And the rates it follows: each score's mean,
 * the refusal rate ({@code decision: block}) and each guardrail's hit rate.
 */
final class DriftFields {
    static final String REFUSAL = "refusal";
    /** What drift reads of an event beyond numbers, flags and scores. */
    static final java.util.Set<TelemetryField> READS = java.util.EnumSet.of(TelemetryField.JOURNEY, TelemetryField.DECISION,
            TelemetryField.MODEL, TelemetryField.PROMPT_VERSION, TelemetryField.EMBEDDING);
    private static final List<String> CATEGORICAL = List.of("journey", "decision", "model", "prompt_version");
    private final Map<String, String> scoreNames = new HashMap<>();
    private final Map<String, String> guardrailNames = new HashMap<>();

    interface Visitor {
        void categorical(String field, String value);

        void numeric(String field, double value);
    }

    interface RateVisitor {
        void rate(String metric, double value);
    }

    void visit(TelemetryEvent e, Visitor v) {
        category(v, "journey", e.journey());
        category(v, "decision", e.decision());
        category(v, "model", e.model());
        category(v, "prompt_version", e.promptVersion());
        for (int i = 0; i < e.guardrailCount(); i++) {
            v.categorical(guardrail(e.guardrailName(i)), e.guardrailValue(i) ? "true" : "false");
        }
        if (!Double.isNaN(e.latencyMs())) {
            v.numeric("latency_ms", e.latencyMs());
        }
        if (!Double.isNaN(e.costUsd())) {
            v.numeric("cost_usd", e.costUsd());
        }
        for (int i = 0; i < e.scoreCount(); i++) {
            v.numeric(score(e.scoreName(i)), e.scoreValue(i));
        }
    }

    void rates(TelemetryEvent e, RateVisitor v) {
        for (int i = 0; i < e.scoreCount(); i++) {
            v.rate(score(e.scoreName(i)), e.scoreValue(i));
        }
        if (e.decision() != null) {
            v.rate(REFUSAL, "block".equals(e.decision()) ? 1 : 0);
        }
        for (int i = 0; i < e.guardrailCount(); i++) {
            v.rate(guardrail(e.guardrailName(i)), e.guardrailValue(i) ? 1 : 0);
        }
    }

    private static void category(Visitor v, String field, String value) {
        if (value != null) {
            v.categorical(field, value);
        }
    }

    private String score(String raw) {
        return scoreNames.computeIfAbsent(raw, k -> MetricId.score(k).display());
    }

    private String guardrail(String raw) {
        return guardrailNames.computeIfAbsent(raw, k -> "guardrail." + k);
    }

    /** Report order: the categorical built-ins, guardrails, latency, cost, then scores; by name within a group. */
    static final Comparator<String> ORDER = Comparator.comparingInt(DriftFields::rank).thenComparing(Comparator.naturalOrder());

    private static int rank(String field) {
        int i = CATEGORICAL.indexOf(field);
        if (i >= 0) {
            return i;
        }
        if (field.startsWith("guardrail.")) {
            return 4;
        }
        if (field.equals("latency_ms")) {
            return 5;
        }
        if (field.equals("cost_usd")) {
            return 6;
        }
        if (field.equals(REFUSAL)) {
            return 7;
        }
        return 8;
    }
}
