package dev.reg.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One row of an eval run: one case in one trial. A value the tool did not report is null (absent
 * in JSON), never 0. An errored row ({@code error} set) is a harness or provider failure, not a
 * failed answer; a skipped row was not run.
 *
 * @param slice the case's slice fields (domain, journey, ...), which gate {@code where} clauses select on
 * @param extra tool-specific fields kept verbatim
 */
public record EvalCase(String id, int trial, Map<String, String> slice, Boolean pass, boolean skipped, String reason,
        Map<String, Double> scores, Double latencyMs, Double costUsd, Tokens tokens, Map<String, Boolean> guardrails,
        String severity, List<String> tags, CaseError error, ObjectNode extra) {

    public EvalCase {
        slice = slice == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slice));
        scores = scores == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        guardrails = guardrails == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(guardrails));
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static final String MUST_PASS_TAG = "must-pass";

    /** Token counts as the tool reported them; any part may be absent. */
    public record Tokens(Long prompt, Long completion, Long total) {
        /** The total, or the sum of the parts when only they were reported. */
        public Long totalOrSum() {
            if (total != null) {
                return total;
            }
            return prompt != null && completion != null ? prompt + completion : null;
        }
    }

    /** Why a row has no verdict: {@code kind} such as provider, harness or timeout, and the tool's message. */
    public record CaseError(String kind, String message) {
    }

    public boolean errored() {
        return error != null;
    }

    /** Passed: a verdict of pass, not errored, not skipped. */
    public boolean passed() {
        return !errored() && !skipped && Boolean.TRUE.equals(pass);
    }

    /** Failed: a verdict of fail on an answer that was produced (errors and skips are counted apart). */
    public boolean failed() {
        return !errored() && !skipped && Boolean.FALSE.equals(pass);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public EvalCase withTrial(int t) {
        return new EvalCase(id, t, slice, pass, skipped, reason, scores, latencyMs, costUsd, tokens, guardrails, severity, tags,
                error, extra);
    }
}
