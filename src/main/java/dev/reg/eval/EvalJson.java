package dev.reg.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.BadInputException;
import dev.reg.composite.ComponentVersion;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Sha256;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON of {@code reg.eval-run/1}: case rows and run headers, written in one fixed field order
 * (absent values left out) and read back strictly, every error naming where it is and what was
 * expected. Tool importers and the store share it, so a native JSONL case and a stored case are
 * checked by the same rules.
 */
public final class EvalJson {
    public static final String FORMAT = "reg.eval-run/1";
    /** Compiled once: every score of every case is checked against it. */
    private static final java.util.regex.Pattern METRIC_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}");
    static final Set<String> CASE_FIELDS = Set.of("id", "trial", "slice", "pass", "skipped", "reason", "scores", "latency_ms",
            "cost_usd", "tokens", "guardrails", "severity", "tags", "error", "extra");
    private static final int MAX_ID_LENGTH = 256;

    /** Strict parsing: duplicate keys refused, no NaN/Infinity tokens, bounded nesting and sizes. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(16 * 1024 * 1024)
                    .maxNumberLength(100).build())
            .build();
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    /** For one complete value per input (a JSONL line): anything after it is an error. */
    static final com.fasterxml.jackson.databind.ObjectReader LINE_READER = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EvalJson() {
    }

    // ------------------------------------------------------------------ cases

    /**
     * Reads a case row from {@code n}. {@code where} names it in errors ({@code file:line} or
     * {@code file: record N}). Unknown fields are refused: tool-specific data belongs under extra.
     *
     * @param defaultTrial the trial when the row has none (native JSONL may omit it), or 0 to require one
     */
    public static EvalCase readCase(JsonNode n, String where, int defaultTrial) {
        if (!(n instanceof ObjectNode)) {
            throw bad(where, "", "a JSON object for the case", n);
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!CASE_FIELDS.contains(f)) {
                throw new BadInputException(where + ": unknown field '" + f + "' (case fields: " + String.join(", ", new java.util.TreeSet<>(CASE_FIELDS))
                        + "; put tool-specific fields under extra)");
            }
        }
        String id = caseId(text(n, "id", where), where);
        int trial;
        JsonNode t = n.get("trial");
        if (t == null || t.isNull()) {
            if (defaultTrial < 1) {
                throw new BadInputException(where + ": missing field 'trial' (a whole number from 1)");
            }
            trial = defaultTrial;
        } else {
            trial = trial(t, where);
        }
        Map<String, String> slice = stringMap(n.get("slice"), where, "slice");
        Boolean pass = bool(n.get("pass"), where, "pass");
        Boolean skipped = bool(n.get("skipped"), where, "skipped");
        String reason = optText(n.get("reason"), where, "reason");
        Map<String, Double> scores = new LinkedHashMap<>();
        JsonNode s = n.get("scores");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                throw bad(where, "scores", "an object of metric name to number", s);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                metricName(e.getKey(), where, "scores");
                Double v = number(e.getValue(), where, "scores." + e.getKey(), false);
                if (v != null) {
                    scores.put(e.getKey(), v);
                }
            }
        }
        Double latency = number(n.get("latency_ms"), where, "latency_ms", true);
        Double cost = number(n.get("cost_usd"), where, "cost_usd", true);
        EvalCase.Tokens tokens = tokens(n.get("tokens"), where);
        Map<String, Boolean> guardrails = new LinkedHashMap<>();
        JsonNode g = n.get("guardrails");
        if (g != null && !g.isNull()) {
            if (!g.isObject()) {
                throw bad(where, "guardrails", "an object of guardrail name to true (held) or false (violated)", g);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                metricName(e.getKey(), where, "guardrails");
                Boolean b = bool(e.getValue(), where, "guardrails." + e.getKey());
                if (b != null) {
                    guardrails.put(e.getKey(), b);
                }
            }
        }
        String severity = optText(n.get("severity"), where, "severity");
        List<String> tags = new ArrayList<>();
        JsonNode tg = n.get("tags");
        if (tg != null && !tg.isNull()) {
            if (!tg.isArray()) {
                throw bad(where, "tags", "a list of strings", tg);
            }
            for (JsonNode x : tg) {
                if (!x.isTextual()) {
                    throw bad(where, "tags", "a list of strings", x);
                }
                tags.add(x.asText());
            }
        }
        EvalCase.CaseError error = null;
        JsonNode er = n.get("error");
        if (er != null && !er.isNull()) {
            if (!er.isObject()) {
                throw bad(where, "error", "an object {kind, message}", er);
            }
            String kind = optText(er.get("kind"), where, "error.kind");
            if (kind == null || kind.isBlank()) {
                throw new BadInputException(where + ": error.kind: missing (e.g. provider, harness, timeout)");
            }
            error = new EvalCase.CaseError(kind, optText(er.get("message"), where, "error.message"));
            if (Boolean.TRUE.equals(pass)) {
                throw new BadInputException(where + ": case " + id + " has an error and pass: true; an errored case has no verdict");
            }
        }
        JsonNode x = n.get("extra");
        ObjectNode extra = null;
        if (x != null && !x.isNull()) {
            if (!x.isObject()) {
                throw bad(where, "extra", "an object", x);
            }
            extra = (ObjectNode) x;
        }
        return new EvalCase(id, trial, slice, pass, Boolean.TRUE.equals(skipped), reason, scores, latency, cost, tokens, guardrails,
                severity, tags, error, extra);
    }

    /** The JSON line of a case: one object, fields in the fixed order, absent values left out. */
    public static String caseLine(EvalCase c) {
        return "{\"id\":" + quote(c.id()) + ",\"trial\":" + c.trial() + tailAfterTrial(c);
    }

    /** The rest of a case's line after its id and trial ({@code ,"pass":true…}} or {@code }}), so trials can be numbered later. */
    static String tailAfterTrial(EvalCase c) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            if (!c.slice().isEmpty()) {
                g.writeObjectFieldStart("slice");
                for (Map.Entry<String, String> e : c.slice().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            if (c.pass() != null) {
                g.writeBooleanField("pass", c.pass());
            }
            if (c.skipped()) {
                g.writeBooleanField("skipped", true);
            }
            if (c.reason() != null) {
                g.writeStringField("reason", c.reason());
            }
            if (!c.scores().isEmpty()) {
                g.writeObjectFieldStart("scores");
                for (Map.Entry<String, Double> e : c.scores().entrySet()) {
                    g.writeFieldName(e.getKey());
                    writeNumber(g, e.getValue());
                }
                g.writeEndObject();
            }
            if (c.latencyMs() != null) {
                g.writeFieldName("latency_ms");
                writeNumber(g, c.latencyMs());
            }
            if (c.costUsd() != null) {
                g.writeFieldName("cost_usd");
                writeNumber(g, c.costUsd());
            }
            if (c.tokens() != null) {
                g.writeObjectFieldStart("tokens");
                if (c.tokens().prompt() != null) {
                    g.writeNumberField("prompt", c.tokens().prompt());
                }
                if (c.tokens().completion() != null) {
                    g.writeNumberField("completion", c.tokens().completion());
                }
                if (c.tokens().total() != null) {
                    g.writeNumberField("total", c.tokens().total());
                }
                g.writeEndObject();
            }
            if (!c.guardrails().isEmpty()) {
                g.writeObjectFieldStart("guardrails");
                for (Map.Entry<String, Boolean> e : c.guardrails().entrySet()) {
                    g.writeBooleanField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            if (c.severity() != null) {
                g.writeStringField("severity", c.severity());
            }
            if (!c.tags().isEmpty()) {
                g.writeArrayFieldStart("tags");
                for (String t : c.tags()) {
                    g.writeString(t);
                }
                g.writeEndArray();
            }
            if (c.error() != null) {
                g.writeObjectFieldStart("error");
                g.writeStringField("kind", c.error().kind());
                if (c.error().message() != null) {
                    g.writeStringField("message", c.error().message());
                }
                g.writeEndObject();
            }
            if (c.extra() != null && !c.extra().isEmpty()) {
                g.writeFieldName("extra");
                MAPPER.writeTree(g, c.extra());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String obj = w.toString();
        return obj.equals("{}") ? "}" : "," + obj.substring(1);
    }

    /** Whole numbers without a fractional part, so 734 stays 734 and 0.0068 stays 0.0068. */
    private static void writeNumber(JsonGenerator g, double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }

    public static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    // ------------------------------------------------------------------ run header

    /** The run document's header fields in order (format … summary), as an object without cases. */
    public static ObjectNode header(EvalRunInfo run) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("id", run.id());
        if (run.created() != null) {
            o.put("created", run.created());
        }
        ObjectNode src = o.putObject("source");
        src.put("tool", run.source().tool());
        if (run.source().version() != null) {
            src.put("version", run.source().version());
        }
        src.put("file", run.source().file());
        src.put("sha256", run.source().sha256().toString());
        src.put("importer", run.source().importer());
        if (!run.source().options().isEmpty()) {
            ObjectNode opts = src.putObject("options");
            run.source().options().forEach(opts::put);
        }
        ObjectNode sub = o.putObject("subject");
        if (run.subject().workflow() != null) {
            sub.put("workflow", run.subject().workflow());
        }
        sub.put("composite", run.subject().composite());
        sub.put("digest", run.subject().digest().toString());
        if (run.subject().commit() != null) {
            sub.put("commit", run.subject().commit());
        }
        var comps = sub.putArray("components");
        for (ComponentVersion c : run.subject().components()) {
            ObjectNode cn = comps.addObject();
            cn.put("artifact", c.version().artifact().toString());
            cn.put("version", c.version().version().toString());
            cn.put("digest", c.digest().toString());
        }
        ObjectNode metrics = o.putObject("metrics");
        for (MetricDef m : run.metrics().values()) {
            ObjectNode mn = metrics.putObject(m.name());
            mn.put("type", m.type().label());
            if (m.scaleMin() != null && m.scaleMax() != null) {
                mn.putArray("scale").add(m.scaleMin()).add(m.scaleMax());
            }
            if (m.higherIsBetter() != null) {
                mn.put("higher_is_better", m.higherIsBetter());
            }
            if (m.unit() != null) {
                mn.put("unit", m.unit());
            }
        }
        ObjectNode sum = o.putObject("summary");
        RunSummary s = run.summary();
        sum.put("rows", s.rows());
        sum.put("cases", s.cases());
        sum.put("trials", s.maxTrials());
        sum.put("passed", s.passed());
        sum.put("failed", s.failed());
        sum.put("errored", s.errored());
        sum.put("skipped", s.skipped());
        sum.put("no_verdict", s.noVerdict());
        return o;
    }

    /** The run's metadata as reading commands print it with --json: the stored header plus where it is stored. */
    public static ObjectNode describe(EvalRunInfo run) {
        ObjectNode o = header(run);
        o.put("path", run.path());
        o.put("large", run.large());
        return o;
    }

    /**
     * What {@code eval import --json} prints. Built here, not in the command: verifying a method that
     * builds Jackson nodes loads Jackson, and picocli loads every command's class for every command.
     */
    public static ObjectNode describe(ImportResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("imported", r.imported());
        o.put("commit", r.commit());
        o.set("run", describe(r.run()));
        r.warnings().forEach(o.putArray("warnings")::add);
        return o;
    }

    /** Reads a stored run's header fields from {@code o} (the document or run.json with the cases left out). */
    public static EvalRunInfo readHeader(ObjectNode o, String where, String path, boolean large) {
        String format = optText(o.get("format"), where, "format");
        if (!FORMAT.equals(format)) {
            throw new BadInputException(where + ": format: expected \"" + FORMAT + "\", found " + (format == null ? "nothing" : "\"" + format + "\""));
        }
        String id = text(o, "id", where);
        String created = optText(o.get("created"), where, "created");
        JsonNode src = object(o, "source", where);
        Map<String, String> options = new TreeMap<>(stringMap(src.get("options"), where, "source.options"));
        RunSource source = new RunSource(text(src, "tool", where + ": source"), optText(src.get("version"), where, "source.version"),
                text(src, "file", where + ": source"), sha(text(src, "sha256", where + ": source"), where, "source.sha256"),
                text(src, "importer", where + ": source"), options);
        JsonNode sub = object(o, "subject", where);
        List<ComponentVersion> comps = new ArrayList<>();
        JsonNode cs = sub.get("components");
        if (cs == null || !cs.isArray()) {
            throw bad(where, "subject.components", "a list", cs);
        }
        for (JsonNode c : cs) {
            try {
                comps.add(new ComponentVersion(ArtifactVersion.parse(text(c, "artifact", where + ": subject.components") + "@"
                        + text(c, "version", where + ": subject.components")), sha(text(c, "digest", where), where, "subject.components.digest")));
            } catch (BadInputException e) {
                throw new BadInputException(where + ": subject.components: " + e.getMessage());
            }
        }
        RunSubject subject = new RunSubject(optText(sub.get("workflow"), where, "subject.workflow"), text(sub, "composite", where + ": subject"),
                sha(text(sub, "digest", where + ": subject"), where, "subject.digest"), optText(sub.get("commit"), where, "subject.commit"), comps);
        Map<String, MetricDef> metrics = new LinkedHashMap<>();
        JsonNode ms = object(o, "metrics", where);
        for (Iterator<Map.Entry<String, JsonNode>> it = ms.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            MetricType type;
            try {
                type = MetricType.parse(text(m, "type", where + ": metrics." + e.getKey()));
            } catch (IllegalArgumentException ex) {
                throw new BadInputException(where + ": metrics." + e.getKey() + ": " + ex.getMessage());
            }
            Double lo = null;
            Double hi = null;
            JsonNode scale = m.get("scale");
            if (scale != null && scale.isArray() && scale.size() == 2) {
                lo = number(scale.get(0), where, "metrics." + e.getKey() + ".scale", false);
                hi = number(scale.get(1), where, "metrics." + e.getKey() + ".scale", false);
            }
            metrics.put(e.getKey(), new MetricDef(e.getKey(), type, lo, hi, bool(m.get("higher_is_better"), where, "higher_is_better"),
                    optText(m.get("unit"), where, "unit")));
        }
        JsonNode s = object(o, "summary", where);
        RunSummary summary = new RunSummary(s.path("rows").asLong(), s.path("cases").asLong(), s.path("trials").asInt(),
                s.path("passed").asLong(), s.path("failed").asLong(), s.path("errored").asLong(), s.path("skipped").asLong(),
                s.path("no_verdict").asLong());
        return new EvalRunInfo(id, created, source, subject, metrics, summary, path, large);
    }

    // ------------------------------------------------------------------ field readers

    static String caseId(String id, String where) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.equals(id.strip())) {
            throw new BadInputException(where + ": id: '" + printable(id) + "' is not a case id (1 to " + MAX_ID_LENGTH
                    + " characters, no leading or trailing spaces)");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new BadInputException(where + ": id: '" + printable(id) + "' contains a control character");
            }
        }
        return id;
    }

    static void metricName(String name, String where, String field) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new BadInputException(where + ": " + field + ": '" + printable(name)
                    + "' is not a metric name (letters, digits, '_', '.', ':', '-'; at most 64)");
        }
    }

    private static int trial(JsonNode t, String where) {
        if (!t.isIntegralNumber() || !t.canConvertToInt() || t.asInt() < 1) {
            throw bad(where, "trial", "a whole number from 1", t);
        }
        return t.asInt();
    }

    static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new BadInputException(where + ": missing field '" + field + "' (a string)");
        }
        if (!v.isTextual()) {
            throw bad(where, field, "a string", v);
        }
        return v.asText();
    }

    /**
     * A tool's record of when it ran, as an ISO instant in UTC; null when there is none or it names no
     * instant (a local time without an offset is not one): a time is recorded only when it is known.
     */
    static String instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.format.DateTimeFormatter.ISO_INSTANT.format(java.time.OffsetDateTime.parse(text.strip()).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static String optText(JsonNode v, String where, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad(where, field, "a string", v);
        }
        return v.asText();
    }

    static Boolean bool(JsonNode v, String where, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw bad(where, field, "true or false", v);
        }
        return v.asBoolean();
    }

    /** A finite number; NaN, Infinity and numbers too large for a double are refused. */
    static Double number(JsonNode v, String where, String field, boolean nonNegative) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw bad(where, field, "a number", v);
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw bad(where, field, "a finite number", v);
        }
        if (nonNegative && d < 0) {
            throw bad(where, field, "a number of at least 0", v);
        }
        return d;
    }

    private static EvalCase.Tokens tokens(JsonNode v, String where) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return new EvalCase.Tokens(null, null, count(v, where, "tokens"));
        }
        if (!v.isObject()) {
            throw bad(where, "tokens", "a whole number or {prompt, completion, total}", v);
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("prompt", "completion", "total").contains(f)) {
                throw new BadInputException(where + ": tokens: unknown field '" + f + "' (expected prompt, completion, total)");
            }
        }
        EvalCase.Tokens t = new EvalCase.Tokens(count(v.get("prompt"), where, "tokens.prompt"),
                count(v.get("completion"), where, "tokens.completion"), count(v.get("total"), where, "tokens.total"));
        return t.prompt() == null && t.completion() == null && t.total() == null ? null : t;
    }

    static Long count(JsonNode v, String where, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw bad(where, field, "a whole number of at least 0", v);
        }
        return v.asLong();
    }

    static Map<String, String> stringMap(JsonNode v, String where, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw bad(where, field, "an object of strings", v);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw bad(where, field + "." + e.getKey(), "a string", e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static JsonNode object(JsonNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) {
            throw bad(where, field, "an object", v);
        }
        return v;
    }

    private static Sha256 sha(String text, String where, String field) {
        if (!Sha256.isValid(text)) {
            throw new BadInputException(where + ": " + field + ": expected sha256:<64 hex digits>, found '" + printable(text) + "'");
        }
        return Sha256.parse(text);
    }

    static BadInputException bad(String where, String field, String expected, JsonNode found) {
        return new BadInputException(where + ": " + (field.isEmpty() ? "" : field + ": ") + "expected " + expected + ", found "
                + describe(found));
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isTextual()) {
            return "the string \"" + printable(v.asText()) + "\"";
        }
        return v.isNumber() ? v.asText() : v.toString();
    }

    static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        StringBuilder sb = new StringBuilder();
        for (char ch : t.toCharArray()) {
            sb.append(Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return sb.toString();
    }
}
