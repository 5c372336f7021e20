package dev.reg.gate;

import java.util.List;

/**
 * A gate decision: ship only when every bar and every must-pass case passed and there is no
 * finding (stale evidence, no run, cases missing from the candidate, …).
 *
 * @param runId the run gated, or null when there was none to gate
 * @param baselineRunId the baseline run, or null when there was none
 * @param composite the workflow's composite at HEAD, long form
 * @param compositeDigest its digest
 */
public record GateReport(String workflow, String runId, String baselineRunId, boolean ship, List<BarResult> bars,
        List<MustPassResult> mustPass, List<String> findings, String composite, String compositeDigest) {
    public GateReport {
        bars = List.copyOf(bars);
        mustPass = List.copyOf(mustPass);
        findings = List.copyOf(findings);
    }
}
