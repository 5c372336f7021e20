package dev.reg.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.report.Report.Arm;
import dev.reg.report.Report.CanaryBar;
import dev.reg.report.Report.CanaryMetric;
import dev.reg.report.Report.CanaryReadout;
import dev.reg.report.Report.DriftField;
import dev.reg.report.Report.DriftReadout;
import dev.reg.report.Report.Estimate;
import dev.reg.report.Report.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the recorded online readouts under {@code registry/online/<workflow>/} by their DESIGN.md
 * formats, {@code reg.canary/1} and {@code reg.drift/1}. Reading is tolerant: unknown fields are
 * ignored and a missing optional figure is null; a file that is not a readout becomes a finding,
 * never an error, so one stray file does not stop the report.
 */
final class OnlineReadouts {
    static final String CANARY = "reg.canary/1";
    static final String DRIFT = "reg.drift/1";
    /** Files recorded beside the readouts that the report does not chart (a drift reference profile, an error-budget readout). */
    static final Set<String> COMPANIONS = Set.of("reg.drift-profile/1", "reg.budget/1");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OnlineReadouts() {
    }

    /** What one file turned out to be: a canary readout, a drift readout, a companion file (all null), or a finding. */
    record Parsed(CanaryReadout canary, DriftReadout drift, Finding finding) {
    }

    /**
     * @param file the file's repository path, for the report and for findings
     * @param canaryBars the gate file's pre-registered canary bars, for a readout that does not list its own
     */
    static Parsed parse(String file, byte[] bytes, List<CanaryBar> canaryBars) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            return finding(file, "not JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + "): not a readout");
        } catch (IOException e) {
            return finding(file, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return finding(file, "not a JSON object: not a readout");
        }
        String format = text(root, "format");
        if (CANARY.equals(format)) {
            return canary(file, root, canaryBars);
        }
        if (DRIFT.equals(format)) {
            return drift(file, root);
        }
        if (format != null && COMPANIONS.contains(format)) {
            return new Parsed(null, null, null);
        }
        return finding(file, (format == null ? "no format field" : "format '" + format + "'") + ": not a readout (expected " + CANARY
                + " or " + DRIFT + ")");
    }

    private static Parsed canary(String file, JsonNode root, List<CanaryBar> canaryBars) {
        JsonNode metrics = root.get("metrics");
        if (metrics == null || !metrics.isArray()) {
            return finding(file, CANARY + " without a metrics list: not shown");
        }
        List<CanaryMetric> out = new ArrayList<>();
        for (JsonNode m : metrics) {
            String name = text(m, "metric");
            if (name == null) {
                continue;
            }
            out.add(new CanaryMetric(name, text(m, "type"), arm(m.get("control")), arm(m.get("treatment")), estimate(m.get("difference")),
                    estimate(m.get("relative"))));
        }
        List<CanaryBar> bars = new ArrayList<>();
        JsonNode recorded = root.get("bars");
        if (recorded != null && recorded.isArray()) {
            for (JsonNode b : recorded) {
                String metric = text(b, "metric");
                String kind = text(b, "bar");
                if (metric != null && kind != null) {
                    bars.add(new CanaryBar(metric, kind, number(b, "threshold"), b.path("relative").asBoolean(false), text(b, "status")));
                }
            }
        }
        String barsFrom = bars.isEmpty() ? canaryBars.isEmpty() ? null : "gate file" : "readout";
        if (bars.isEmpty()) {
            bars.addAll(canaryBars);
        }
        List<String> reasons = new ArrayList<>();
        root.path("reasons").forEach(r -> {
            if (r.isTextual()) {
                reasons.add(r.asText());
            }
        });
        return new Parsed(new CanaryReadout(file, release(root), when(root), text(root, "verdict"), reasons, number(root.path("srm"), "p"),
                out, bars, barsFrom), null, null);
    }

    private static Parsed drift(String file, JsonNode root) {
        JsonNode fields = root.get("fields");
        if (fields == null || !fields.isArray()) {
            return finding(file, DRIFT + " without a fields list: not shown");
        }
        List<DriftField> out = new ArrayList<>();
        for (JsonNode f : fields) {
            String name = text(f, "field");
            if (name != null) {
                out.add(new DriftField(name, text(f, "type"), number(f, "psi"), number(f, "kl"), number(f, "js"), text(f, "level")));
            }
        }
        JsonNode e = root.get("embedding");
        DriftField embedding = e != null && e.isObject()
                ? new DriftField("embedding", "embedding", number(e, "cosine_distance"), null, null, text(e, "level"))
                : null;
        return new Parsed(null, new DriftReadout(file, release(root), when(root), text(root, "level"), out, embedding), null);
    }

    private static Parsed finding(String file, String message) {
        return new Parsed(null, null, new Finding(file, message));
    }

    /** The release a readout judged: {@code release: 3} (or {@code {"n": 3}}), when it says. */
    private static Integer release(JsonNode root) {
        JsonNode r = root.get("release");
        if (r != null && r.isObject()) {
            r = r.get("n");
        }
        return r != null && r.canConvertToInt() && r.isIntegralNumber() ? r.asInt() : null;
    }

    /** When the readout was recorded, else the end of the window it covers; null when it says neither. */
    private static String when(JsonNode root) {
        for (String key : List.of("recorded", "at", "created")) {
            String t = text(root, key);
            if (t != null) {
                return t;
            }
        }
        return text(root.path("window"), "to");
    }

    private static Arm arm(JsonNode a) {
        if (a == null || !a.isObject()) {
            return null;
        }
        JsonNode n = a.get("n");
        return new Arm(n != null && n.isNumber() ? n.asLong() : null, number(a, "mean"));
    }

    private static Estimate estimate(JsonNode e) {
        if (e == null || !e.isObject()) {
            return null;
        }
        return new Estimate(number(e, "value"), number(e, "low"), number(e, "high"), text(e, "method"));
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** A finite number, else null (a readout writes undefined figures as null). */
    private static Double number(JsonNode o, String key) {
        JsonNode v = o.get(key);
        return v != null && v.isNumber() && Double.isFinite(v.asDouble()) ? v.asDouble() : null;
    }
}
