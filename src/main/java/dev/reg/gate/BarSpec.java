package dev.reg.gate;

import java.util.Map;

/**
 * One entry of a gate file's {@code gates} list: a metric, how to aggregate it, which cases
 * ({@code where}), and its thresholds. Absent thresholds are null.
 *
 * @param equals for count and rate: the value counted (a severity, an error kind, true/false)
 * @param trials how trials aggregate; null for the gate's default
 * @param vsBaseline whether max_drop/min_gain compare with the baseline run
 * @param line the entry's line in the gate file, for messages
 */
public record BarSpec(String metric, Aggregation agg, Map<String, String> where, String equals, Double min, Double max,
        Double tailMin, Double tailMax, Double maxDrop, Double minGain, boolean vsBaseline, TrialMode trials, int line) {
    public BarSpec {
        where = where == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(where));
    }

    /** {@code domain=Support}, or null for every case. */
    public String whereText() {
        if (where.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        where.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}
