package dev.reg.online;

import java.util.List;

/**
 * How many events a canary needs: per bar, the events per arm that detect the bar's effect with
 * the design's power at its alpha ({@code reg canary plan}).
 *
 * @param baseline the files the variances were estimated from, or null when every bar gives its own baseline
 */
public record CanaryPlan(CanarySpec spec, List<Row> rows, ReadResult baseline) {
    public CanaryPlan {
        rows = List.copyOf(rows);
    }

    /**
     * One bar's plan.
     *
     * @param source where the baseline came from: "bar" (its baseline/sd keys) or "control events"; null when unknown
     * @param mean the control's expected mean or rate, or null
     * @param sd the per-event standard deviation used, or null
     * @param effect the absolute effect to detect (the bar's threshold, times the mean for a relative bar), or null
     * @param control events needed in the control arm (at least min_events), or null when it cannot be planned
     * @param note why a bar cannot be planned, or null
     */
    public record Row(CanaryBar bar, String source, Double mean, Double sd, Double effect, Long control, Long treatment, String note) {
        public Long total() {
            return control == null ? null : control + treatment;
        }
    }

    public String method() {
        String base = "normal approximation, two-sided alpha " + dev.reg.stats.Numbers.brief(spec.alpha()) + ", power "
                + dev.reg.stats.Numbers.brief(spec.power()) + ", treatment share " + dev.reg.stats.Numbers.brief(spec.split());
        return spec.sequential() ? base + ", always-valid confidence sequence (N*=" + dev.reg.stats.Numbers.brief(spec.sequentialTuning()) + ")"
                : base;
    }
}
