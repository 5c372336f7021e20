package dev.reg.yaml;

import dev.reg.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML file read safely: strict UTF-8, size, alias and nesting limits, no custom types, no
 * duplicate keys. Kept as a node tree so every later error can name its line, and so edits can
 * splice the original text instead of re-emitting it.
 */
public final class YamlDocument {
    private final String file;
    private final String text;
    private final Node root;

    private YamlDocument(String file, String text, Node root) {
        this.file = file;
        this.text = text;
        this.root = root;
    }

    /** Reads {@code path}, naming it {@code displayName} in errors. A symlink is refused. */
    public static YamlDocument read(Path path, String displayName) {
        return parse(readBytes(path, displayName), displayName);
    }

    /** The bytes {@link #read} parses, with its checks: a regular file (no symlink) within the size limit. */
    public static byte[] readBytes(Path path, String displayName) {
        try {
            if (Files.isSymbolicLink(path)) {
                throw BadInputException.at(displayName, 0, "is a symbolic link; registry files must be regular files");
            }
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw BadInputException.at(displayName, 0, "not found");
            }
            long size = Files.size(path);
            if (size > YamlLimits.MAX_BYTES) {
                throw BadInputException.at(displayName, 0, "is " + size + " bytes; registry YAML files are limited to "
                        + YamlLimits.MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw BadInputException.at(displayName, 0, "not found");
        } catch (IOException e) {
            throw BadInputException.at(displayName, 0, "cannot be read: " + e.getMessage());
        }
    }

    public static YamlDocument parse(byte[] bytes, String displayName) {
        if (bytes.length > YamlLimits.MAX_BYTES) {
            throw BadInputException.at(displayName, 0, "is " + bytes.length + " bytes; registry YAML files are limited to "
                    + YamlLimits.MAX_BYTES + " bytes");
        }
        return parse(decodeUtf8(bytes, displayName), displayName);
    }

    /** SnakeYAML's tag resolution, built once: it only reads its table after construction, so every parse (and thread) may share it. */
    private static final Resolver RESOLVER = new Resolver();

    public static YamlDocument parse(String text, String displayName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(YamlLimits.MAX_ALIASES);
        options.setNestingDepthLimit(YamlLimits.MAX_NESTING);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, YamlLimits.MAX_BYTES));
        Node root;
        try {
            // composed to nodes only: no constructor, representer or dumper is built for a document that is never turned into objects
            root = new Composer(new ParserImpl(new StreamReader(text), options), RESOLVER, options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null && e.getProblem() != null) {
                problem = e.getContext() + ": " + e.getProblem();
            }
            throw BadInputException.at(displayName, m == null ? 0 : m.getLine() + 1,
                    "invalid YAML" + (m == null ? "" : " at column " + (m.getColumn() + 1)) + ": " + oneLine(problem));
        } catch (YAMLException e) {
            throw BadInputException.at(displayName, 0, "invalid YAML: " + oneLine(e.getMessage()));
        }
        YamlDocument doc = new YamlDocument(displayName, text, root);
        if (root != null) {
            doc.checkNoDuplicateKeys(root, new HashSet<>());
        }
        return doc;
    }

    private static String decodeUtf8(byte[] bytes, String displayName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String s = decoder.decode(in).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (MalformedInputException e) {
            int line = 1;
            for (int i = 0; i < in.position() && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw BadInputException.at(displayName, line, "not valid UTF-8 (byte offset " + in.position() + ")");
        } catch (CharacterCodingException e) {
            throw BadInputException.at(displayName, 0, "not valid UTF-8");
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    /** Duplicate keys and application-specific tags ({@code !!python/object}, {@code !foo}) are refused everywhere. */
    private void checkNoDuplicateKeys(Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            return; // an alias to a node already checked
        }
        if (!node.getTag().getValue().startsWith("tag:yaml.org,2002:")) {
            throw BadInputException.at(file, line(node), "the YAML tag '" + node.getTag().getValue()
                    + "' is not allowed; registry files hold plain strings, numbers, lists and mappings");
        }
        if (node instanceof MappingNode) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                Node k = t.getKeyNode();
                if (k instanceof ScalarNode && !keys.add(((ScalarNode) k).getValue())) {
                    throw BadInputException.at(file, line(k), "duplicate key '" + ((ScalarNode) k).getValue() + "'");
                }
                checkNoDuplicateKeys(t.getValueNode(), seen);
            }
        } else if (node instanceof SequenceNode) {
            for (Node item : ((SequenceNode) node).getValue()) {
                checkNoDuplicateKeys(item, seen);
            }
        }
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    public Node rootNode() {
        return root;
    }

    /** The top-level mapping; an empty file or another top-level type is an error. */
    public YamlMap rootMap() {
        if (root == null) {
            throw BadInputException.at(file, 1, "is empty; expected a mapping");
        }
        if (!(root instanceof MappingNode)) {
            throw BadInputException.at(file, line(root), "expected a mapping at the top level");
        }
        return new YamlMap(this, (MappingNode) root);
    }

    static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }
}
