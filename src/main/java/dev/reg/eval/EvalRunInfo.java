package dev.reg.eval;

import java.util.Map;

/**
 * A stored run's metadata (everything but its case rows): what the decision memo cites as evidence.
 *
 * @param created when the eval ran, as the tool's output records it (an ISO instant), null when it does
 *     not say: never the import time, so one file imported for one subject is the same bytes anywhere
 * @param path where it is stored, relative to the repository root: {@code registry/evals/<id>.json}
 *     or, for a large run, the folder {@code registry/evals/<id>} holding run.json and cases.jsonl
 * @param large whether the run is stored as a folder
 */
public record EvalRunInfo(String id, String created, RunSource source, RunSubject subject, Map<String, MetricDef> metrics,
        RunSummary summary, String path, boolean large) {
    public EvalRunInfo {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    public long caseCount() {
        return summary.cases();
    }
}
