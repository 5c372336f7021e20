package dev.reg.yaml;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Rendering of single YAML scalars and the text extent of nodes, for edits that splice original text. */
public final class YamlText {
    private static final Yaml SCALARS;

    static {
        DumperOptions o = new DumperOptions();
        o.setWidth(Integer.MAX_VALUE);
        o.setSplitLines(false);
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        SCALARS = new Yaml(o);
    }

    private YamlText() {
    }

    /** A string as a one-line YAML scalar: plain when YAML would read it back as the same string, quoted otherwise. */
    public static String scalar(String value) {
        String s = SCALARS.dump(value);
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.contains("\n")) {
            // The emitter folded it; fall back to a JSON-style double-quoted string, which YAML also reads.
            StringBuilder sb = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\t': sb.append("\\t"); break;
                    case '\r': sb.append("\\r"); break;
                    default:
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                }
            }
            return sb.append('"').toString();
        }
        return s;
    }

    /**
     * Index just past the last character that belongs to {@code node}. SnakeYAML's end mark of a
     * block collection runs on to the next token, swallowing trailing blank and comment lines that
     * belong to whatever follows.
     */
    public static int contentEnd(Node node, String text) {
        if (node instanceof SequenceNode && !((SequenceNode) node).getValue().isEmpty() && !isFlow(node, text)) {
            var items = ((SequenceNode) node).getValue();
            return contentEnd(items.get(items.size() - 1), text);
        }
        if (node instanceof MappingNode && !((MappingNode) node).getValue().isEmpty() && !isFlow(node, text)) {
            var tuples = ((MappingNode) node).getValue();
            NodeTuple last = tuples.get(tuples.size() - 1);
            return contentEnd(last.getValueNode(), text);
        }
        int end = node.getEndMark().getIndex();
        if (node instanceof ScalarNode) {
            while (end > node.getStartMark().getIndex() && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        return end;
    }

    private static boolean isFlow(Node node, String text) {
        int i = node.getStartMark().getIndex();
        return i < text.length() && (text.charAt(i) == '[' || text.charAt(i) == '{');
    }

    /** Column (0-based) of {@code index} in {@code text}. */
    public static int column(String text, int index) {
        int lineStart = text.lastIndexOf('\n', index - 1) + 1;
        return index - lineStart;
    }
}
