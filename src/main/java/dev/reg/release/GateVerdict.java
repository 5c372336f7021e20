package dev.reg.release;

import java.util.List;

/**
 * What a gate decided for a release candidate, in the shape the release, the ledger and the
 * decision memo need. Mirrors {@code dev.reg.gate.GateReport} field for field so the production
 * {@link ReleaseGate} is a direct copy.
 *
 * @param ship whether every bar and must-pass case passed
 * @param runId the eval run the gate used; null when no run matched the composite
 * @param baselineRunId the run of the last shipped release the deltas are against; null when none
 * @param rows one row per pass bar
 * @param mustPass one result per must-pass case
 * @param findings why the gate could not pass or what it noticed (stale evidence, missing cases…)
 */
public record GateVerdict(boolean ship, String runId, String baselineRunId, List<Row> rows, List<MustPass> mustPass,
        List<String> findings) {
    public GateVerdict {
        rows = List.copyOf(rows);
        mustPass = List.copyOf(mustPass);
        findings = List.copyOf(findings);
    }

    /**
     * One pass bar and its result; numbers are null where not measured.
     *
     * @param bar the bar as written, e.g. {@code >= 0.80} or {@code max_drop 0.02 vs baseline}
     */
    public record Row(String metric, String aggregation, String where, Double value, int n, String bar, Double baseline,
            Double delta, Double intervalLow, Double intervalHigh, boolean pass, String note) {
    }

    /** One must-pass case: passed or not, and why. */
    public record MustPass(String caseId, boolean pass, String reason) {
    }

    /** The rows that failed. */
    public List<Row> failedRows() {
        return rows.stream().filter(r -> !r.pass()).toList();
    }

    public List<MustPass> failedMustPass() {
        return mustPass.stream().filter(m -> !m.pass()).toList();
    }

    /** A number as the memo prints it: at most four significant digits, integers as integers; a dash when absent. */
    public static String format(Double d) {
        if (d == null) {
            return "—";
        }
        if (d.isNaN() || d.isInfinite()) {
            return d.toString();
        }
        java.math.BigDecimal b = java.math.BigDecimal.valueOf(d);
        if (b.abs().compareTo(java.math.BigDecimal.valueOf(1000)) >= 0) {
            b = b.setScale(0, java.math.RoundingMode.HALF_EVEN);
        } else {
            b = b.round(new java.math.MathContext(4, java.math.RoundingMode.HALF_EVEN));
        }
        b = b.stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    public static String signed(Double d) {
        String s = format(d);
        return d != null && d > 0 ? "+" + s : s;
    }
}
