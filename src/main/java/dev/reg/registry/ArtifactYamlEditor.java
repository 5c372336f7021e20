package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rewrites the fields reg owns in an artifact.yaml by splicing the original text, so the user's
 * other fields, their order, formatting and comments stay exactly as written.
 */
public final class ArtifactYamlEditor {
    private record Edit(int start, int end, String text, int order) {
    }

    private final String original;
    private final Map<String, NodeTuple> topLevel = new LinkedHashMap<>();
    private final List<Edit> edits = new ArrayList<>();
    private final StringBuilder appended = new StringBuilder();

    public ArtifactYamlEditor(YamlDocument doc) {
        this.original = doc.text();
        Node root = doc.rootNode();
        if (!(root instanceof MappingNode) || root.getStartMark().getColumn() != 0
                || original.charAt(root.getStartMark().getIndex()) == '{') {
            throw BadInputException.at(doc.file(), 1, "reg can only edit an artifact.yaml whose top level is a block mapping");
        }
        for (NodeTuple t : ((MappingNode) root).getValue()) {
            topLevel.put(((ScalarNode) t.getKeyNode()).getValue(), t);
        }
    }

    public ArtifactYamlEditor setScalar(String key, String value) {
        NodeTuple t = topLevel.get(key);
        String rendered = isIsoDate(value) ? value : YamlText.scalar(value);
        if (t == null) {
            append(key + ": " + rendered + "\n");
        } else if (t.getValueNode() instanceof ScalarNode) {
            Node v = t.getValueNode();
            replace(v.getStartMark().getIndex(), YamlText.contentEnd(v, original), rendered);
        } else {
            replaceEntry(t, key + ": " + rendered);
        }
        return this;
    }

    public ArtifactYamlEditor setMap(String key, Map<String, String> values) {
        StringBuilder sb = new StringBuilder(key).append(':');
        if (values.isEmpty()) {
            sb.append(" {}");
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            sb.append("\n  ").append(YamlText.scalar(e.getKey())).append(": ").append(YamlText.scalar(e.getValue()));
        }
        NodeTuple t = topLevel.get(key);
        if (t == null) {
            append(sb + "\n");
        } else {
            replaceEntry(t, sb.toString());
        }
        return this;
    }

    /** Adds {@code entry} as the first (newest) changelog item, keeping existing items and their comments. */
    public ArtifactYamlEditor prependChangelog(ChangelogEntry entry) {
        NodeTuple t = topLevel.get("changelog");
        Node seq = t == null ? null : t.getValueNode();
        boolean blockSeq = seq instanceof SequenceNode && !((SequenceNode) seq).getValue().isEmpty()
                && original.charAt(seq.getStartMark().getIndex()) == '-';
        if (blockSeq) {
            int at = seq.getStartMark().getIndex();
            String indent = " ".repeat(YamlText.column(original, at));
            String item = "- " + changelogBody(entry, indent + "  ") + "\n" + indent;
            edits.add(new Edit(at, at, item, edits.size()));
        } else {
            String block = "changelog:\n  - " + changelogBody(entry, "    ");
            if (t == null) {
                append(block + "\n");
            } else {
                replaceEntry(t, block);
            }
        }
        return this;
    }

    private static String changelogBody(ChangelogEntry e, String indent) {
        String body = "version: " + YamlText.scalar(e.version())
                + "\n" + indent + "date: " + (isIsoDate(e.date()) ? e.date() : YamlText.scalar(e.date()))
                + "\n" + indent + "summary: " + YamlText.scalar(e.summary());
        if (!e.retires().isEmpty()) {
            body += "\n" + indent + "retires: [" + String.join(", ", e.retires().stream().map(YamlText::scalar).toList()) + "]";
        }
        return body;
    }

    private static boolean isIsoDate(String s) {
        return s.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private void replaceEntry(NodeTuple t, String text) {
        replace(t.getKeyNode().getStartMark().getIndex(), YamlText.contentEnd(t.getValueNode(), original), text);
    }

    private void replace(int start, int end, String text) {
        edits.add(new Edit(start, end, text, edits.size()));
    }

    private void append(String text) {
        appended.append(text);
    }

    public String result() {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order));
        StringBuilder out = new StringBuilder(original.length() + 256);
        int pos = 0;
        for (Edit e : sorted) {
            if (e.start() < pos) {
                throw new IllegalStateException("overlapping edits of artifact.yaml");
            }
            out.append(original, pos, e.start()).append(e.text());
            pos = e.end();
        }
        out.append(original, pos, original.length());
        if (appended.length() > 0) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(appended);
        }
        return out.toString();
    }
}
