package dev.reg.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.online.RecordedReadouts.Recorded;
import dev.reg.stats.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Online evidence" of a promote memo, from the recorded canary readout it rests on
 * ({@code reg.canary/1}): the sample-ratio check, every metric's effect size with its interval and
 * method, the cost delta, the safety outcome, the pre-registered bars with their status, the verdict
 * and the input files' names, sizes and sha256 — all read from the committed file, so the memo says
 * exactly what the record says.
 */
final class OnlineEvidence {
    private static final List<String> SAFETY = List.of("guardrail", "severity", "safety", "toxic", "jailbreak", "pii");

    private OnlineEvidence() {
    }

    /** The template model of one recorded readout. */
    static Map<String, Object> model(Recorded r) {
        JsonNode j = r.json();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", r.path());
        m.put("sha256", r.sha256());
        m.put("recorded", r.recorded());
        m.put("gateFile", j.path("gate_file").path("path").asText("?"));
        m.put("gateCommit", shortId(j.path("gate_file").path("commit").asText("?")));
        JsonNode srm = j.path("srm");
        m.put("srm", "chi-square p = " + num(srm.get("p")) + " for the planned treatment share " + num(srm.get("planned_share"))
                + " (observed " + num(srm.get("observed_share")) + "): " + (srm.path("mismatch").asBoolean() ? "MISMATCH, the readout is invalid"
                        : "no sample-ratio mismatch"));
        List<Map<String, Object>> metrics = new ArrayList<>();
        List<String> cost = new ArrayList<>();
        List<String> safety = new ArrayList<>();
        for (JsonNode x : j.path("metrics")) {
            String name = x.path("metric").asText();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", name);
            row.put("controlN", x.path("control").path("n").asText("-"));
            row.put("controlMean", num(x.path("control").get("mean")));
            row.put("treatmentN", x.path("treatment").path("n").asText("-"));
            row.put("treatmentMean", num(x.path("treatment").get("mean")));
            row.put("difference", estimate(x.get("difference"), false));
            row.put("relative", estimate(x.get("relative"), true));
            row.put("method", x.path("difference").path("method").asText("-"));
            metrics.add(row);
            String lower = name.toLowerCase(Locale.ROOT);
            String line = name + ": control " + num(x.path("control").get("mean")) + ", canary " + num(x.path("treatment").get("mean"))
                    + ", difference " + estimate(x.get("difference"), false) + ", relative " + estimate(x.get("relative"), true);
            if (lower.contains("cost")) {
                cost.add(line);
            }
            if (SAFETY.stream().anyMatch(lower::contains)) {
                safety.add(line);
            }
        }
        m.put("metrics", metrics);
        m.put("cost", cost);
        m.put("safety", safety);
        List<Map<String, Object>> bars = new ArrayList<>();
        for (JsonNode b : j.path("bars")) {
            Map<String, Object> row = new LinkedHashMap<>();
            boolean relative = b.path("relative").asBoolean();
            row.put("line", b.path("metric").asText() + " " + b.path("bar").asText()
                    + (b.has("threshold") ? " " + signed(b.get("threshold"), relative) : "") + (relative ? " (relative)" : ""));
            row.put("status", b.path("status").asText("-"));
            row.put("interval", b.has("low") ? "[" + num(b.get("low")) + ", " + num(b.get("high")) + "]" : "-");
            row.put("reason", b.path("reason").asText(""));
            bars.add(row);
        }
        m.put("bars", bars);
        m.put("verdict", r.verdict());
        List<String> reasons = new ArrayList<>();
        j.path("reasons").forEach(x -> reasons.add(x.asText()));
        m.put("reasons", reasons);
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (JsonNode i : j.path("inputs")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", i.path("name").asText());
            row.put("arm", i.path("arm").asText("both arms"));
            row.put("bytes", i.path("bytes").asLong());
            row.put("events", i.path("events").asLong());
            row.put("sha256", i.path("sha256").asText("-"));
            inputs.add(row);
        }
        m.put("inputs", inputs);
        return m;
    }

    /** {@code +0.31 [0.12, 0.5]}, as a percentage for a relative lift; {@code -} without an estimate. */
    static String estimate(JsonNode e, boolean percent) {
        if (e == null || e.isNull() || !e.has("value")) {
            return "-";
        }
        return signed(e.get("value"), percent) + " [" + signed(e.get("low"), percent) + ", " + signed(e.get("high"), percent) + "]";
    }

    private static String signed(JsonNode v, boolean percent) {
        if (v == null || !v.isNumber()) {
            return "-";
        }
        double x = v.doubleValue() * (percent ? 100 : 1);
        return Numbers.signed(x) + (percent ? " %" : "");
    }

    private static String num(JsonNode v) {
        return v == null || !v.isNumber() ? "-" : Numbers.brief(v.doubleValue());
    }

    private static String shortId(String commit) {
        return commit.substring(0, Math.min(12, commit.length()));
    }
}
