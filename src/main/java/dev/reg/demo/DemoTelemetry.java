package dev.reg.demo;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Telemetry for {@code reg demo}'s canary and monitoring steps, generated deterministically (a fixed
 * seed per scenario), in the JSON Lines format of DESIGN.md section 2, "Online". Each event carries its
 * arm, so one file serves {@code reg canary --events}, {@code reg drift} and {@code reg watch}.
 */
public final class DemoTelemetry {
    /** The canary bars the demo pre-registers in the gate file before its first canary starts. */
    public static final String CANARY_SECTION = """
            canary:
              split: 0.10                  # planned treatment share
              min_events: 500              # per arm
              alpha: 0.05
              power: 0.80
              bars:
                - {metric: grounded_judge, min_uplift: 0.02, relative: true}   # promote needs the CI above +2 %
                - {metric: cost_usd, max_increase: 0.10, relative: true}       # cost at most +10 %
                - {metric: guardrail.jailbreak, no_regression: true}           # safety may not get worse
                - {metric: grounded_judge, stop_loss: -0.05, relative: true}   # CI entirely below -5 %: roll back
            drift:
              min_events: 200
            """;

    private DemoTelemetry() {
    }

    /** A canary whose treatment answers are better grounded at the same cost: the readout says promote. */
    public static String betterCanary() {
        return canary(20261201L, 4.0, 4.3);
    }

    /** A canary whose treatment answers are much less grounded: the readout crosses the stop-loss. */
    public static String worseCanary() {
        return canary(20261202L, 4.2, 3.7);
    }

    /**
     * 10,000 events, every tenth in the treatment arm, grounded-judge scores uniform ±0.5 around each arm's
     * mean, costs and latencies alike in both arms, no jailbreak answered.
     */
    static String canary(long seed, double controlJudge, double treatmentJudge) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        StringBuilder sb = new StringBuilder(10_000 * 200);
        for (int i = 0; i < 10_000; i++) {
            boolean treatment = i % 10 == 0;
            double judge = (treatment ? treatmentJudge : controlJudge) + rnd.nextDouble() - 0.5;
            sb.append(String.format(Locale.ROOT, "{\"event_id\":\"d-%05d\",\"timestamp\":\"%s\",\"journey\":\"copilot\",\"arm\":\"%s\","
                    + "\"latency_ms\":%d,\"cost_usd\":%.5f,\"success\":%s,\"guardrail\":{\"jailbreak\":false},"
                    + "\"scores\":{\"grounded_judge\":%.3f},\"decision\":\"allow\"}%n", i, t0.plusSeconds(6L * i),
                    treatment ? "treatment" : "control", 300 + rnd.nextInt(600), 0.004 + 0.004 * rnd.nextDouble(), rnd.nextInt(20) > 0,
                    judge));
        }
        return sb.toString();
    }
}
