package dev.reg.gate;

/**
 * One bar's outcome.
 *
 * @param aggregation e.g. {@code mean}, {@code p95}, {@code count}
 * @param where the slice, e.g. {@code domain=Support}; null for every case
 * @param value the candidate's aggregate; null when no case had a value
 * @param n the number of cases aggregated
 * @param bar e.g. {@code >= 0.8} or {@code max_drop 0.02}
 * @param baseline the baseline run's aggregate over the same cases, when compared
 * @param delta candidate minus baseline (paired where the note says so)
 * @param intervalLow 95% interval of the delta when compared with a baseline, else of the value
 * @param note method, sample size caveats and bounds, for the reader
 */
public record BarResult(String metric, String aggregation, String where, Double value, int n, String bar, Double baseline, Double delta,
        Double intervalLow, Double intervalHigh, boolean pass, String note) {
}
