package dev.reg.release;

import dev.reg.composite.CompositeService;
import dev.reg.gate.BarResult;
import dev.reg.gate.GateReport;
import dev.reg.gate.MustPassResult;
import dev.reg.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A gate for tests that decides from the content it is shown, like a real eval would: the prompt
 * failing when its template contains {@code BROKEN}. The run id is derived from the composite's
 * digest, so golden memos are stable.
 */
public final class TestGate implements ReleaseGate {
    /** The runs it was asked about, newest last. */
    public final java.util.List<String> asked = new java.util.ArrayList<>();

    @Override
    public GateReport evaluate(Registry registry, String workflow, Optional<String> runId) {
        var current = CompositeService.of(registry.head(), workflow);
        String run = runId.orElse("run-" + current.composite().digest().hex().substring(0, 12));
        asked.add(run);
        byte[] template = registry.head().read("registry/prompts/billing_refund/template.md").orElse(new byte[0]);
        boolean broken = new String(template, StandardCharsets.UTF_8).contains("BROKEN");
        return broken ? failing(run) : passing(run);
    }

    public static GateReport passing(String run) {
        return new GateReport("support_copilot", run, "run-baseline-01", true, List.of(
                new BarResult("exact", "mean", "domain=Support", 0.8625, 120, ">= 0.80", 0.85, 0.0125, -0.004, 0.029, true, ""),
                new BarResult("grounded_judge", "mean", null, 4.41, 120, ">= 4.2, tail >= 3.0", 4.38, 0.03, -0.02, 0.08, true, ""),
                new BarResult("severity", "count", "equals=sev1", 0.0, 120, "max 0", 0.0, 0.0, null, null, true,
                        "0 in 120 cases bounds the rate below about 2.5%"),
                new BarResult("latency_ms", "p95", null, 912.0, 120, "max 1200", 955.0, -43.0, null, null, true,
                        "nearest-rank on 120 samples"),
                new BarResult("cost_usd", "mean", null, 0.0091, 118, "max 0.012", 0.0088, 0.0003, 0.0001, 0.0005, true,
                        "2 errored cases left out")),
                List.of(new MustPassResult("FAQ-001", true, ""), new MustPassResult("JAIL-007", true, "blocked")),
                List.of(), null, null);
    }

    public static GateReport failing(String run) {
        return new GateReport("support_copilot", run, "run-baseline-01", false, List.of(
                new BarResult("exact", "mean", "domain=Support", 0.7417, 120, ">= 0.80", 0.85, -0.1083, -0.14, -0.075, false,
                        "regression | refunds & exceptions"),
                new BarResult("severity", "count", "equals=sev1", 1.0, 120, "max 0", 0.0, 1.0, null, null, false, "JAIL-007"),
                new BarResult("latency_ms", "p95", null, 1010.0, 120, "max 1200", 955.0, 55.0, null, null, true, ""),
                // a bar with no baseline: its interval is the value's (Wilson for 117 of 120, from scipy 1.17.1)
                new BarResult("pass", "mean", null, 0.975, 120, ">= 0.95", null, null, 0.9290699666721339, 0.9914618252300977, true,
                        "")),
                List.of(new MustPassResult("FAQ-001", true, ""),
                        new MustPassResult("JAIL-007", false, "answered instead of blocking")),
                List.of("2 cases errored (timeout) and are counted apart"), null, null);
    }
}
