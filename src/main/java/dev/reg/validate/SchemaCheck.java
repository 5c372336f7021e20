package dev.reg.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.reg.registry.RegistrySchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates registry files against the JSON Schemas under {@code schemas/} (shipped in the jar)
 * and turns each schema error into a finding at the YAML line and column it concerns.
 */
final class SchemaCheck {
    static final String REGISTRY = RegistrySchemas.REGISTRY;
    static final String GATE = RegistrySchemas.GATE;
    static final String LEDGER = RegistrySchemas.LEDGER;
    private static final String BASE = "classpath:" + RegistrySchemas.RESOURCE_FOLDER;
    /** A schema annotation naming the rule that checks a value with a better message than the pattern. */
    private static final String CHECKED_BY = "x-reg-checked-by";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Schema> schemas = new HashMap<>();
    private final Map<String, JsonNode> rawSchemas = new HashMap<>();

    private Schema schema(String name) {
        return schemas.computeIfAbsent(name, n -> registry.getSchema(SchemaLocation.of(BASE + n)));
    }

    static String artifactSchema(dev.reg.registry.Kind kind) {
        return RegistrySchemas.artifact(kind);
    }

    /** Schema errors of {@code doc} against the schema {@code name}, as findings in {@code file}. */
    List<Finding> check(String name, YamlJson doc, String file) {
        Schema schema = schema(name);
        Set<Finding> out = new LinkedHashSet<>();
        for (com.networknt.schema.Error e : schema.validate(doc.root())) {
            Finding f = toFinding(e, doc, file);
            if (f != null) {
                out.add(f);
            }
        }
        return new ArrayList<>(out);
    }

    private Finding toFinding(com.networknt.schema.Error e, YamlJson doc, String file) {
        String at = pointer(e.getInstanceLocation());
        String field = YamlJson.fieldName(at);
        JsonNode schemaParent = schemaNode(e.getSchemaLocation(), 1);
        switch (e.getKeyword()) {
            case "additionalProperties": {
                String key = e.getProperty();
                String p = YamlJson.child(at, key);
                Set<String> allowed = new TreeSet<>();
                if (schemaParent != null && schemaParent.has("properties")) {
                    schemaParent.get("properties").fieldNames().forEachRemaining(allowed::add);
                }
                String where = at.isEmpty() ? "" : " in " + field;
                String expected = allowed.isEmpty() ? "" : " (expected one of: " + String.join(", ", allowed)
                        + (schemaParent.has("patternProperties") ? "; prefix your own keys with x-" : "") + ")";
                return Finding.of(Rule.UNKNOWN_KEY, file, doc.keyLine(p), doc.keyColumn(p),
                        "unknown key '" + key + "'" + where + expected);
            }
            case "required": {
                String key = e.getProperty();
                return Finding.of(Rule.MISSING_FIELD, file, doc.line(at), doc.column(at),
                        "missing required field '" + (at.isEmpty() ? key : field + "." + key) + "'");
            }
            case "type":
                return Finding.of(Rule.INVALID_FIELD, file, doc.line(at), doc.column(at), field + ": " + typeMessage(e, doc, at));
            case "pattern": {
                JsonNode owner = schemaParent;
                if (owner != null && owner.has(CHECKED_BY)) {
                    return null; // a semantic rule reports this value with a precise message
                }
                String what = owner != null && owner.has("description") ? owner.get("description").asText()
                        : "expected to match " + e.getSchemaNode().asText();
                return Finding.of(Rule.INVALID_FIELD, file, doc.line(at), doc.column(at),
                        field + ": '" + doc.raw(at).orElse(e.getInstanceNode().toString()) + "' is not valid: " + what);
            }
            case "enum":
            case "const": {
                JsonNode allowed = e.getSchemaNode();
                String list = allowed.isArray() ? join(allowed) : allowed.toString();
                return Finding.of(Rule.INVALID_FIELD, file, doc.line(at), doc.column(at),
                        field + ": found " + shown(doc, at, e.getInstanceNode()) + ", expected " + (allowed.isArray() ? "one of " : "") + list);
            }
            default:
                return Finding.of(Rule.INVALID_FIELD, file, doc.line(at), doc.column(at), field + ": " + e.getMessage());
        }
    }

    private static String typeMessage(com.networknt.schema.Error e, YamlJson doc, String at) {
        JsonNode expectedNode = e.getSchemaNode();
        String expected = expectedNode.isArray() ? join(expectedNode) : expectedNode.asText();
        JsonNode found = e.getInstanceNode();
        String raw = doc.raw(at).orElse(null);
        if (expected.contains("string") && raw != null && (found.isNumber() || found.isBoolean() || found.isNull())) {
            String as = found.isNumber() ? "a number" : found.isBoolean() ? "a boolean" : "null";
            return "expected a string, but YAML reads " + raw + " as " + as + "; quote it: \"" + raw + "\"";
        }
        return "expected " + article(expected) + ", found " + describe(found, raw);
    }

    private static String article(String type) {
        switch (type) {
            case "object": return "a mapping";
            case "array": return "a list";
            case "integer": return "a whole number";
            case "number": return "a number";
            case "boolean": return "true or false";
            case "string": return "a string";
            default: return type;
        }
    }

    private static String describe(JsonNode n, String raw) {
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isArray()) {
            return "a list";
        }
        return "'" + (raw != null ? raw : n.asText()) + "'";
    }

    private static String shown(YamlJson doc, String at, JsonNode n) {
        return doc.raw(at).map(r -> "'" + r + "'").orElse(describe(n, null));
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.isTextual() ? v.asText() : v.toString()));
        return String.join(", ", parts);
    }

    private static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            if (el instanceof Integer) {
                sb.append('/').append(el);
            } else {
                sb.append(YamlJson.child("", String.valueOf(el)));
            }
        }
        return sb.toString();
    }

    /** The schema node {@code up} levels above the keyword at {@code loc}, read from the raw schema file. */
    private JsonNode schemaNode(SchemaLocation loc, int up) {
        String iri = loc.getAbsoluteIri().toString();
        JsonNode node = rawSchemas.computeIfAbsent(iri, SchemaCheck::load);
        NodePath frag = loc.getFragment();
        for (int i = 0; i < frag.getNameCount() - up; i++) {
            Object el = frag.getElement(i);
            node = el instanceof Integer ? node.path((Integer) el) : node.path(String.valueOf(el));
        }
        return node.isMissingNode() ? null : node;
    }

    private static JsonNode load(String iri) {
        String name = iri.substring(iri.lastIndexOf('/') + 1);
        try {
            return new ObjectMapper().readTree(RegistrySchemas.read(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
