package dev.reg.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The CSV test suite of the design ({@code case_id,domain,input,expected,metric,pass_bar,guardrails,notes})
 * with its results: one row per case (and trial, with a {@code trial} column). Columns are read by
 * name, or by an explicit {@code FIELD=COLUMN} mapping; unmapped columns are kept in extra.
 * <p>Outcome columns: {@code pass}; {@code score} (for the row's {@code metric}) or {@code score.X};
 * {@code guardrail.X} (true when the guardrail held); {@code error} and {@code error_kind};
 * {@code latency_ms}, {@code cost_usd}, {@code tokens}, {@code severity}, {@code tags} (| separated).
 * Without a pass column, the verdict is the score against the row's bar ({@code exact>=0.8}, or
 * {@code metric} plus {@code pass_bar}), and a violated guardrail fails the row. An empty cell is
 * a value not reported.
 */
final class CsvImporter implements Importer {
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");
    private static final Pattern BAR = Pattern.compile("\\s*([A-Za-z0-9_][A-Za-z0-9_.:-]*)?\\s*(>=|<=|>|<|==)?\\s*([-0-9.eE+]+)?\\s*");
    static final List<String> FIELDS = List.of("id", "trial", "pass", "reason", "score", "metric", "pass_bar", "guardrails",
            "latency_ms", "cost_usd", "tokens", "severity", "tags", "error", "error_kind", "slice.NAME", "score.NAME", "guardrail.NAME");

    private final Map<String, String> mapping;

    /** @param mapping field to column name, overriding the columns' own names */
    CsvImporter(Map<String, String> mapping) {
        this.mapping = Map.copyOf(mapping);
        for (String field : mapping.keySet()) {
            checkField(field);
        }
    }

    static void checkField(String field) {
        boolean prefixed = (field.startsWith("slice.") || field.startsWith("score.") || field.startsWith("guardrail."))
                && field.indexOf('.') < field.length() - 1;
        if (!prefixed && !FIELDS.contains(field)) {
            throw new BadInputException("--map " + field + "=…: unknown field '" + field + "' (fields: " + String.join(", ", FIELDS) + ")");
        }
    }

    @Override
    public String name() {
        return "csv/1";
    }

    @Override
    public ToolInfo read(Path file, String display, CaseSink sink) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).setAllowMissingColumnNames(false).build();
        try (BufferedReader r = JsonInput.utf8Lines(file); CSVParser parser = CSVParser.builder().setReader(r).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new BadInputException(display + ":1: no header row (expected column names such as case_id,domain,...,pass)");
            }
            Map<String, String> roles = roles(header, display);
            long startLine = parser.getCurrentLineNumber() + 1;
            for (CSVRecord rec : parser) {
                String where = display + ":" + startLine;
                startLine = parser.getCurrentLineNumber() + 1;
                if (rec.size() != header.size()) {
                    throw new BadInputException(where + ": " + rec.size() + " fields, but the header has " + header.size() + " columns ("
                            + String.join(",", header) + ")");
                }
                EvalCase c = row(rec, header, roles, where);
                sink.accept(c, c.trial(), null, where);
            }
        } catch (IOException | UncheckedIOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException || e instanceof java.nio.charset.CharacterCodingException) {
                throw new BadInputException(display + ": not UTF-8 text (malformed byte sequence)");
            }
            throw new BadInputException(display + ": invalid CSV: " + msg.lines().findFirst().orElse(msg));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException(display + ": invalid CSV: " + e.getMessage());
        }
        return new ToolInfo("csv", null);
    }

    /** Column name to field, from the explicit mapping first, then the columns' own names. */
    private Map<String, String> roles(List<String> header, String display) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : mapping.entrySet()) {
            if (!header.contains(m.getValue())) {
                throw new BadInputException("--map " + m.getKey() + "=" + m.getValue() + ": " + display + " has no column '" + m.getValue()
                        + "' (columns: " + String.join(", ", header) + ")");
            }
            roles.put(m.getValue(), m.getKey());
        }
        for (String col : header) {
            if (roles.containsKey(col)) {
                continue;
            }
            String field = defaultField(col);
            if (field != null && !mapping.containsKey(field)) {
                roles.put(col, field);
            }
        }
        if (!roles.containsValue("id")) {
            throw new BadInputException(display + ":1: no case id column (name it case_id, or map yours with --map id=COLUMN)");
        }
        return roles;
    }

    private static String defaultField(String column) {
        String c = column.strip().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "case_id", "id" -> "id";
            case "passed" -> "pass";
            case "trial", "pass", "reason", "score", "metric", "pass_bar", "guardrails", "latency_ms", "cost_usd", "tokens", "severity", "tags",
                    "error", "error_kind" -> c;
            case "domain", "journey" -> "slice." + c;
            default -> c.startsWith("slice.") || c.startsWith("score.") || c.startsWith("guardrail.") ? c
                    : c.startsWith("scores.") ? "score." + c.substring(7) : null;
        };
    }

    private static EvalCase row(CSVRecord rec, List<String> header, Map<String, String> roles, String where) {
        String id = null;
        int trial = 1;
        Boolean pass = null;
        boolean passGiven = false;
        String reason = null;
        Double score = null;
        String metric = null;
        String passBar = null;
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Boolean> guardrails = new LinkedHashMap<>();
        Map<String, String> slice = new LinkedHashMap<>();
        Double latency = null;
        Double cost = null;
        EvalCase.Tokens tokens = null;
        String severity = null;
        List<String> tags = new ArrayList<>();
        String errorMessage = null;
        String errorKind = null;
        ObjectNode csv = EvalJson.MAPPER.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String col = header.get(i);
            String v = rec.get(i);
            String field = roles.get(col);
            if (v.isEmpty()) {
                continue;
            }
            String at = where + ": " + col;
            if (field == null) {
                csv.put(col, v);
                continue;
            }
            switch (field) {
                case "id" -> id = EvalJson.caseId(v, where);
                case "trial" -> {
                    if (!WHOLE.matcher(v).matches() || Long.parseLong(v) < 1 || Long.parseLong(v) > Integer.MAX_VALUE) {
                        throw new BadInputException(at + ": expected a whole number from 1, found '" + EvalJson.printable(v) + "'");
                    }
                    trial = Integer.parseInt(v);
                }
                case "pass" -> {
                    pass = bool(v, at);
                    passGiven = true;
                }
                case "reason" -> reason = v;
                case "score" -> score = number(v, at, false);
                case "metric" -> {
                    metric = v;
                    csv.put(col, v);
                }
                case "pass_bar" -> {
                    passBar = v;
                    csv.put(col, v);
                }
                case "guardrails" -> csv.put(col, v);
                case "latency_ms" -> latency = number(v, at, true);
                case "cost_usd" -> cost = number(v, at, true);
                case "tokens" -> {
                    if (!WHOLE.matcher(v).matches()) {
                        throw new BadInputException(at + ": expected a whole number of at least 0, found '" + EvalJson.printable(v) + "'");
                    }
                    tokens = new EvalCase.Tokens(null, null, Long.parseLong(v));
                }
                case "severity" -> severity = v;
                case "tags" -> {
                    for (String t : v.split("[|,]")) {
                        if (!t.isBlank()) {
                            tags.add(t.strip());
                        }
                    }
                }
                case "error" -> errorMessage = v;
                case "error_kind" -> errorKind = v;
                default -> {
                    String name = field.substring(field.indexOf('.') + 1);
                    if (field.startsWith("slice.")) {
                        slice.put(name, v);
                    } else if (field.startsWith("score.")) {
                        EvalJson.metricName(name, where, col);
                        scores.put(name, number(v, at, false));
                    } else {
                        EvalJson.metricName(name, where, col);
                        guardrails.put(name, bool(v, at));
                    }
                }
            }
        }
        if (id == null) {
            throw new BadInputException(where + ": the case id is empty");
        }
        Bar bar = bar(metric, passBar, where);
        if (score != null) {
            scores.put(bar != null && bar.metric() != null ? bar.metric() : "score", score);
        }
        EvalCase.CaseError error = null;
        if (errorMessage != null || errorKind != null) {
            error = new EvalCase.CaseError(errorKind == null ? "harness" : errorKind, errorMessage);
            if (Boolean.TRUE.equals(pass)) {
                throw new BadInputException(where + ": case " + id + " has an error and pass true; an errored case has no verdict");
            }
        }
        if (pass == null && error == null && bar != null && bar.threshold() != null) {
            Double s = scores.get(bar.metric());
            if (s != null) {
                pass = bar.holds(s);
                if (reason == null) {
                    reason = bar.metric() + " " + dev.reg.stats.Numbers.brief(s) + (pass ? " meets " : " misses ") + bar.text();
                }
            }
        }
        if (error == null && guardrails.containsValue(false) && !passGiven) {
            pass = false;
            if (reason == null) {
                reason = "guardrail violated: " + String.join(", ", guardrails.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList());
            }
        }
        if (pass == null && error == null && scores.isEmpty() && guardrails.isEmpty()) {
            throw new BadInputException(where + ": case " + id + " has no outcome: expected a pass, score or error value"
                    + " (a test suite without results is not an eval run; map result columns with --map)");
        }
        ObjectNode extra = null;
        if (!csv.isEmpty()) {
            extra = EvalJson.MAPPER.createObjectNode();
            extra.set("csv", csv);
        }
        return new EvalCase(id, trial, slice, pass, false, reason, scores, latency, cost, tokens, guardrails, severity, tags, error, extra);
    }

    /** A row's bar: {@code exact>=0.8} in the metric column, or metric plus pass_bar ({@code >=0.8} or {@code 0.8}). */
    record Bar(String metric, String op, Double threshold) {
        boolean holds(double v) {
            return switch (op) {
                case ">" -> v > threshold;
                case "<=" -> v <= threshold;
                case "<" -> v < threshold;
                case "==" -> v == threshold;
                default -> v >= threshold;
            };
        }

        String text() {
            return op + " " + dev.reg.stats.Numbers.brief(threshold);
        }
    }

    private static Bar bar(String metric, String passBar, String where) {
        if (metric == null && passBar == null) {
            return null;
        }
        String spec = (metric == null ? "" : metric) + (passBar == null ? "" : passBar.strip().matches("[-0-9.].*") ? ">=" + passBar : passBar);
        Matcher m = BAR.matcher(spec);
        if (!m.matches()) {
            throw new BadInputException(where + ": metric/pass_bar: '" + EvalJson.printable(spec) + "' is not a bar such as exact>=0.8");
        }
        Double threshold = null;
        if (m.group(3) != null) {
            if (!NUMBER.matcher(m.group(3)).matches()) {
                throw new BadInputException(where + ": pass bar '" + EvalJson.printable(m.group(3)) + "' is not a number");
            }
            threshold = Double.parseDouble(m.group(3));
        }
        return new Bar(m.group(1), m.group(2) == null ? ">=" : m.group(2), threshold);
    }

    private static Boolean bool(String v, String at) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "pass", "passed" -> true;
            case "false", "0", "no", "fail", "failed" -> false;
            default -> throw new BadInputException(at + ": expected true or false, found '" + EvalJson.printable(v) + "'");
        };
    }

    private static Double number(String v, String at, boolean nonNegative) {
        String s = v.strip();
        if (!NUMBER.matcher(s).matches()) {
            throw new BadInputException(at + ": expected a number, found '" + EvalJson.printable(v) + "'");
        }
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
            throw new BadInputException(at + ": expected a finite number, found '" + EvalJson.printable(v) + "'");
        }
        if (nonNegative && d < 0) {
            throw new BadInputException(at + ": expected a number of at least 0, found '" + EvalJson.printable(v) + "'");
        }
        return d;
    }
}
