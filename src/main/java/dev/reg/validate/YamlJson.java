package dev.reg.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.BadInputException;
import dev.reg.yaml.YamlDocument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as JSON (what a JSON Schema validates), with the line and column of every value
 * and key by JSON pointer, so a schema error on {@code /changelog/0/version} is reported at the
 * YAML line it came from. Scalars keep YAML's typing: an unquoted {@code 1.10} is a number.
 */
final class YamlJson {
    /** Aliases can multiply a document; past this many nodes the file is refused rather than expanded. */
    private static final int MAX_NODES = 1_000_000;
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;
    private final JsonNode root;
    private final Map<String, Mark> values = new HashMap<>();
    private final Map<String, Mark> keys = new HashMap<>();
    private final Map<String, String> rawScalars = new HashMap<>();
    private int nodes;

    private YamlJson(YamlDocument doc) {
        this.file = doc.file();
        Node r = doc.rootNode();
        this.root = r == null ? JSON.nullNode() : convert(r, "", new IdentityHashMap<>());
    }

    /** Converts {@code doc}; a recursive alias or an alias explosion is refused with the file and line. */
    static YamlJson of(YamlDocument doc) {
        return new YamlJson(doc);
    }

    JsonNode root() {
        return root;
    }

    /** Line (1-based) of the value at {@code pointer}, or of its nearest ancestor that exists. */
    int line(String pointer) {
        Mark m = nearest(values, pointer);
        return m == null ? 1 : m.getLine() + 1;
    }

    int column(String pointer) {
        Mark m = nearest(values, pointer);
        return m == null ? 1 : m.getColumn() + 1;
    }

    /** Line of the key of the entry at {@code pointer} (where "unknown key" belongs), else of its value. */
    int keyLine(String pointer) {
        Mark m = keys.get(pointer);
        return m == null ? line(pointer) : m.getLine() + 1;
    }

    int keyColumn(String pointer) {
        Mark m = keys.get(pointer);
        return m == null ? column(pointer) : m.getColumn() + 1;
    }

    /** The scalar's text as written in the file, when the value at {@code pointer} is a scalar. */
    Optional<String> raw(String pointer) {
        return Optional.ofNullable(rawScalars.get(pointer));
    }

    private static Mark nearest(Map<String, Mark> marks, String pointer) {
        String p = pointer;
        while (true) {
            Mark m = marks.get(p);
            if (m != null || p.isEmpty()) {
                return m;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** {@code /changelog/0/version} as {@code changelog[0].version}, the way messages name fields. */
    static String fieldName(String pointer) {
        if (pointer.isEmpty()) {
            return "(top level)";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String key = part.replace("~1", "/").replace("~0", "~");
            if (!key.isEmpty() && key.chars().allMatch(Character::isDigit) && sb.length() > 0) {
                sb.append('[').append(key).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(key);
            }
        }
        return sb.toString();
    }

    private JsonNode convert(Node n, String pointer, IdentityHashMap<Node, Boolean> path) {
        if (++nodes > MAX_NODES) {
            throw BadInputException.at(file, n.getStartMark().getLine() + 1,
                    "aliases expand this document past " + MAX_NODES + " nodes; write the values out instead");
        }
        values.put(pointer, n.getStartMark());
        if (n instanceof ScalarNode) {
            ScalarNode s = (ScalarNode) n;
            rawScalars.put(pointer, s.getValue());
            return scalar(s);
        }
        if (path.put(n, Boolean.TRUE) != null) {
            throw BadInputException.at(file, n.getStartMark().getLine() + 1, "a recursive alias refers to itself");
        }
        try {
            if (n instanceof SequenceNode) {
                ArrayNode a = JSON.arrayNode();
                int i = 0;
                for (Node item : ((SequenceNode) n).getValue()) {
                    a.add(convert(item, child(pointer, i++), path));
                }
                return a;
            }
            ObjectNode o = JSON.objectNode();
            for (NodeTuple t : ((MappingNode) n).getValue()) {
                Node k = t.getKeyNode();
                String key = k instanceof ScalarNode ? ((ScalarNode) k).getValue() : "?";
                String p = child(pointer, key);
                keys.put(p, k.getStartMark());
                o.set(key, convert(t.getValueNode(), p, path));
            }
            return o;
        } finally {
            path.remove(n);
        }
    }

    private static JsonNode scalar(ScalarNode s) {
        Tag tag = s.getTag();
        String v = s.getValue();
        if (Tag.NULL.equals(tag)) {
            return JSON.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            String b = v.toLowerCase(Locale.ROOT);
            return JSON.booleanNode(b.equals("true") || b.equals("yes") || b.equals("on"));
        }
        if (Tag.INT.equals(tag) && DECIMAL_INT.matcher(v).matches()) {
            return JSON.numberNode(new BigInteger(v.replace("_", "").replace("+", "")));
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return JSON.numberNode(new BigDecimal(v.replace("_", "")));
            } catch (NumberFormatException e) {
                return JSON.textNode(v); // .inf, .nan: no JSON number; the schema sees text
            }
        }
        return JSON.textNode(v);
    }
}
