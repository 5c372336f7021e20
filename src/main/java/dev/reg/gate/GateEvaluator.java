package dev.reg.gate;

import dev.reg.eval.CaseReader;
import dev.reg.eval.EvalCase;
import dev.reg.eval.EvalRunInfo;
import dev.reg.eval.MetricDef;
import dev.reg.stats.Interval;
import dev.reg.stats.Intervals;
import dev.reg.stats.Numbers;
import dev.reg.stats.Percentiles;
import dev.reg.stats.Sample;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates a gate file on a run, in one streaming pass over the run's rows (and the baseline's,
 * merged on the shared case id order). Memory holds one value per case and bar, never the rows
 * themselves. A comparison with the baseline aggregates each case's trials first, on each side, as
 * the bar's trial mode says, and then pairs the cases by id: runs with different trial counts
 * compare case with case, never trial 1 with trial 1.
 */
final class GateEvaluator {
    private static final double EPS = 1e-12;
    private static final int LIST_IDS = 5;

    private final GateFile gate;
    private final EvalRunInfo run;
    private final EvalRunInfo baseline;
    private final List<BarState> states = new ArrayList<>();
    private final Set<String> mustPassIds;
    private final Set<String> mustPassSeen = new TreeSet<>();
    private final List<MustPassResult> mustPass = new ArrayList<>();
    private final Set<String> missingFromCandidate = new TreeSet<>();
    private long missingCount;
    /** Case ids the candidate's dataset changelog retired since the baseline: not expected in the candidate. */
    private final Set<String> retired;
    private final String baselineUnavailable;

    record Outcome(List<BarResult> bars, List<MustPassResult> mustPass, List<String> findings) {
    }

    GateEvaluator(GateFile gate, EvalRunInfo run, EvalRunInfo baseline) {
        this(gate, run, baseline, Set.of(), null);
    }

    /**
     * @param retired baseline case ids the candidate's dataset retired
     * @param baselineUnavailable why there should have been a baseline but is none (its run is gone);
     *     null when having none is fine (nothing shipped yet): baseline bars then fail with this reason
     */
    GateEvaluator(GateFile gate, EvalRunInfo run, EvalRunInfo baseline, Set<String> retired, String baselineUnavailable) {
        this.gate = gate;
        this.run = run;
        this.baseline = baseline;
        this.retired = Set.copyOf(retired);
        this.baselineUnavailable = baselineUnavailable;
        this.mustPassIds = new LinkedHashSet<>(gate.mustPass());
        for (BarSpec s : gate.bars()) {
            states.add(new BarState(s));
        }
    }

    Outcome evaluate(CaseReader candidate, CaseReader base) {
        Groups cand = new Groups(candidate);
        Groups bas = base == null ? null : new Groups(base);
        List<EvalCase> none = List.of();
        while (cand.peekId() != null || (bas != null && bas.peekId() != null)) {
            String ci = cand.peekId();
            String bi = bas == null ? null : bas.peekId();
            int cmp = ci == null ? 1 : bi == null ? -1 : ci.compareTo(bi);
            List<EvalCase> c = cmp <= 0 ? cand.next() : none;
            List<EvalCase> b = cmp >= 0 ? bas.next() : none;
            for (BarState s : states) {
                s.accept(c, b);
            }
            if (!c.isEmpty()) {
                checkMustPass(c);
            }
            recordMissing(c, b);
        }
        List<String> findings = new ArrayList<>();
        for (String id : mustPassIds) {
            if (!mustPassSeen.contains(id)) {
                mustPass.add(new MustPassResult(id, false, "not in run " + run.id()));
            }
        }
        if (missingCount > 0 && states.stream().anyMatch(s -> s.spec.vsBaseline())) {
            findings.add(missingCount + " case" + (missingCount == 1 ? "" : "s") + " of baseline run " + baseline.id()
                    + " missing from the candidate (" + ids(missingFromCandidate, missingCount) + "): a case missing from the candidate fails");
        }
        List<BarResult> bars = new ArrayList<>();
        for (BarState s : states) {
            s.results(bars);
        }
        if (bars.isEmpty() && mustPass.isEmpty()) {
            findings.add(gate.path() + " defines no bars and no must-pass cases: nothing was checked");
        }
        return new Outcome(bars, mustPass, findings);
    }

    /** A baseline case with no row in the candidate, unless the dataset's changelog retired it (each baseline bar notes that). */
    private void recordMissing(List<EvalCase> c, List<EvalCase> b) {
        if (b.isEmpty() || !c.isEmpty() || retired.contains(b.get(0).id())) {
            return;
        }
        missingCount++;
        if (missingFromCandidate.size() < LIST_IDS) {
            missingFromCandidate.add(b.get(0).id());
        }
    }

    private void checkMustPass(List<EvalCase> rows) {
        String id = rows.get(0).id();
        boolean tagged = rows.stream().anyMatch(r -> r.hasTag(EvalCase.MUST_PASS_TAG));
        if (!tagged && !mustPassIds.contains(id)) {
            return;
        }
        mustPassSeen.add(id);
        String reason = null;
        for (EvalCase r : rows) {
            String t = rows.size() > 1 ? "trial " + r.trial() + " " : "";
            if (r.errored()) {
                reason = t + "errored (" + r.error().kind() + (r.error().message() == null ? "" : ": " + r.error().message()) + ")";
            } else if (r.skipped()) {
                reason = t + "skipped";
            } else if (Boolean.FALSE.equals(r.pass())) {
                reason = t + "failed" + (r.reason() == null ? "" : ": " + r.reason());
            } else if (r.pass() == null) {
                reason = t + "has no verdict";
            }
            if (reason != null) {
                break;
            }
        }
        mustPass.add(new MustPassResult(id, reason == null, reason));
    }

    private static String ids(Set<String> shown, long total) {
        return String.join(", ", shown) + (total > shown.size() ? ", …" : "");
    }

    /** Rows of one case id at a time. */
    private static final class Groups {
        private final CaseReader reader;

        Groups(CaseReader reader) {
            this.reader = reader;
        }

        String peekId() {
            EvalCase c = reader.peek();
            return c == null ? null : c.id();
        }

        List<EvalCase> next() {
            List<EvalCase> out = new ArrayList<>();
            String id = peekId();
            while (reader.peek() != null && reader.peek().id().equals(id)) {
                out.add(reader.next());
            }
            return out;
        }
    }

    /** What one bar accumulates over the cases. */
    private final class BarState {
        final BarSpec spec;
        final MetricDef def;
        final MetricDef baseDef;
        final TrialMode mode;
        final boolean binary;
        final boolean category;
        final boolean higherIsBetter;
        final Sample values;
        final Sample baseValues;
        String invalid;
        long erroredRows;
        double successes;
        double baseSuccesses;
        long missing;
        final Set<String> missingIds = new TreeSet<>();
        final Set<String> retiredIds = new TreeSet<>();
        // paired with the baseline: each side's case value (its trials aggregated), cases matched by id
        int both;
        int candOnly;
        int baseOnly;
        int neither;
        final Sample pairedValues = new Sample(false);
        final Sample pairedBaseValues = new Sample(false);
        final Sample diffs = new Sample(false);
        boolean pairedBinary = true;
        int trialCountsDiffer;
        int fewerTrials;

        BarState(BarSpec spec) {
            this.spec = spec;
            this.def = metricDef(run, spec.metric());
            this.baseDef = baseline == null ? null : metricDef(baseline, spec.metric());
            this.binary = CaseValues.isBinary(spec.metric(), def);
            this.category = CaseValues.isCategory(spec.metric(), def);
            this.higherIsBetter = def == null || def.higherIsBetter() == null || def.higherIsBetter();
            TrialMode m = spec.trials() != null ? spec.trials() : gate.trials() != null ? gate.trials()
                    : binary || spec.agg().counts() ? TrialMode.ALL : TrialMode.MEAN;
            this.mode = m;
            this.values = new Sample(spec.agg().percentile() > 0);
            this.baseValues = new Sample(spec.agg().percentile() > 0);
            if (def == null) {
                invalid = "metric " + spec.metric() + " is not in run " + run.id() + " (it has: " + String.join(", ", run.metrics().keySet()) + ")";
            } else if (category && !spec.agg().counts()) {
                invalid = spec.metric() + " is a category: gate it with count or rate and equals";
            } else if (m.kind() == TrialMode.Kind.K_OF_N && !binary && !spec.agg().counts()) {
                invalid = "trials " + m + " applies to binary metrics (pass, guardrail.*), not " + spec.metric();
            }
        }

        void accept(List<EvalCase> cand, List<EvalCase> base) {
            List<EvalCase> c = inSlice(cand);
            List<EvalCase> b = inSlice(base);
            for (EvalCase r : c) {
                if (r.errored()) {
                    erroredRows++;
                }
            }
            Double cv = caseValue(c);
            if (cv != null) {
                values.add(cv);
            }
            if (mode.kind() == TrialMode.Kind.K_OF_N && cv != null && trialsWithValue(c) < mode.n()) {
                fewerTrials++;
            }
            if (spec.agg() == Aggregation.PER_SUCCESS) {
                successes += passedCase(c);
            }
            if (!spec.vsBaseline() || b.isEmpty()) {
                return;
            }
            Double bv = caseValue(b);
            if (bv != null) {
                baseValues.add(bv);
            }
            if (spec.agg() == Aggregation.PER_SUCCESS) {
                baseSuccesses += passedCase(b);
            }
            if (cand.isEmpty()) {
                if (retired.contains(b.get(0).id())) {
                    retiredIds.add(b.get(0).id()); // retired by the dataset's changelog: not expected in the candidate
                } else {
                    missing++;
                    if (missingIds.size() < LIST_IDS) {
                        missingIds.add(b.get(0).id());
                    }
                }
                return;
            }
            if (cv == null || bv == null) {
                return;
            }
            pairedValues.add(cv);
            pairedBaseValues.add(bv);
            diffs.add(cv - bv);
            if (trialsWithValue(c) != trialsWithValue(b)) {
                trialCountsDiffer++;
            }
            if ((cv != 0 && cv != 1) || (bv != 0 && bv != 1)) {
                pairedBinary = false;
            } else if (cv == 1 && bv == 1) {
                both++;
            } else if (cv == 1) {
                candOnly++;
            } else if (bv == 1) {
                baseOnly++;
            } else {
                neither++;
            }
        }

        private List<EvalCase> inSlice(List<EvalCase> rows) {
            if (spec.where().isEmpty()) {
                return rows;
            }
            List<EvalCase> out = new ArrayList<>();
            for (EvalCase r : rows) {
                if (CaseValues.inSlice(r, spec.where())) {
                    out.add(r);
                }
            }
            return out;
        }

        /** The case's value: its trials' values of the bar's metric, aggregated as the trial mode says. */
        private Double caseValue(List<EvalCase> rows) {
            if (rows.isEmpty() || invalid != null) {
                return null;
            }
            return CaseValues.aggregate(trialValues(rows), mode, binary, higherIsBetter, spec.agg().counts());
        }

        private int trialsWithValue(List<EvalCase> rows) {
            return trialValues(rows).size();
        }

        private List<Double> trialValues(List<EvalCase> rows) {
            List<Double> trials = new ArrayList<>(rows.size());
            for (EvalCase r : rows) {
                Double v = spec.agg().counts() ? CaseValues.indicator(r, spec.metric(), spec.equals()) : CaseValues.numeric(r, spec.metric());
                if (v != null) {
                    trials.add(v);
                }
            }
            return trials;
        }

        /** 1 when the case passed in every trial (0 when any trial failed), for cost per success. */
        private double passedCase(List<EvalCase> rows) {
            List<Double> trials = new ArrayList<>();
            for (EvalCase r : rows) {
                Double v = CaseValues.numeric(r, MetricDef.PASS);
                if (v != null) {
                    trials.add(v);
                }
            }
            Double v = CaseValues.aggregate(trials, mode.kind() == TrialMode.Kind.MEAN ? TrialMode.ALL : mode, true, true, false);
            return v == null ? 0 : v;
        }

        void results(List<BarResult> out) {
            String where = spec.whereText();
            String agg = spec.agg().label();
            int n = (int) values.n();
            List<String> notes = new ArrayList<>();
            Double value = null;
            if (invalid != null) {
                notes.add(invalid);
            } else {
                value = aggregate(values, successes);
                describe(notes, n);
            }
            Interval valueInterval = invalid == null ? valueInterval(n) : null;
            // the delta bar has its own paired interval: the clip note describes the value's interval only
            String note = notes.isEmpty() ? null : String.join("; ", notes);
            if (valueInterval != null && valueInterval.method().contains(", clipped to ")) {
                notes.add("interval: " + valueInterval.method() + " (the scale of " + spec.metric() + ")");
            }
            String valueNote = notes.isEmpty() ? null : String.join("; ", notes);
            if (spec.min() != null) {
                out.add(bar(agg, where, value, n, ">= " + Numbers.brief(spec.min()), value != null && value >= spec.min() - EPS, valueInterval,
                        zeroFailureNote(valueNote, value, n)));
            }
            if (spec.max() != null) {
                out.add(bar(agg, where, value, n, "<= " + Numbers.brief(spec.max()), value != null && value <= spec.max() + EPS, valueInterval,
                        zeroFailureNote(valueNote, value, n)));
            }
            if (spec.tailMin() != null || spec.tailMax() != null) {
                Double lo = n == 0 ? null : values.min();
                Double hi = n == 0 ? null : values.max();
                String tailNote = invalid != null ? invalid : n == 0 ? emptyNote() : "lowest and highest case value over " + n + " cases";
                if (spec.tailMin() != null) {
                    out.add(bar("min", where, lo, n, ">= " + Numbers.brief(spec.tailMin()) + " (tail_min)", lo != null && lo >= spec.tailMin() - EPS, null,
                            tailNote));
                }
                if (spec.tailMax() != null) {
                    out.add(bar("max", where, hi, n, "<= " + Numbers.brief(spec.tailMax()) + " (tail_max)", hi != null && hi <= spec.tailMax() + EPS, null,
                            tailNote));
                }
            }
            if (spec.vsBaseline()) {
                compare(out, agg, where, value, n, note);
            }
        }

        private BarResult bar(String agg, String where, Double value, int n, String barText, boolean pass, Interval interval, String note) {
            return new BarResult(spec.metric(), agg, where, value, n, barText, null, null, interval == null ? null : interval.low(),
                    interval == null ? null : interval.high(), pass, note);
        }

        private Double aggregate(Sample v, double succ) {
            if (v.n() == 0 || (spec.agg() == Aggregation.PER_SUCCESS && succ <= 0)) {
                return null;
            }
            return switch (spec.agg()) {
                case MEAN, RATE -> v.mean();
                case MIN -> v.min();
                case MAX -> v.max();
                case COUNT -> v.sum();
                case PER_SUCCESS -> v.sum() / succ;
                case P50, P90, P95, P99 -> v.percentile(spec.agg().percentile());
            };
        }

        private void describe(List<String> notes, int n) {
            if (n == 0) {
                notes.add(emptyNote());
                return;
            }
            if (spec.agg().percentile() > 0) {
                int p = spec.agg().percentile();
                long rank = Percentiles.rank(n, p);
                notes.add(Percentiles.METHOD + " p" + p + ": rank " + rank + " of n=" + n
                        + (rank == n ? " (with n < " + (int) Math.ceil(100.0 / (100 - p)) + " it is the maximum)" : ""));
            }
            if (spec.agg() == Aggregation.PER_SUCCESS) {
                notes.add(successes <= 0 ? "no case passed: nothing to divide by"
                        : "total over " + n + " cases / " + Numbers.brief(successes) + " passing cases");
            }
            if (run.summary().maxTrials() > 1) {
                notes.add("trials: " + mode);
            }
            if (fewerTrials > 0) {
                notes.add(fewerTrials + " cases have fewer than " + mode.n() + " trials (missing trials count as not passed)");
            }
            if (erroredRows > 0 && !spec.metric().equals(MetricDef.ERROR)) {
                notes.add(erroredRows + " errored row" + (erroredRows == 1 ? "" : "s") + " left out (counted apart from failures)");
            }
        }

        private String emptyNote() {
            if (erroredRows > 0) {
                return "no value: all " + erroredRows + " rows" + (spec.where().isEmpty() ? "" : " in " + spec.whereText()) + " errored";
            }
            return spec.where().isEmpty() ? "no case reports " + spec.metric() : "no cases in slice " + spec.whereText();
        }

        /**
         * For a mean or rate of 0/1 case values: Wilson; for a mean of numbers: Student t, clipped
         * to the scale the metric cannot leave (binary 0..1 when trials average to fractions, a
         * score's declared scale, 0 upwards for cost, latency and counts).
         */
        private Interval valueInterval(int n) {
            if (n == 0 || !(spec.agg() == Aggregation.MEAN || spec.agg() == Aggregation.RATE)) {
                return null;
            }
            if (values.allZeroOrOne()) {
                return Intervals.wilson((int) Math.round(values.sum()), n);
            }
            Interval t = meanInterval(values);
            return t == null ? null : Intervals.clip(t, scaleLow(), scaleHigh());
        }

        private double scaleLow() {
            if (binary) {
                return 0;
            }
            if (def.scaleMin() != null) {
                return def.scaleMin();
            }
            return switch (def.type()) {
                case COST, LATENCY, COUNT -> 0;
                default -> Double.NEGATIVE_INFINITY;
            };
        }

        private double scaleHigh() {
            return binary ? 1 : def.scaleMax() != null ? def.scaleMax() : Double.POSITIVE_INFINITY;
        }

        /** Student t of a sample's mean; a point when the values do not vary; none for one value. */
        private Interval meanInterval(Sample v) {
            if (v.n() < 2) {
                return null;
            }
            return v.variance() == 0 ? new Interval(v.mean(), v.mean(), "no variation") : Intervals.mean(v.mean(), v.variance(), v.n());
        }

        /** What a bar with no failures proves: 0 in n bounds the rate below about 3/n. */
        private String zeroFailureNote(String note, Double value, int n) {
            if (value == null || n == 0 || invalid != null) {
                return note;
            }
            boolean zeroCount = spec.agg().counts() && value == 0;
            boolean allPass = binary && !spec.agg().counts() && (spec.agg() == Aggregation.MEAN || spec.agg() == Aggregation.MIN) && value == 1;
            if (!zeroCount && !allPass) {
                return note;
            }
            String what = zeroCount ? (spec.equals() != null ? spec.metric() + " = " + spec.equals() : spec.metric()) : "failure";
            String bound = "0 " + what + " in " + n + " cases bounds its rate below 3/n = " + Numbers.brief(3.0 / n) + " (95%, exact one-sided "
                    + Numbers.brief(Intervals.zeroEventUpperBound(n)) + ")";
            if (spec.agg() == Aggregation.RATE && spec.max() != null && Intervals.zeroEventUpperBound(n) > spec.max()) {
                bound += "; too few cases to prove a rate <= " + Numbers.brief(spec.max());
            }
            return note == null ? bound : note + "; " + bound;
        }

        private void compare(List<BarResult> out, String agg, String where, Double value, int n, String note) {
            String barText = spec.maxDrop() != null ? "max_drop " + Numbers.brief(spec.maxDrop()) : "min_gain " + Numbers.brief(spec.minGain());
            if (invalid != null) {
                out.add(new BarResult(spec.metric(), agg, where, null, n, barText, null, null, null, null, false, invalid));
                return;
            }
            if (baseline == null) {
                out.add(baselineUnavailable != null
                        ? new BarResult(spec.metric(), agg, where, value, n, barText, null, null, null, null, false, baselineUnavailable)
                        : new BarResult(spec.metric(), agg, where, value, n, barText, null, null, null, null, true,
                                "no baseline: no shipped release in the ledger and no --baseline; not compared"));
                return;
            }
            if (baseDef == null) {
                out.add(new BarResult(spec.metric(), agg, where, value, n, barText, null, null, null, null, false,
                        "baseline run " + baseline.id() + " has no metric " + spec.metric()));
                return;
            }
            Double base = aggregate(baseValues, baseSuccesses);
            List<String> notes = new ArrayList<>();
            Double delta = null;
            Interval interval = null;
            boolean paired = spec.agg() == Aggregation.MEAN || spec.agg() == Aggregation.RATE;
            int pairs = (int) diffs.n();
            if (paired && pairs > 0) {
                // value, baseline and delta are the same paired quantities, so value - baseline = delta
                value = pairedValues.mean();
                base = pairedBaseValues.mean();
                delta = value - base;
                String by = "paired by case id" + (run.summary().maxTrials() > 1 || baseline.summary().maxTrials() > 1
                        ? " after aggregating each case's trials (" + mode + ")" : "") + " over " + pairs + (pairs == 1 ? " case" : " cases");
                if (pairedBinary) {
                    interval = Intervals.newcombePaired(both, candOnly, baseOnly, neither);
                    notes.add(by + ": " + both + " pass in both, " + candOnly + " only now, " + baseOnly + " only in the baseline; "
                            + interval.method());
                } else {
                    interval = meanInterval(diffs);
                    notes.add(by + (pairs == 1 ? ": no interval" : "; " + interval.method() + " of the mean difference"));
                }
                if (n > pairs) {
                    notes.add(n - pairs + " candidate case" + (n - pairs == 1 ? "" : "s") + " without a baseline value not compared (the "
                            + agg + " of all " + n + " is " + Numbers.brief(aggregate(values, successes)) + ")");
                }
                n = pairs;
                if (trialCountsDiffer > 0) {
                    notes.add(trialCountsDiffer + " paired case" + (trialCountsDiffer == 1 ? " has" : "s have")
                            + " a different number of trials in the two runs");
                }
            } else if (!paired && value != null && base != null) {
                delta = value - base;
                notes.add("unpaired difference of " + agg + " (paired intervals are for mean and rate)");
            } else {
                notes.add(paired ? "no case has a value in both runs" : "no value to compare");
            }
            boolean pass = delta != null;
            if (delta != null) {
                double drop = higherIsBetter ? -delta : delta;
                pass = spec.maxDrop() != null ? drop <= spec.maxDrop() + EPS : -drop >= spec.minGain() - EPS;
                if (interval != null) {
                    double worst = higherIsBetter ? -interval.low() : interval.high();
                    if (spec.maxDrop() != null && pass && worst > spec.maxDrop()) {
                        notes.add("the interval still allows a drop of " + Numbers.brief(worst));
                    }
                }
            }
            if (!retiredIds.isEmpty()) {
                notes.add(retiredIds.size() + " baseline case" + (retiredIds.size() == 1 ? "" : "s") + " retired by the dataset changelog ("
                        + ids(retiredIds, retiredIds.size()) + ") not compared");
            }
            if (missing > 0) {
                pass = false;
                notes.add(missing + " baseline case" + (missing == 1 ? "" : "s") + " missing from the candidate ("
                        + ids(missingIds, missing) + ")");
            }
            if (note != null) {
                notes.add(note);
            }
            out.add(new BarResult(spec.metric(), agg, where, value, n, barText, base, delta, interval == null ? null : interval.low(),
                    interval == null ? null : interval.high(), pass, String.join("; ", notes)));
        }
    }

    private static MetricDef metricDef(EvalRunInfo r, String metric) {
        MetricDef d = r.metrics().get(metric);
        if (d == null && metric.equals(MetricDef.ERROR)) {
            return MetricDef.error();
        }
        return d;
    }
}
