package dev.reg.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.BadInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns promptfoo result rows (EvaluateResult, as in {@code results.results[]} of {@code -o
 * results.json} and each line of {@code -o results.jsonl}) into case rows, minding promptfoo's traps:
 * <ul>
 * <li>{@code failureReason} (0 none, 1 assertion, 2 error) separates failed answers from provider
 *     errors; the row's {@code error} field holds assertion messages too, so it alone says nothing;
 * <li>a test with a {@code threshold} can pass while an assertion failed: the verdict is {@code success},
 *     and the failed assertions are kept in extra;
 * <li>the row's {@code cost} is 0 when the provider reported none: cost is taken only from
 *     {@code response.cost};
 * <li>an error row's {@code latencyMs} is 0 when the provider call threw (it was never measured): absent;
 * <li>every test runs against every provider and prompt: rows of one of each are imported
 *     ({@link PromptfooChoice});
 * <li>repeats ({@code --repeat}) carry no repeat index: they are rows of the same test at different
 *     test indexes, numbered as trials 1, 2, … in test-index order;
 * <li>case ids exist only in metadata: the id is the first of {@code metadata.case_id},
 *     {@code metadata.caseId}, {@code metadata.id}, the test's {@code description}, or
 *     {@code vars-<hash of the vars>}; two different tests with one id are refused.
 * </ul>
 * Summary scores in the file are sums, not means, and are ignored: everything is recomputed from rows.
 */
final class PromptfooRows {
    private static final Set<String> RESERVED_METADATA = Set.of("case_id", "caseId", "id", "tags", "severity");
    final PromptfooChoice choice;
    long successes;
    long failures;
    long errors;

    PromptfooRows(PromptfooChoice choice) {
        this.choice = choice;
    }

    void accept(JsonNode row, String where, CaseSink sink) {
        if (!row.isObject()) {
            throw EvalJson.bad(where, "", "a promptfoo result row (an object)", row);
        }
        JsonNode successNode = row.get("success");
        if (successNode == null || !successNode.isBoolean()) {
            throw EvalJson.bad(where, "success", "true or false", successNode);
        }
        boolean success = successNode.asBoolean();
        int failureReason = failureReason(row, where, success);
        if (failureReason == 2) {
            errors++;
        } else if (success) {
            successes++;
        } else {
            failures++;
        }
        String providerId = "";
        String providerLabel = "";
        JsonNode p = row.get("provider");
        if (p != null && p.isObject()) {
            providerId = p.path("id").asText("");
            providerLabel = p.path("label").asText("");
        } else if (p != null && p.isTextual()) {
            providerId = p.asText();
        }
        String providerName = providerLabel.isEmpty() ? providerId : providerLabel;
        String promptId = row.path("promptId").asText("");
        if (promptId.isEmpty() && row.path("promptIdx").isIntegralNumber()) {
            promptId = "prompt " + (row.get("promptIdx").asLong() + 1);
        }
        if (!choice.keeps(providerId, providerLabel, promptId, row.path("prompt").path("label").asText(""))) {
            return;
        }
        JsonNode testCase = row.path("testCase");
        JsonNode metadata = row.get("metadata") != null && row.get("metadata").isObject() ? row.get("metadata") : testCase.path("metadata");
        String[] idAndSource = caseId(row, testCase, metadata, where);
        String id = EvalJson.caseId(idAndSource[0], where);
        JsonNode testIdx = row.get("testIdx");
        if (testIdx == null || !testIdx.isIntegralNumber() || testIdx.asLong() < 0) {
            throw EvalJson.bad(where, "testIdx", "a whole number of at least 0", testIdx);
        }
        JsonNode response = row.path("response");
        JsonNode grading = row.path("gradingResult");

        Boolean pass = null;
        EvalCase.CaseError error = null;
        String reason;
        if (failureReason == 2) {
            String msg = row.path("error").isTextual() ? row.get("error").asText() : response.path("error").asText(null);
            error = new EvalCase.CaseError("provider", msg);
            reason = null;
        } else {
            pass = success;
            reason = grading.path("reason").isTextual() ? grading.get("reason").asText()
                    : !success && row.path("error").isTextual() ? row.get("error").asText() : null;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        JsonNode named = row.get("namedScores");
        if (named != null && !named.isNull()) {
            if (!named.isObject()) {
                throw EvalJson.bad(where, "namedScores", "an object of metric name to number", named);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = named.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                EvalJson.metricName(e.getKey(), where, "namedScores");
                scores.put(e.getKey(), EvalJson.number(e.getValue(), where, "namedScores." + e.getKey(), false));
            }
        }
        if (failureReason != 2 && row.has("score") && !scores.containsKey("score")) {
            Double s = EvalJson.number(row.get("score"), where, "score", false);
            if (s != null) {
                scores.put("score", s);
            }
        }
        scores.values().removeIf(java.util.Objects::isNull);
        Double latency = EvalJson.number(row.get("latencyMs"), where, "latencyMs", true);
        if (failureReason == 2 && latency != null && latency == 0) {
            // promptfoo starts latencyMs at 0 and sets it only when the provider call returns: an error row
            // with 0 is a call that threw, nothing was measured (and errored rows stay out of latency aggregates)
            latency = null;
        }
        Double cost = response.isObject() && response.has("cost") ? EvalJson.number(response.get("cost"), where, "response.cost", true) : null;
        EvalCase.Tokens tokens = null;
        JsonNode tu = response.path("tokenUsage");
        if (tu.isObject()) {
            tokens = new EvalCase.Tokens(EvalJson.count(tu.get("prompt"), where, "response.tokenUsage.prompt"),
                    EvalJson.count(tu.get("completion"), where, "response.tokenUsage.completion"),
                    EvalJson.count(tu.get("total"), where, "response.tokenUsage.total"));
            if (tokens.prompt() == null && tokens.completion() == null && tokens.total() == null) {
                tokens = null;
            }
        }
        Map<String, String> slice = new LinkedHashMap<>();
        ObjectNode otherMetadata = EvalJson.MAPPER.createObjectNode();
        if (metadata.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (RESERVED_METADATA.contains(e.getKey()) || e.getKey().startsWith("_")) {
                    continue;
                }
                if (e.getValue().isTextual()) {
                    slice.put(e.getKey(), e.getValue().asText());
                } else {
                    otherMetadata.set(e.getKey(), e.getValue());
                }
            }
        }
        String severity = EvalJson.optText(metadata.get("severity"), where, "metadata.severity");
        List<String> tags = tags(metadata.get("tags"), where);

        ObjectNode extra = EvalJson.MAPPER.createObjectNode();
        ObjectNode pf = extra.putObject("promptfoo");
        copy(row, pf, "id");
        pf.put("id_from", idAndSource[1]);
        copy(row, pf, "testIdx");
        copy(row, pf, "promptIdx");
        copy(row, pf, "promptId");
        if (p != null) {
            pf.set("provider", p);
        }
        pf.put("failureReason", failureReason);
        copy(testCase, pf, "description");
        copy(row, pf, "vars");
        if (response.has("output")) {
            pf.set("output", response.get("output"));
        }
        JsonNode components = grading.path("componentResults");
        if (components.isArray() && !components.isEmpty()) {
            pf.set("componentResults", components);
        }
        if (!otherMetadata.isEmpty()) {
            pf.set("metadata", otherMetadata);
        }
        String test = "provider " + providerName + ", prompt " + shortId(row.path("promptId").asText("")) + ", test "
                + JsonInput.fingerprint(testCase.path("description"), testCase.path("vars"), testCase.path("assert"));
        sink.accept(new EvalCase(id, 1, slice, pass, false, reason, scores, latency, cost, tokens, Map.of(), severity, tags, error, extra),
                testIdx.asLong(), test, where);
    }

    private static int failureReason(JsonNode row, String where, boolean success) {
        JsonNode fr = row.get("failureReason");
        if (fr == null || fr.isNull()) {
            // files older than failureReason: an error without any grading is a provider error
            return success ? 0 : row.path("gradingResult").isObject() ? 1 : row.path("error").isTextual() ? 2 : 1;
        }
        if (!fr.isIntegralNumber() || fr.asInt() < 0 || fr.asInt() > 2) {
            throw EvalJson.bad(where, "failureReason", "0 (none), 1 (assertion) or 2 (error)", fr);
        }
        if (success && fr.asInt() != 0) {
            throw new BadInputException(where + ": success is true but failureReason is " + fr.asInt());
        }
        return fr.asInt();
    }

    private static String[] caseId(JsonNode row, JsonNode testCase, JsonNode metadata, String where) {
        for (String key : List.of("case_id", "caseId", "id")) {
            JsonNode v = metadata.get(key);
            if (v != null && (v.isTextual() || v.isIntegralNumber()) && !v.asText().isBlank()) {
                return new String[] {v.asText(), "metadata." + key};
            }
        }
        JsonNode d = testCase.get("description");
        if (d != null && d.isTextual() && !d.asText().isBlank()) {
            return new String[] {d.asText(), "description"};
        }
        JsonNode vars = row.has("vars") ? row.get("vars") : testCase.get("vars");
        if (vars != null && vars.isObject()) {
            return new String[] {"vars-" + JsonInput.fingerprint(vars), "vars"};
        }
        throw new BadInputException(where + ": no case id: the row has no metadata.case_id, description or vars");
    }

    private static List<String> tags(JsonNode v, String where) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            for (String t : v.asText().split("[,\\s]+")) {
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return out;
        }
        if (v.isArray()) {
            for (JsonNode t : v) {
                if (!t.isTextual()) {
                    throw EvalJson.bad(where, "metadata.tags", "strings", t);
                }
                out.add(t.asText());
            }
            return out;
        }
        throw EvalJson.bad(where, "metadata.tags", "a string or a list of strings", v);
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull()) {
            to.set(field, v);
        }
    }

    private static String shortId(String s) {
        return s.length() > 8 ? s.substring(0, 8) : s;
    }
}
