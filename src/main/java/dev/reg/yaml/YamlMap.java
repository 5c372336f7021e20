package dev.reg.yaml;

import dev.reg.BadInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, line-aware access to one YAML mapping. Every accessor either returns a value of the
 * expected type or throws {@link BadInputException} as {@code file:line: field: what was expected}.
 */
public final class YamlMap {
    private final YamlDocument doc;
    private final MappingNode node;
    private final String path;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    YamlMap(YamlDocument doc, MappingNode node) {
        this(doc, node, "");
    }

    private YamlMap(YamlDocument doc, MappingNode node, String path) {
        this.doc = doc;
        this.node = node;
        this.path = path;
        for (NodeTuple t : node.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode)) {
                throw BadInputException.at(doc.file(), YamlDocument.line(k), "keys must be plain strings");
            }
            entries.put(((ScalarNode) k).getValue(), t);
        }
    }

    public YamlDocument document() {
        return doc;
    }

    public MappingNode node() {
        return node;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public int line() {
        return YamlDocument.line(node);
    }

    /** Line of {@code key}'s entry, or of this mapping when the key is absent. */
    public int line(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : YamlDocument.line(t.getKeyNode());
    }

    public Optional<NodeTuple> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Rejects keys outside {@code allowed}; keys starting with {@code x-} are user extensions and always allowed. */
    public void requireOnly(Collection<String> allowed) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey()) && !e.getKey().startsWith("x-")) {
                throw BadInputException.at(doc.file(), YamlDocument.line(e.getValue().getKeyNode()),
                        "unknown key '" + field(e.getKey()) + "' (expected one of: " + String.join(", ", new TreeSet<>(allowed))
                                + "; prefix your own keys with x-)");
            }
        }
    }

    public String requireString(String key) {
        return optString(key).orElseThrow(() -> missing(key, "a string"));
    }

    public Optional<String> optString(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        return Optional.of(scalarString(t.getValueNode(), field(key)));
    }

    public Optional<Boolean> optBoolean(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        Node v = t.getValueNode();
        if (v instanceof ScalarNode && Tag.BOOL.equals(v.getTag())) {
            return Optional.of(Boolean.parseBoolean(((ScalarNode) v).getValue().toLowerCase(java.util.Locale.ROOT)));
        }
        throw wrongType(v, field(key), "true or false");
    }

    public Optional<Double> optNumber(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        Node v = t.getValueNode();
        if (v instanceof ScalarNode && (Tag.INT.equals(v.getTag()) || Tag.FLOAT.equals(v.getTag()))) {
            String s = ((ScalarNode) v).getValue().replace("_", "");
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d)) {
                    throw wrongType(v, field(key), "a finite number");
                }
                return Optional.of(d);
            } catch (NumberFormatException e) {
                throw wrongType(v, field(key), "a decimal number");
            }
        }
        throw wrongType(v, field(key), "a number");
    }

    public List<String> stringList(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return List.of();
        }
        Node v = t.getValueNode();
        if (!(v instanceof SequenceNode)) {
            throw wrongType(v, field(key), "a list of strings");
        }
        List<String> out = new ArrayList<>();
        List<Node> items = ((SequenceNode) v).getValue();
        for (int i = 0; i < items.size(); i++) {
            out.add(scalarString(items.get(i), field(key) + "[" + i + "]"));
        }
        return out;
    }

    public Optional<YamlMap> optMap(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return Optional.empty();
        }
        Node v = t.getValueNode();
        if (!(v instanceof MappingNode)) {
            throw wrongType(v, field(key), "a mapping");
        }
        return Optional.of(new YamlMap(doc, (MappingNode) v, field(key)));
    }

    public YamlMap requireMap(String key) {
        return optMap(key).orElseThrow(() -> missing(key, "a mapping"));
    }

    /** Items of a list of mappings. */
    public List<YamlMap> mapList(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || isNull(t.getValueNode())) {
            return List.of();
        }
        Node v = t.getValueNode();
        if (!(v instanceof SequenceNode)) {
            throw wrongType(v, field(key), "a list");
        }
        List<YamlMap> out = new ArrayList<>();
        List<Node> items = ((SequenceNode) v).getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (!(item instanceof MappingNode)) {
                throw wrongType(item, field(key) + "[" + i + "]", "a mapping");
            }
            out.add(new YamlMap(doc, (MappingNode) item, field(key) + "[" + i + "]"));
        }
        return out;
    }

    /** The value as plain Java data (maps, lists, strings, numbers, booleans), for free-form fields. */
    public Optional<Object> optPlain(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? Optional.empty() : Optional.ofNullable(plain(t.getValueNode()));
    }

    /** This mapping as plain Java data. */
    public Map<String, Object> toPlain() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) plain(node);
        return m;
    }

    private static Object plain(Node n) {
        if (n instanceof ScalarNode) {
            ScalarNode s = (ScalarNode) n;
            Tag tag = s.getTag();
            String v = s.getValue();
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT));
            }
            if (Tag.INT.equals(tag)) {
                try {
                    return Long.parseLong(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            if (Tag.FLOAT.equals(tag)) {
                try {
                    return Double.parseDouble(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            return v;
        }
        if (n instanceof SequenceNode) {
            List<Object> out = new ArrayList<>();
            for (Node item : ((SequenceNode) n).getValue()) {
                out.add(plain(item));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            out.put(((ScalarNode) t.getKeyNode()).getValue(), plain(t.getValueNode()));
        }
        return out;
    }

    private String scalarString(Node v, String field) {
        if (!(v instanceof ScalarNode)) {
            throw wrongType(v, field, "a string");
        }
        ScalarNode s = (ScalarNode) v;
        Tag tag = s.getTag();
        boolean plainStyle = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        if (plainStyle && (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag))) {
            throw BadInputException.at(doc.file(), YamlDocument.line(v), field + ": expected a string, but YAML reads "
                    + s.getValue() + " as a number; quote it: \"" + s.getValue() + "\"");
        }
        if (plainStyle && (Tag.BOOL.equals(tag) || Tag.NULL.equals(tag))) {
            throw BadInputException.at(doc.file(), YamlDocument.line(v), field + ": expected a string, but YAML reads "
                    + s.getValue() + " as " + (Tag.BOOL.equals(tag) ? "a boolean" : "null") + "; quote it: \"" + s.getValue() + "\"");
        }
        if (!Tag.STR.equals(tag) && !plainStyle && !s.getTag().getValue().startsWith("tag:yaml.org,2002:")) {
            throw wrongType(v, field, "a string");
        }
        return s.getValue();
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag())
                && ((ScalarNode) n).getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private BadInputException missing(String key, String what) {
        return BadInputException.at(doc.file(), line(), "missing required field '" + field(key) + "' (" + what + ")");
    }

    private BadInputException wrongType(Node v, String field, String expected) {
        String found = v instanceof MappingNode ? "a mapping" : v instanceof SequenceNode ? "a list" : "'" + ((ScalarNode) v).getValue() + "'";
        return BadInputException.at(doc.file(), YamlDocument.line(v), field + ": expected " + expected + ", found " + found);
    }

    /** An error at {@code key}'s line, for checks made by the caller. */
    public BadInputException error(String key, String message) {
        return BadInputException.at(doc.file(), line(key), field(key) + ": " + message);
    }
}
