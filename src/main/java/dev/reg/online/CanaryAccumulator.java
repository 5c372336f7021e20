package dev.reg.online;

import dev.reg.stats.RatioMoments;
import dev.reg.stats.RunningMoments;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds events up per arm, on the fly, into a few accumulators per metric (counts, Welford means
 * and variances, ratio co-moments): memory grows with the number of metrics, never with the number
 * of events. Events that belong to neither arm are counted apart.
 */
public final class CanaryAccumulator implements EventSink {
    private final ArmSource source;
    private final ArmTotals control = new ArmTotals();
    private final ArmTotals treatment = new ArmTotals();
    private long unassigned;

    public CanaryAccumulator(ArmSource source) {
        this.source = source;
    }

    /** One arm's running totals. */
    private static final class ArmTotals {
        long events;
        final long[] success = new long[2];
        final long[] pass = new long[2];
        final Map<String, long[]> guardrails = new HashMap<>();
        final RunningMoments latency = new RunningMoments();
        final RunningMoments cost = new RunningMoments();
        final Map<String, RunningMoments> scores = new HashMap<>();
        final RatioMoments costPerSuccess = new RatioMoments();

        void add(TelemetryEvent e) {
            events++;
            flag(success, e.success());
            flag(pass, e.pass());
            for (int i = 0; i < e.guardrailCount(); i++) {
                long[] g = guardrails.computeIfAbsent(e.guardrailName(i), k -> new long[2]);
                flag(g, e.guardrailValue(i) ? 1 : 0);
            }
            if (!Double.isNaN(e.latencyMs())) {
                latency.add(e.latencyMs());
            }
            if (!Double.isNaN(e.costUsd())) {
                cost.add(e.costUsd());
                if (e.success() != TelemetryEvent.ABSENT) {
                    costPerSuccess.add(e.costUsd(), e.success());
                }
            }
            for (int i = 0; i < e.scoreCount(); i++) {
                scores.computeIfAbsent(e.scoreName(i), k -> new RunningMoments()).add(e.scoreValue(i));
            }
        }

        private static void flag(long[] counts, int value) {
            if (value != TelemetryEvent.ABSENT) {
                counts[0]++;
                counts[1] += value;
            }
        }

        ArmSummary summary() {
            Map<MetricId, MetricSample> m = new HashMap<>();
            binary(m, MetricId.SUCCESS, success);
            binary(m, MetricId.PASS, pass);
            guardrails.forEach((name, c) -> binary(m, MetricId.guardrailFlag(name), c));
            mean(m, MetricId.LATENCY, latency);
            mean(m, MetricId.COST, cost);
            scores.forEach((name, s) -> mean(m, MetricId.score(name), s));
            RatioMoments r = costPerSuccess;
            if (r.n() > 0) {
                m.put(MetricId.COST_PER_SUCCESS, new MetricSample.Ratio(r.n(), r.meanX(), r.meanY(), r.varianceX(), r.varianceY(), r.covariance()));
            }
            return new ArmSummary(events, m);
        }

        private static void binary(Map<MetricId, MetricSample> m, MetricId id, long[] c) {
            if (c[0] > 0) {
                m.put(id, new MetricSample.Binary(c[0], c[1]));
            }
        }

        private static void mean(Map<MetricId, MetricSample> m, MetricId id, RunningMoments s) {
            if (s.n() > 0) {
                m.put(id, new MetricSample.Mean(s.n(), s.mean(), s.variance()));
            }
        }
    }

    @Override
    public void accept(TelemetryEvent e) {
        Arm arm = source.of(e);
        if (arm == Arm.CONTROL) {
            control.add(e);
        } else if (arm == Arm.TREATMENT) {
            treatment.add(e);
        } else {
            unassigned++;
        }
    }

    /** Only the field that assigns arms, if any: canary metrics are numbers and flags. */
    @Override
    public java.util.Set<TelemetryField> reads() {
        return switch (source.kind()) {
            case FILES -> java.util.EnumSet.noneOf(TelemetryField.class);
            case ARM_FIELD -> java.util.EnumSet.of(TelemetryField.ARM);
            case RELEASE_FIELD -> java.util.EnumSet.of(TelemetryField.RELEASE);
        };
    }

    public ArmSummary control() {
        return control.summary();
    }

    public ArmSummary treatment() {
        return treatment.summary();
    }

    /** Events that belong to neither arm (no or another arm/release). */
    public long unassigned() {
        return unassigned;
    }
}
