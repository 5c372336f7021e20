package dev.reg.online;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one arm's events add up to: the number of events and, per metric, the summary the
 * comparison needs. Built from events by {@link CanaryAccumulator}, or directly (tests, recorded
 * baselines).
 */
public record ArmSummary(long events, Map<MetricId, MetricSample> metrics) {
    public ArmSummary {
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /** The metric's sample, or null when no event of the arm carries it. */
    public MetricSample metric(MetricId id) {
        return metrics.get(id);
    }
}
