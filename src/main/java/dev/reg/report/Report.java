package dev.reg.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Everything {@code reg report} shows, as plain values: what {@code --json} prints and what the HTML
 * page is rendered from. Built from the registry at one commit, so the same commit gives the same
 * report byte for byte (nothing here depends on the clock or the machine).
 *
 * @param registry the registry's folder name, for the page title
 * @param commit the commit the report was built from (HEAD)
 * @param commitTime its committer time, ISO-8601
 */
public record Report(String format, String registry, String commit, String commitTime, List<WorkflowReport> workflows,
        List<AdrEntry> adrs, List<Finding> findings) {
    public static final String FORMAT = "reg.report/1";

    public Report {
        workflows = List.copyOf(workflows);
        adrs = List.copyOf(adrs);
        findings = List.copyOf(findings);
    }

    /**
     * One workflow's part of the report.
     *
     * @param live the release live now (the last tagged entry that is shipped or bad), or null
     * @param frozen the standing freeze, or null
     * @param timeline every decision, status change, freeze and unfreeze in time order (as {@code reg history})
     * @param gate the gate bars recomputed on each release's run
     */
    public record WorkflowReport(String workflow, String description, Integer live, Freeze frozen, List<TimelineEvent> timeline,
            List<Release> releases, GateHistory gate, List<CanaryReadout> canaries, List<DriftReadout> drift) {
        public WorkflowReport {
            timeline = List.copyOf(timeline);
            releases = List.copyOf(releases);
            canaries = List.copyOf(canaries);
            drift = List.copyOf(drift);
        }
    }

    public record Freeze(String since, String actor, String reason) {
    }

    /**
     * One line of the workflow's history.
     *
     * @param release the release it concerns; null for a freeze or an unfreeze
     * @param event {@code shipped}, {@code held}, {@code forced}, {@code rollback} (decisions), a later
     *     status ({@code bad}, {@code rolled-back}, …), or {@code freeze} / {@code unfreeze}
     */
    public record TimelineEvent(String at, Integer release, String event, String actor, String reason, Integer rollbackFrom,
            Integer rollbackTo) {
    }

    /**
     * A ledger entry as the report shows it.
     *
     * @param decision how it was decided: shipped, held, forced (shipped on a failed gate), rollback, …
     * @param status its status now
     * @param gate the ledger's recorded gate result ({@code pass}, {@code fail}), or null
     * @param liveFrom when it went live (tagged entries only), else null
     * @param liveUntil when the next tagged entry replaced it; null while it is live or if it never was
     * @param memo the decision memo's path, or null
     * @param memoTitle the memo's title, or null when there is no memo at HEAD (its text is in {@link Report#adrs})
     */
    public record Release(int n, String decision, String status, BadMark bad, String composite, String digest, String decided,
            String actor, String run, String gate, boolean tagged, Integer rollbackFrom, Integer rollbackTo, String reason, String liveFrom,
            String liveUntil, String memo, String memoTitle) {
    }

    public record BadMark(String at, String actor, String reason) {
    }

    /**
     * The gate's bars recomputed on each release's eval run.
     *
     * @param file the gate file read (at HEAD), or null when the workflow has none
     * @param series one per bar of the gate file, in its order
     * @param method how the values were computed, for the reader
     */
    public record GateHistory(String file, String method, List<GateSeries> series) {
        public GateHistory {
            series = List.copyOf(series);
        }
    }

    /**
     * One bar across releases.
     *
     * @param id stable identifier, for anchors
     * @param kind {@code value} (the aggregate and its interval), {@code delta} (against the baseline,
     *     paired interval) or {@code tail} (lowest/highest case value)
     * @param bar the bar as the gate prints it, e.g. {@code >= 0.8}
     * @param threshold the bar's line on the chart's scale; null when it has none
     * @param direction {@code min} when values must stay at or above the line, {@code max} at or below
     */
    public record GateSeries(String id, String metric, String aggregation, String where, String bar, String kind, Double threshold,
            String direction, List<GatePoint> points) {
        public GateSeries {
            points = List.copyOf(points);
        }
    }

    /**
     * A bar's value on one release's run.
     *
     * @param value the plotted value (the delta for a {@code delta} series); null when there was none
     * @param low the 95% interval's low end, or null
     */
    public record GatePoint(int release, String run, String baselineRun, Double value, Double low, Double high, int n, boolean pass,
            String note) {
    }

    /**
     * A recorded canary readout ({@code reg.canary/1}).
     *
     * @param release the release it judged, when the readout says
     * @param at when it was recorded or what window it covers, when the readout says
     * @param srmP the sample-ratio-mismatch p value
     * @param bars the pre-registered bars: the readout's own, else the gate file's {@code canary:} section at HEAD
     */
    public record CanaryReadout(String file, Integer release, String at, String verdict, List<String> reasons, Double srmP,
            List<CanaryMetric> metrics, List<CanaryBar> bars, String barsFrom) {
        public CanaryReadout {
            reasons = List.copyOf(reasons);
            metrics = List.copyOf(metrics);
            bars = List.copyOf(bars);
        }
    }

    public record CanaryMetric(String metric, String type, Arm control, Arm treatment, Estimate difference, Estimate relative) {
    }

    public record Arm(Long n, Double mean) {
    }

    /** A point estimate with its interval; any part may be null when the readout has none. */
    public record Estimate(Double value, Double low, Double high, String method) {
    }

    /**
     * A pre-registered canary bar.
     *
     * @param bar {@code min_uplift}, {@code max_increase}, {@code no_regression} or {@code stop_loss}
     * @param threshold the bar's value (null for no_regression, which is 0)
     * @param relative whether the threshold is a relative lift (else a difference)
     * @param status the readout's verdict on it ({@code pass}, {@code fail}, {@code inconclusive}), when recorded
     */
    public record CanaryBar(String metric, String bar, Double threshold, boolean relative, String status) {
    }

    /** A recorded drift readout ({@code reg.drift/1}). */
    public record DriftReadout(String file, Integer release, String at, String level, List<DriftField> fields, DriftField embedding) {
        public DriftReadout {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One field's drift; for the embedding, {@code psi} carries the cosine distance and the rest is null.
     */
    public record DriftField(String field, String type, Double psi, Double kl, Double js, String level) {
    }

    /**
     * An ADR or decision memo.
     *
     * @param supersedes the files this one supersedes (those whose status names it)
     * @param memoOf {@code workflow#n} of the release whose memo it is, or null
     */
    public record AdrEntry(int number, String file, String title, String status, String date, String supersededBy,
            List<String> supersedes, String memoOf, @JsonIgnore String markdown) {
        public AdrEntry {
            supersedes = List.copyOf(supersedes);
        }
    }

    /** Something the report could not show as asked: a file that is not a readout, a run that is missing. */
    public record Finding(String file, String message) {
    }
}
