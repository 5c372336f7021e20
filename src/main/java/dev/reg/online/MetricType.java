package dev.reg.online;

import java.util.Locale;

/**
 * The kinds of canary metric, each with its statistics and the direction that is better:
 * binary flags (success, pass, guardrail hits) compare proportions; scores, latency and cost compare
 * means; cost per success is a ratio of sums.
 */
public enum MetricType {
    BINARY, SCORE, LATENCY, COST, RATIO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
