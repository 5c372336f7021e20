package dev.reg.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JUnit XML as pytest ({@code --junitxml}, which DeepEval's runs use), Maven Surefire, promptfoo
 * ({@code -o x.junit.xml}) and most CI runners write it. Streams with StAX; DTDs and external
 * entities are off and any DOCTYPE is refused, so entity-expansion and XXE attacks cannot run.
 * <p>Each {@code testcase} is a case: id {@code classname::name} (or a {@code case_id} property),
 * {@code failure} = failed, {@code error} = errored (harness, not a failed answer), {@code skipped}
 * = skipped, otherwise passed; {@code time} seconds become latency_ms. Properties {@code score.X}
 * are scores, {@code domain}/{@code journey}/{@code slice.X} are slices, {@code severity} and
 * {@code tags} (comma-separated) what they say; the rest is kept in extra. The run's time is the
 * first suite's {@code timestamp} when it names an instant.
 * <p>promptfoo ({@code <testsuites name="promptfoo">}) writes one suite per provider and prompt,
 * {@code [provider label or id] prompt N}: rows of one provider and one prompt are imported, chosen
 * with {@code --provider} as from its JSON output.
 */
final class JUnitImporter implements Importer {
    private static final java.util.regex.Pattern PROMPTFOO_SUITE = java.util.regex.Pattern.compile("\\[(.*)] (prompt \\d+)");
    private final String provider;

    /** @param provider promptfoo's output only: import this provider's rows (null: the file must hold one provider) */
    JUnitImporter(String provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return "junit-xml/1";
    }

    static XMLInputFactory safeFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    @Override
    public ToolInfo read(Path file, String display, CaseSink sink) {
        String tool = "junit";
        String created = null;
        PromptfooChoice choice = new PromptfooChoice(provider, null, true);
        XMLStreamReader x = null;
        try (InputStream in = Files.newInputStream(file)) {
            x = safeFactory().createXMLStreamReader(in);
            Deque<String> suites = new ArrayDeque<>();
            boolean sawRoot = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new BadInputException(display + ":" + x.getLocation().getLineNumber()
                            + ": DOCTYPE declarations are not allowed in JUnit XML (entity expansion and external entities are refused)");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new BadInputException(display + ":" + x.getLocation().getLineNumber() + ": undeclared entity &" + x.getLocalName() + ";");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String el = x.getLocalName();
                    if (!sawRoot) {
                        sawRoot = true;
                        if (!el.equals("testsuites") && !el.equals("testsuite")) {
                            throw new BadInputException(display + ":" + x.getLocation().getLineNumber() + ": not JUnit XML: the root element is <" + el
                                    + ">, expected <testsuites> or <testsuite>");
                        }
                        tool = detectTool(x, tool);
                    }
                    if (el.equals("testsuite")) {
                        String name = attr(x, "name");
                        suites.push(name == null ? "" : name);
                        if (tool.equals("junit")) {
                            tool = detectTool(x, tool);
                        }
                        if (created == null) {
                            created = EvalJson.instant(attr(x, "timestamp"));
                        }
                    } else if (el.equals("testcase")) {
                        if (provider != null && !tool.equals("promptfoo")) {
                            throw new BadInputException("--provider applies to promptfoo results only; " + display + " was written by " + tool);
                        }
                        String suite = suites.isEmpty() ? null : suites.peek();
                        readTestcase(x, display, suite, tool.equals("promptfoo") ? promptfooRow(choice, suite) ? sink : SKIP : sink);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("testsuite")) {
                    suites.pop();
                }
            }
            if (!sawRoot) {
                throw new BadInputException(display + ": not JUnit XML: no elements");
            }
            if (tool.equals("promptfoo")) {
                return new ToolInfo(tool, null, created, choice.resolve(display));
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
            throw BadInputException.at(display, line, "invalid XML: " + msg.lines().findFirst().orElse(msg));
        } catch (IOException e) {
            throw new BadInputException(display + ": cannot be read: " + e.getMessage());
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException e) {
                    // read-only
                }
            }
        }
        return new ToolInfo(tool, null, created, java.util.Map.of());
    }

    /** Whether a promptfoo testcase in this suite is imported. */
    private static boolean promptfooRow(PromptfooChoice choice, String suite) {
        java.util.regex.Matcher m = PROMPTFOO_SUITE.matcher(suite == null ? "" : suite);
        return m.matches() ? choice.keeps(m.group(1), m.group(1), m.group(2), "") : choice.keeps(suite == null ? "" : suite, "", "", "");
    }

    /** Where the testcases of providers and prompts not chosen go. */
    private static final CaseSink SKIP = (row, order, test, location) -> {
    };

    private static String detectTool(XMLStreamReader x, String current) {
        String name = attr(x, "name");
        if (name != null && (name.equals("pytest") || name.equals("pytest tests"))) {
            return "pytest";
        }
        if (name != null && name.equals("promptfoo")) {
            return "promptfoo";
        }
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeValue(i).contains("surefire")) {
                return "surefire";
            }
        }
        return current;
    }

    private void readTestcase(XMLStreamReader x, String display, String suite, CaseSink sink) throws XMLStreamException {
        int line = x.getLocation().getLineNumber();
        String where = display + ":" + line;
        String name = attr(x, "name");
        String classname = attr(x, "classname");
        if (name == null || name.isEmpty()) {
            throw new BadInputException(where + ": <testcase> without a name attribute");
        }
        Double latency = null;
        String time = attr(x, "time");
        if (time != null && !time.isEmpty()) {
            try {
                double seconds = Double.parseDouble(time.replace(",", ""));
                if (!Double.isFinite(seconds) || seconds < 0) {
                    throw new NumberFormatException();
                }
                latency = seconds * 1000;
            } catch (NumberFormatException e) {
                throw new BadInputException(where + ": time: expected seconds as a number of at least 0, found '" + EvalJson.printable(time) + "'");
            }
        }
        ObjectNode junit = EvalJson.MAPPER.createObjectNode();
        if (suite != null && !suite.isEmpty()) {
            junit.put("suite", suite);
        }
        if (classname != null) {
            junit.put("classname", classname);
        }
        junit.put("name", name);
        for (String a : List.of("file", "line", "assertions")) {
            String v = attr(x, a);
            if (v != null) {
                junit.put(a, v);
            }
        }
        Boolean pass = true;
        boolean skipped = false;
        String reason = null;
        EvalCase.CaseError error = null;
        Map<String, String> slice = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        String severity = null;
        List<String> tags = new ArrayList<>();
        String caseId = null;
        ObjectNode props = EvalJson.MAPPER.createObjectNode();
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String el = x.getLocalName();
                int elLine = x.getLocation().getLineNumber();
                switch (el) {
                    case "failure" -> {
                        pass = false;
                        reason = firstNonEmpty(attr(x, "message"), attr(x, "type"), "failed");
                        putIfPresent(junit, "failure_type", attr(x, "type"));
                        junit.put("failure", elementText(x, display));
                        depth--;
                    }
                    case "error" -> {
                        pass = null;
                        String kind = attr(x, "type");
                        error = new EvalCase.CaseError("harness", firstNonEmpty(attr(x, "message"), kind, "error"));
                        putIfPresent(junit, "error_type", kind);
                        junit.put("error", elementText(x, display));
                        depth--;
                    }
                    case "skipped" -> {
                        skipped = true;
                        pass = null;
                        reason = attr(x, "message");
                        putIfPresent(junit, "skipped_type", attr(x, "type"));
                        elementText(x, display);
                        depth--;
                    }
                    case "property" -> {
                        String pn = attr(x, "name");
                        String pv = attr(x, "value");
                        if (pv == null) {
                            pv = elementText(x, display);
                            depth--;
                        }
                        if (pn == null) {
                            throw new BadInputException(display + ":" + elLine + ": <property> without a name");
                        }
                        String pw = display + ":" + elLine + ": property " + pn;
                        if (pn.startsWith("score.") || pn.startsWith("scores.")) {
                            String metric = pn.substring(pn.indexOf('.') + 1);
                            EvalJson.metricName(metric, pw, "name");
                            scores.put(metric, parseScore(pv, pw));
                        } else if (pn.equals("domain") || pn.equals("journey")) {
                            slice.put(pn, pv);
                        } else if (pn.startsWith("slice.")) {
                            slice.put(pn.substring(6), pv);
                        } else if (pn.equals("severity")) {
                            severity = pv;
                        } else if (pn.equals("tags")) {
                            for (String t : pv.split("[,\\s]+")) {
                                if (!t.isEmpty()) {
                                    tags.add(t);
                                }
                            }
                        } else if (pn.equals("case_id")) {
                            caseId = pv;
                        } else {
                            props.put(pn, pv);
                        }
                    }
                    case "system-out", "system-err" -> {
                        junit.put(el.replace('-', '_'), elementText(x, display));
                        depth--;
                    }
                    case "flakyFailure", "flakyError", "rerunFailure", "rerunError" -> {
                        junit.withArray(el).add(firstNonEmpty(attr(x, "message"), attr(x, "type"), el));
                        elementText(x, display);
                        depth--;
                    }
                    default -> {
                        // <properties> and unknown elements: their children are read as they come
                    }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new BadInputException(display + ":" + x.getLocation().getLineNumber() + ": undeclared entity &" + x.getLocalName() + ";");
            }
        }
        if (!props.isEmpty()) {
            junit.set("properties", props);
        }
        String id = caseId != null ? caseId : classname == null || classname.isEmpty() ? name : classname + "::" + name;
        EvalJson.caseId(id, where);
        if (suite != null && !suite.isEmpty()) {
            slice.putIfAbsent("suite", suite);
        }
        ObjectNode extra = EvalJson.MAPPER.createObjectNode();
        extra.set("junit", junit);
        EvalCase c = new EvalCase(id, 1, slice, pass, skipped, reason, scores, latency, null, null, Map.of(), severity, tags, error, extra);
        sink.accept(c, 1, null, where);
    }

    private static double parseScore(String v, String where) {
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(where + ": expected a finite number, found '" + EvalJson.printable(v) + "'");
    }

    /** The text content of the current element, consuming it up to its end tag. */
    private static String elementText(XMLStreamReader x, String display) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> sb.append(x.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new BadInputException(display + ":" + x.getLocation().getLineNumber()
                        + ": undeclared entity &" + x.getLocalName() + ";");
                default -> {
                }
            }
        }
        return sb.toString();
    }

    private static String attr(XMLStreamReader x, String name) {
        return x.getAttributeValue(null, name);
    }

    private static void putIfPresent(ObjectNode o, String k, String v) {
        if (v != null) {
            o.put(k, v);
        }
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
