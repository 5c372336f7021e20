package dev.reg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * One man page per command ({@code reg.1}, {@code reg-bump.1}, {@code reg-adr-new.1} …) in man(7)
 * roff, written from picocli's model of reg at build time ({@code mvn package} runs {@link #main}).
 * Roff is written directly rather than through picocli-codegen's AsciiDoc and Asciidoctor's
 * manpage backend: that route needs JRuby (about 28 MB from Maven Central) and added about 15 s to
 * every package on this project's 2-core build machine, for pages this class writes in well under a second.
 */
public final class ManPages {
    /** The exit codes of DESIGN.md section 3, on every page. */
    private static final Map<Integer, String> EXIT_STATUS = exitStatus();

    private ManPages() {
    }

    /** {@code ManPages OUT-DIR VERSION}: writes every page into OUT-DIR. */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ManPages OUT-DIR VERSION");
        }
        List<Path> written = write(Path.of(args[0]), args[1]);
        System.out.println("reg: " + written.size() + " man pages in " + args[0]);
    }

    /** Writes the page of every visible command into {@code dir}; returns the files written. */
    public static List<Path> write(Path dir, String version) {
        Map<String, String> pages = pages(model(), version);
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> p : pages.entrySet()) {
                Path file = dir.resolve(p.getKey());
                Files.writeString(file, p.getValue(), StandardCharsets.UTF_8);
                out.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** reg's command tree as Main builds it (with {@code -h/--help} on every command). */
    static CommandLine model() {
        CommandLine root = CommandTree.whole(new RegCommand());
        root.setUsageHelpWidth(1000); // one synopsis line; the pager wraps
        return root;
    }

    /** File name ({@code reg-adr-new.1}) to page, for {@code root} and every visible command under it. */
    static Map<String, String> pages(CommandLine root, String version) {
        Map<String, String> out = new LinkedHashMap<>();
        walk(root, version, out);
        return out;
    }

    private static void walk(CommandLine c, String version, Map<String, String> out) {
        CommandSpec spec = c.getCommandSpec();
        out.put(pageName(spec) + ".1", page(c, version));
        for (Map.Entry<String, CommandLine> e : visibleSubcommands(c).entrySet()) {
            walk(e.getValue(), version, out);
        }
    }

    private static String page(CommandLine c, String version) {
        CommandSpec spec = c.getCommandSpec();
        String[] description = spec.usageMessage().description();
        StringBuilder r = new StringBuilder();
        r.append(".\\\" ").append(pageName(spec)).append(".1, written from reg's picocli model by dev.reg.cli.ManPages\n");
        r.append(".TH \"").append(text(pageName(spec).toUpperCase(java.util.Locale.ROOT))).append("\" \"1\" \"\" \"reg ")
                .append(text(version)).append("\" \"reg manual\"\n");
        r.append(".SH NAME\n").append(text(pageName(spec))).append(" \\- ")
                .append(text(description.length == 0 ? "" : firstSentence(description[0]))).append('\n');

        String synopsis = c.getHelp().synopsis(0).replaceAll("\\s+", " ").strip();
        String name = spec.qualifiedName();
        r.append(".SH SYNOPSIS\n.nh\n.ad l\n\\fB").append(text(name)).append("\\fR")
                .append(text(synopsis.substring(Math.min(name.length(), synopsis.length())))).append("\n.ad\n.hy\n");

        r.append(".SH DESCRIPTION\n");
        for (int i = 0; i < description.length; i++) {
            r.append(i == 0 ? "" : ".PP\n").append(paragraph(description[i]));
        }

        Map<String, CommandLine> subs = visibleSubcommands(c);
        if (!subs.isEmpty()) {
            r.append(".SH COMMANDS\n");
            for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
                CommandSpec s = e.getValue().getCommandSpec();
                r.append(".TP\n\\fB").append(text(e.getKey())).append("\\fR\n");
                String[] d = s.usageMessage().description();
                r.append(paragraph(d.length == 0 ? "" : d[0])).append("See ").append(reference(pageName(s))).append(".\n");
            }
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            r.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                r.append(".TP\n\\fI").append(text(p.paramLabel())).append("\\fR").append(p.arity().max() > 1 ? "..." : "").append('\n');
                r.append(paragraph(String.join(" ", p.renderedDescription())));
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            r.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                List<String> names = new ArrayList<>();
                for (String n : o.names()) {
                    names.add("\\fB" + text(n) + "\\fR");
                }
                r.append(".TP\n").append(String.join(", ", names));
                if (o.arity().max() > 0) {
                    r.append(o.longestName().startsWith("--") ? "=" : " ").append("\\fI").append(text(o.paramLabel())).append("\\fR");
                }
                r.append('\n').append(paragraph(String.join(" ", o.renderedDescription())));
            }
        }
        r.append(".SH EXIT STATUS\n");
        EXIT_STATUS.forEach((code, meaning) -> r.append(".TP\n\\fB").append(code).append("\\fR\n").append(paragraph(meaning)));

        List<String> seeAlso = new ArrayList<>();
        for (CommandSpec p = spec.parent(); p != null; p = p.parent()) {
            seeAlso.add(0, pageName(p));
        }
        subs.values().forEach(s -> seeAlso.add(pageName(s.getCommandSpec())));
        if (!seeAlso.isEmpty()) {
            r.append(".SH SEE ALSO\n").append(String.join(", ", seeAlso.stream().map(ManPages::reference).toList())).append('\n');
        }
        return r.toString();
    }

    private static Map<String, CommandLine> visibleSubcommands(CommandLine c) {
        Map<String, CommandLine> out = new LinkedHashMap<>();
        c.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandName())) {
                out.put(name, sub);
            }
        });
        return out;
    }

    /** {@code reg-adr-new(1)} in bold, never hyphenated at the end of a line. */
    private static String reference(String page) {
        return "\\fB\\%" + text(page) + "\\fR(1)";
    }

    /** {@code reg-adr-new} for {@code reg adr new}. */
    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    private static String firstSentence(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        int stop = one.indexOf(". ");
        one = stop > 0 ? one.substring(0, stop) : one;
        return one.endsWith(".") ? one.substring(0, one.length() - 1) : one;
    }

    /** Text as one filled paragraph: a roff line that cannot be read as a request. */
    private static String paragraph(String s) {
        String t = text(s.replaceAll("\\s+", " ").strip());
        if (t.isEmpty()) {
            return ""; // an empty line would be a blank line on the page
        }
        return (t.startsWith(".") || t.startsWith("'") ? "\\&" : "") + t + "\n";
    }

    /**
     * Text escaped for roff: a backslash and a hyphen-minus are written as escapes (so options
     * stay copyable), and non-ASCII characters as {@code \[uXXXX]} so groff renders them without preconv.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp == '\\') {
                b.append("\\e");
            } else if (cp == '-') {
                b.append("\\-");
            } else if (cp < 0x80) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("\\[u%04X]", cp));
            }
        });
        return b.toString();
    }

    private static Map<Integer, String> exitStatus() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(ExitCodes.OK, "success; for gate and release: ship");
        m.put(ExitCodes.NO, "a definite \"no\": validation findings, a gate hold, an integrity failure");
        m.put(ExitCodes.BAD_INPUT, "bad usage or bad input; the message names the file, line or field and what was expected");
        m.put(ExitCodes.REFUSED, "refused by the repository's state: uncommitted work in the way, a frozen workflow, a lock held, a concurrent update");
        m.put(ExitCodes.INTERNAL, "internal error (run again with --debug for the stack trace)");
        return m;
    }
}
