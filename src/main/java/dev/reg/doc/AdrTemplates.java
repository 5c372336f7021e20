package dev.reg.doc;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.reg.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Markdown templates ADRs and memos are rendered from: {@code templates/<name>.md} in the
 * repository (the user's to edit, scaffolded by {@code reg init}), or reg's own copy when the
 * repository has none. Mustache is logic-less and the collector reads only maps and lists, so a
 * template cannot reach any Java object or run code. {@code {{x}}} is escaped for Markdown (not
 * HTML); {@code {{{x}}}} is inserted as it is, for code spans and reg's own link targets.
 */
public final class AdrTemplates {
    public static final String ADR = "adr";
    public static final String MEMO = "memo";
    public static final String INCIDENT = "incident";

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .withEscaper(MarkdownText::inline)
            .withCollector(new BasicCollector() {
                @Override
                public <K, V> Map<K, V> createFetcherCache() {
                    return new java.util.concurrent.ConcurrentHashMap<>();
                }
            })
            .nullValue("");

    private final Path root;

    /** @param root the repository's work tree, whose {@code templates/} folder overrides reg's templates */
    public AdrTemplates(Path root) {
        this.root = root;
    }

    /** The template's repository path, e.g. {@code templates/memo.md}. */
    public static String path(String name) {
        return "templates/" + name + ".md";
    }

    /**
     * Renders template {@code name} with {@code model} and checks the result is a well-formed ADR
     * numbered {@code number}; a template error or a malformed result names the template file.
     */
    public String render(String name, Map<String, Object> model, int number) {
        String where = source(name);
        String text;
        try {
            Template t = COMPILER.compile(load(name));
            text = t.execute(model);
        } catch (MustacheException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
        text = text.replace("\r\n", "\n").stripTrailing() + "\n";
        AdrCheck.check(text, number, where);
        return text;
    }

    private String source(String name) {
        Path user = root.resolve(path(name));
        return Files.isRegularFile(user) ? path(name) : "reg's built-in " + path(name);
    }

    private String load(String name) {
        Path user = root.resolve(path(name));
        try {
            if (Files.isRegularFile(user)) {
                return Files.readString(user, StandardCharsets.UTF_8);
            }
            return builtIn(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + user + ": " + e.getMessage(), e);
        }
    }

    /** reg's own copy of a template, also what {@code reg init} scaffolds. */
    public static String builtIn(String name) {
        String resource = "/dev/reg/scaffold/" + path(name);
        try (InputStream in = AdrTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
