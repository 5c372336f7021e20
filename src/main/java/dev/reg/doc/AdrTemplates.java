package dev.reg.doc;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.reg.BadInputException;
import dev.reg.util.SymbolicLinks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    public static final String PROMOTE = "promote";

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
        String source = load(name);
        String text;
        try {
            Template t = COMPILER.compile(source);
            rejectIncludes(t, source, where);
            text = t.execute(model);
        } catch (MustacheException e) {
            throw new BadInputException(where + ": " + e.getMessage());
        }
        text = text.replace("\r\n", "\n").stripTrailing() + "\n";
        AdrCheck.check(text, number, where);
        return text;
    }

    /**
     * A template is one self-contained file: a partial ({@code {{> name}}}) or a parent ({@code {{< name}}})
     * would be read from somewhere else, so either is refused, with its line, before anything is rendered.
     */
    private static void rejectIncludes(Template t, String source, String where) {
        t.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
            }

            @Override
            public boolean visitInclude(String name) {
                throw refused('>', "partial", name);
            }

            @Override
            public boolean visitParent(String name) {
                throw refused('<', "parent template", name);
            }

            @Override
            public boolean visitSection(String name) {
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return true;
            }

            private BadInputException refused(char sigil, String what, String name) {
                Matcher m = Pattern.compile("\\{\\{\\s*" + Pattern.quote(String.valueOf(sigil)) + "\\s*"
                                + Pattern.quote(name) + "\\s*}}")
                        .matcher(source);
                String line = m.find() ? " line " + (1 + source.substring(0, m.start()).chars().filter(c -> c == '\n').count()) + ":" : "";
                return new BadInputException(where + ":" + line + " the " + what + " {{" + sigil + " " + name
                        + "}} is not supported: templates are self-contained, so put its text into " + where + " itself");
            }
        });
    }

    private String source(String name) {
        return userTemplate(name).isPresent() ? path(name) : "reg's built-in " + path(name);
    }

    /**
     * The repository's own copy of template {@code name}, if it has one. A template reached through a
     * symbolic link (the file or a folder above it) is refused without being read, so a committed link
     * can never put a file from outside the repository into an ADR.
     */
    private Optional<Path> userTemplate(String name) {
        SymbolicLinks.firstLink(root, path(name)).ifPresent(link -> {
            throw new BadInputException(link + " is a symbolic link; reg reads " + path(name)
                    + " only from a regular file in the repository (replace the link with the file itself)");
        });
        Path user = root.resolve(path(name));
        return Files.isRegularFile(user, LinkOption.NOFOLLOW_LINKS) ? Optional.of(user) : Optional.empty();
    }

    private String load(String name) {
        Optional<Path> user = userTemplate(name);
        if (user.isEmpty()) {
            return builtIn(name);
        }
        try {
            return Files.readString(user.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + user.get() + ": " + e.getMessage(), e);
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
