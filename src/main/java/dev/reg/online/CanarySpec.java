package dev.reg.online;

import dev.reg.BadInputException;
import dev.reg.stats.ConfidenceSequences;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code canary:} section of a gate file: the pre-registered design of an online A/B readout
 * (DESIGN.md section 2, "Online"). Every problem is a {@link BadInputException} naming the file and
 * line: unknown keys, values out of range, a bar with no or two kinds, and bars that contradict
 * each other.
 *
 * @param split the planned treatment share, for the sample-ratio-mismatch check and planning
 * @param minEvents events per arm below which the verdict is continue (exactly minEvents is enough)
 * @param sequential whether intervals are always-valid confidence sequences
 * @param sequentialTuning the sequence's tuning parameter N* (it is tightest near N* events)
 */
public record CanarySpec(String file, double split, long minEvents, double alpha, double power, boolean sequential,
        double sequentialTuning, List<CanaryBar> bars) {
    public static final long DEFAULT_MIN_EVENTS = 500;
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_POWER = 0.80;
    /** The sample-ratio-mismatch p-value below which a readout is invalid. */
    public static final double SRM_THRESHOLD = 0.001;
    static final List<String> KEYS = List.of("split", "min_events", "alpha", "power", "sequential", "sequential_tuning", "bars");
    static final List<String> BAR_KEYS = List.of("metric", "min_uplift", "max_increase", "no_regression", "stop_loss", "relative", "baseline",
            "sd");

    public CanarySpec {
        bars = List.copyOf(bars);
    }

    /** The {@code canary:} section of a gate file, if it has one. */
    public static Optional<CanarySpec> fromGateFile(YamlDocument gateFile) {
        return gateFile.rootMap().optMap("canary").map(CanarySpec::read);
    }

    /** Reads a {@code canary:} mapping. */
    public static CanarySpec read(YamlMap m) {
        String file = m.document().file();
        m.requireOnly(KEYS);
        if (!m.has("split")) {
            throw BadInputException.at(file, m.line(), "canary: missing split, the planned treatment share (e.g. split: 0.10)");
        }
        double split = m.optNumber("split").orElseThrow();
        if (!(split > 0 && split < 1)) {
            throw m.error("split", "the planned treatment share must lie between 0 and 1, e.g. 0.10 for a 10 % canary");
        }
        long minEvents = DEFAULT_MIN_EVENTS;
        Optional<Double> me = m.optNumber("min_events");
        if (me.isPresent()) {
            if (me.get() < 1 || me.get() != Math.rint(me.get())) {
                throw m.error("min_events", "expected a whole number of events per arm, at least 1");
            }
            minEvents = me.get().longValue();
        }
        double alpha = m.optNumber("alpha").orElse(DEFAULT_ALPHA);
        if (!(alpha > 0 && alpha < 0.5)) {
            throw m.error("alpha", "expected a significance level between 0 and 0.5, e.g. 0.05 for 95 % intervals");
        }
        double power = m.optNumber("power").orElse(DEFAULT_POWER);
        if (!(power >= 0.5 && power < 1)) {
            throw m.error("power", "expected a power between 0.5 and 1, e.g. 0.80");
        }
        boolean sequential = m.optBoolean("sequential").orElse(false);
        double tuning = m.optNumber("sequential_tuning").orElse(ConfidenceSequences.DEFAULT_TUNING);
        if (!(tuning >= 1)) {
            throw m.error("sequential_tuning", "expected the number of events (both arms) near which the sequence should be tightest, e.g. 5000");
        }
        if (m.has("sequential_tuning") && !sequential) {
            throw m.error("sequential_tuning", "applies only with sequential: true");
        }
        List<YamlMap> items = m.mapList("bars");
        if (items.isEmpty()) {
            throw BadInputException.at(file, m.line("bars"), "canary: pre-register at least one bar under bars: "
                    + "(e.g. - {metric: grounded_judge, min_uplift: 0.08, relative: true})");
        }
        List<CanaryBar> bars = new ArrayList<>();
        for (YamlMap b : items) {
            CanaryBar bar = bar(b);
            checkAgainstEarlier(file, bar, bars);
            bars.add(bar);
        }
        return new CanarySpec(file, split, minEvents, alpha, power, sequential, tuning, bars);
    }

    private static CanaryBar bar(YamlMap b) {
        b.requireOnly(BAR_KEYS);
        String name = b.requireString("metric");
        MetricId metric = MetricId.parse(name);
        List<BarKind> kinds = new ArrayList<>();
        for (BarKind k : BarKind.values()) {
            if (b.has(k.key())) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            throw BadInputException.at(b.document().file(), b.line(), "canary bar on " + name + ": " + (kinds.isEmpty()
                    ? "no bar: give one of min_uplift, max_increase, no_regression, stop_loss"
                    : "one bar per entry, found " + kinds.stream().map(BarKind::key).toList() + "; write them as separate entries"));
        }
        BarKind kind = kinds.get(0);
        boolean relative = b.optBoolean("relative").orElse(false);
        double threshold;
        if (kind == BarKind.NO_REGRESSION) {
            if (!b.optBoolean("no_regression").orElse(false)) {
                throw b.error("no_regression", "only no_regression: true is meaningful (leave the bar out otherwise)");
            }
            if (b.has("relative")) {
                throw b.error("relative", "no_regression compares the difference with 0; relative does not apply");
            }
            threshold = 0;
        } else {
            threshold = b.optNumber(kind.key()).orElseThrow(() -> b.error(kind.key(), "expected a number"));
        }
        if (kind == BarKind.STOP_LOSS) {
            boolean higherBetter = metric.higherIsBetter();
            if (higherBetter ? threshold > 0 : threshold < 0) {
                throw b.error("stop_loss", "a stop-loss lies on the worse side of 0: for " + metric.display() + " ("
                        + (higherBetter ? "higher" : "lower") + " is better) it must be " + (higherBetter ? "0 or negative, e.g. -0.05"
                                : "0 or positive, e.g. 0.20"));
            }
        }
        Double baseline = b.optNumber("baseline").orElse(null);
        Double sd = b.optNumber("sd").orElse(null);
        if (baseline != null && metric.type() == MetricType.BINARY && !(baseline > 0 && baseline < 1)) {
            throw b.error("baseline", "the expected control rate of " + metric.display() + " must lie between 0 and 1");
        }
        if (sd != null) {
            if (metric.type() == MetricType.BINARY) {
                throw b.error("sd", metric.display() + " is a rate: its spread follows from baseline; leave sd out");
            }
            if (!(sd > 0)) {
                throw b.error("sd", "expected a positive standard deviation");
            }
        }
        return new CanaryBar(metric, kind, threshold, relative, baseline, sd, b.line());
    }

    /** Bars on the same metric and scale that cannot all hold, or whose promote and roll-back regions overlap. */
    private static void checkAgainstEarlier(String file, CanaryBar bar, List<CanaryBar> earlier) {
        for (CanaryBar o : earlier) {
            if (!o.metric().equals(bar.metric()) || o.relative() != bar.relative()) {
                continue;
            }
            String both = " (" + o.describe() + " on line " + o.line() + ")";
            if (o.kind() == bar.kind()) {
                throw BadInputException.at(file, bar.line(), "a second " + bar.kind().key() + " bar on " + bar.metric().display() + both
                        + "; keep one");
            }
            CanaryBar uplift = pick(bar, o, BarKind.MIN_UPLIFT);
            CanaryBar increase = pick(bar, o, BarKind.MAX_INCREASE);
            CanaryBar stop = pick(bar, o, BarKind.STOP_LOSS);
            if (uplift != null && increase != null && uplift.threshold() >= increase.threshold()) {
                throw BadInputException.at(file, bar.line(), "contradictory bars on " + bar.metric().display() + both + ": promote would need "
                        + "an interval entirely above " + uplift.thresholdText() + " and entirely below " + increase.thresholdText());
            }
            if (stop != null && uplift != null && bar.metric().higherIsBetter() && stop.threshold() > uplift.threshold()) {
                throw BadInputException.at(file, bar.line(), "contradictory bars on " + bar.metric().display() + both + ": the stop-loss "
                        + stop.thresholdText() + " lies above the min_uplift " + uplift.thresholdText()
                        + ", so one interval could both promote and roll back");
            }
            if (stop != null && increase != null && !bar.metric().higherIsBetter() && stop.threshold() < increase.threshold()) {
                throw BadInputException.at(file, bar.line(), "contradictory bars on " + bar.metric().display() + both + ": the stop-loss "
                        + stop.thresholdText() + " lies below the max_increase " + increase.thresholdText()
                        + ", so one interval could both promote and roll back");
            }
        }
    }

    private static CanaryBar pick(CanaryBar a, CanaryBar b, BarKind kind) {
        return a.kind() == kind ? a : b.kind() == kind ? b : null;
    }
}
