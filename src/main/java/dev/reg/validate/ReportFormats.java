package dev.reg.validate;

import dev.reg.util.Plural;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways a validation report is written: human text grouped by file, JSON, GitHub workflow
 * commands plus a Markdown job summary, and SARIF 2.1.0 for code scanning. Each returns text or
 * plain data (maps and lists) that the caller prints.
 */
public final class ReportFormats {
    private ReportFormats() {
    }

    // ------------------------------------------------------------------ text

    public static String text(ValidationReport r, TextStyle style) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Finding>> e : r.byFile().entrySet()) {
            sb.append(style.bold().apply(e.getKey())).append('\n');
            int width = e.getValue().stream().mapToInt(f -> where(f).length()).max().orElse(0);
            for (Finding f : e.getValue()) {
                String sev = f.isError() ? style.error().apply(pad("error", 7)) : style.warning().apply(pad("warning", 7));
                sb.append("  ").append(pad(where(f), width)).append("  ").append(sev).append("  ").append(f.rule().title())
                        .append("  ").append(f.message()).append('\n');
            }
            sb.append('\n');
        }
        sb.append(r.findings().isEmpty() ? style.ok().apply("no findings") : counts(r, style)).append(" (").append(scope(r)).append(")\n");
        return sb.toString();
    }

    private static String where(Finding f) {
        return f.line() == 0 ? "-" : f.line() + ":" + f.column();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String counts(ValidationReport r, TextStyle style) {
        String errors = Plural.of(r.errors(), "error");
        String warnings = Plural.of(r.warnings(), "warning");
        return (r.errors() > 0 ? style.error().apply(errors) : errors) + ", " + (r.warnings() > 0 ? style.warning().apply(warnings) : warnings)
                + " in " + Plural.of(r.byFile().size(), "file");
    }

    /** What was checked, in words: {@code work tree against main (merge base 1a2b3c4d5e), 4 changed paths: 1 artifact, 0 gates, …}. */
    public static String scope(ValidationReport r) {
        ValidationReport.Scope s = r.scope();
        String what = Plural.of(s.artifacts(), "artifact") + ", " + Plural.of(s.gates(), "gate file") + ", " + Plural.of(s.ledgers(), "ledger")
                + ", " + Plural.of(s.adrs(), "ADR") + " and registry.yaml";
        if (r.base().isEmpty()) {
            return r.checked() + ": " + what;
        }
        return r.checked() + " against " + r.base().get() + " (merge base " + r.baseCommit().get().substring(0, 10) + "), "
                + Plural.of(r.changedPaths(), "changed path") + ": " + what;
    }

    // ------------------------------------------------------------------ JSON

    /** The report as JSON-ready data; field names are part of reg's interface. */
    public static Map<String, Object> json(ValidationReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passed", r.passed());
        out.put("errors", r.errors());
        out.put("warnings", r.warnings());
        out.put("checked", r.checked());
        out.put("base", r.base().orElse(null));
        out.put("mergeBase", r.baseCommit().orElse(null));
        out.put("changedPaths", r.changedPaths() < 0 ? null : r.changedPaths());
        out.put("scope", r.scope());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule().id());
            m.put("name", f.rule().slug());
            m.put("severity", f.severity().label());
            m.put("file", f.file());
            m.put("line", f.line() == 0 ? null : f.line());
            m.put("column", f.column() == 0 ? null : f.column());
            m.put("message", f.message());
            findings.add(m);
        }
        out.put("findings", findings);
        return out;
    }

    // ------------------------------------------------------------------ GitHub

    /** One workflow command per finding: {@code ::error file=…,line=…,col=…,title=…::message}. */
    public static String githubAnnotations(ValidationReport r) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : r.findings()) {
            sb.append("::").append(f.isError() ? "error" : "warning").append(" file=").append(property(f.file()));
            if (f.line() > 0) {
                sb.append(",line=").append(f.line());
                if (f.column() > 0) {
                    sb.append(",col=").append(f.column());
                }
            }
            sb.append(",title=").append(property(f.rule().title())).append("::").append(data(f.message())).append('\n');
        }
        return sb.toString();
    }

    // GitHub's escaping for workflow command values (actions/toolkit, command.ts)
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** A Markdown job summary for {@code $GITHUB_STEP_SUMMARY}: the counts, then a table of findings. */
    public static String githubSummary(ValidationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("### reg validate: ").append(r.passed() ? "passed" : "failed").append("\n\n");
        sb.append(Plural.of(r.errors(), "error")).append(", ").append(Plural.of(r.warnings(), "warning")).append(" — ").append(markdown(scope(r))).append("\n\n");
        if (!r.findings().isEmpty()) {
            sb.append("| | Rule | Location | Message |\n|---|---|---|---|\n");
            for (Finding f : r.findings()) {
                sb.append("| ").append(f.isError() ? "error" : "warning").append(" | `").append(f.rule().id()).append("` ")
                        .append(f.rule().slug()).append(" | `").append(f.file().replace("`", "'"))
                        .append(f.line() > 0 ? ":" + f.line() : "").append("` | ").append(markdown(f.message())).append(" |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String markdown(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }

    // ------------------------------------------------------------------ SARIF

    public static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /** A SARIF 2.1.0 log with one run: reg's rules as the driver's rules, each finding a result. */
    public static Map<String, Object> sarif(ValidationReport r, String toolVersion) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", rule.id());
            m.put("name", camel(rule.slug()));
            m.put("shortDescription", Map.of("text", rule.summary()));
            m.put("fullDescription", Map.of("text", rule.summary() + " " + rule.help()));
            m.put("help", Map.of("text", rule.help()));
            m.put("defaultConfiguration", Map.of("level", rule.severity().label()));
            m.put("properties", Map.of("tags", List.of("reg", "registry")));
            rules.add(m);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("ruleId", f.rule().id());
            res.put("ruleIndex", f.rule().ordinal());
            res.put("level", f.severity().label());
            res.put("message", Map.of("text", f.message()));
            Map<String, Object> physical = new LinkedHashMap<>();
            Map<String, Object> location = new LinkedHashMap<>();
            location.put("uri", uri(f.file()));
            location.put("uriBaseId", "%SRCROOT%");
            physical.put("artifactLocation", location);
            if (f.line() > 0) {
                Map<String, Object> region = new LinkedHashMap<>();
                region.put("startLine", f.line());
                if (f.column() > 0) {
                    region.put("startColumn", f.column());
                }
                physical.put("region", region);
            }
            res.put("locations", List.of(Map.of("physicalLocation", physical)));
            res.put("partialFingerprints", Map.of("regFinding/v1", fingerprint(f)));
            results.add(res);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "reg");
        driver.put("version", toolVersion);
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    private static String camel(String slug) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : slug.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** A relative URI reference for a repository path: each segment percent-encoded. */
    private static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** Stable across runs and line moves, so code scanning tracks one finding as one alert. */
    private static String fingerprint(Finding f) {
        return dev.reg.registry.ContentHasher.hashBytes((f.rule().id() + "\0" + f.file() + "\0" + f.message())
                .getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32);
    }
}
