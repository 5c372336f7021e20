package dev.reg.cli;

import dev.reg.completion.CompletionCandidates;
import dev.reg.eval.ImportFormat;
import dev.reg.registry.Kind;
import dev.reg.semver.ReleaseType;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's model of reg as the completion scripts read it: one fact a line, fields separated by
 * {@code |}, the command path written as picocli qualifies it ({@code reg adr new}).
 * <pre>
 * c|PATH|SUBCOMMAND|DESCRIPTION
 * o|PATH|OPTION-NAME|TAKES-VALUE (0 or 1)|VALUES|DESCRIPTION
 * p|PATH|FIRST-INDEX|LAST-INDEX|VALUES
 * </pre>
 * VALUES says what completes a value: empty (nothing), {@code files}, {@code dirs}, {@code words:a b c}
 * (fixed words), or {@code dyn:TYPE} (asked of {@code reg __complete TYPE} when Tab is pressed, with
 * the command's positional values so far as context). Which value is which comes from the parameter
 * labels, so a new command taking a {@code WORKFLOW} completes workflow names without a change here.
 */
final class CompletionTable {
    static final String FILES = "files";
    static final String DIRS = "dirs";
    /** Positional ranges without an end ({@code 2..*}) are written with this last index. */
    static final int UNBOUNDED = 999;

    /** Values by label, for every command. */
    private static final Map<String, String> BY_LABEL = Map.of(
            "WORKFLOW", dyn(CompletionCandidates.Type.WORKFLOWS),
            "KIND", words(Arrays.stream(Kind.values()).map(Kind::id)),
            "REF", dyn(CompletionCandidates.Type.REFS),
            "KIND/NAME@VERSION", dyn(CompletionCandidates.Type.REFS),
            "DIR", DIRS);

    /** Values by command and label (positionals) or long option name, where the label alone says too little. */
    private static final Map<String, String> BY_COMMAND = Map.of(
            "reg bump NAME", dyn(CompletionCandidates.Type.NAMES),
            "reg bump TYPE", words(Arrays.stream(ReleaseType.values()).map(ReleaseType::label)),
            "reg diff V1", dyn(CompletionCandidates.Type.VERSIONS),
            "reg diff V2", dyn(CompletionCandidates.Type.VERSIONS),
            "reg mark STATUS", "words:bad",
            "reg adr supersede N", dyn(CompletionCandidates.Type.ADRS),
            "reg adr supersede --by", dyn(CompletionCandidates.Type.ADRS),
            "reg adr new --supersedes", dyn(CompletionCandidates.Type.ADRS),
            "reg eval import --format", words(Arrays.stream(ImportFormat.values()).map(ImportFormat::label)));

    private CompletionTable() {
    }

    /** The table of {@code root} and every visible command under it. */
    static String of(CommandLine root) {
        StringBuilder out = new StringBuilder();
        walk(root, out);
        return out.toString();
    }

    private static void walk(CommandLine c, StringBuilder out) {
        CommandSpec spec = c.getCommandSpec();
        String path = spec.qualifiedName();
        for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
            if (!e.getValue().getCommandSpec().usageMessage().hidden()) {
                line(out, "c", path, e.getKey(), summary(e.getValue().getCommandSpec().usageMessage().description()));
            }
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            boolean takesValue = o.arity().max() > 0;
            String values = takesValue ? values(spec, o) : "";
            for (String name : o.names()) {
                line(out, "o", path, name, takesValue ? "1" : "0", values, summary(o.description()));
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                int last = p.index().max() == Integer.MAX_VALUE ? UNBOUNDED : p.index().max();
                line(out, "p", path, Integer.toString(p.index().min()), Integer.toString(last), values(spec, p));
            }
        }
        for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
            if (!e.getValue().getCommandSpec().usageMessage().hidden() && e.getKey().equals(e.getValue().getCommandName())) {
                walk(e.getValue(), out);
            }
        }
    }

    /** What completes the value of {@code arg} in command {@code spec}. */
    static String values(CommandSpec spec, ArgSpec arg) {
        String key = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
        String v = BY_COMMAND.get(spec.qualifiedName() + " " + key);
        if (v == null) {
            v = BY_LABEL.get(arg.paramLabel());
        }
        if (v == null && arg.paramLabel().equals("N") && hasWorkflow(spec)) {
            v = dyn(CompletionCandidates.Type.RELEASES); // mark WORKFLOW N, memo WORKFLOW N, rollback WORKFLOW --to N
        }
        if (v == null && spec.qualifiedName().equals("reg help")) {
            v = words(spec.root().subcommands().values().stream().map(CommandLine::getCommandSpec)
                    .filter(s -> !s.usageMessage().hidden()).map(CommandSpec::name).distinct());
        }
        if (v == null && arg.completionCandidates() != null) {
            List<String> fixed = new ArrayList<>();
            arg.completionCandidates().forEach(fixed::add);
            v = words(fixed.stream());
        }
        if (v == null) {
            Class<?> type = arg.typeInfo().isMultiValue() ? arg.typeInfo().getAuxiliaryTypes()[0] : arg.type();
            v = type == Path.class || type == File.class ? FILES : "";
        }
        return v;
    }

    private static boolean hasWorkflow(CommandSpec spec) {
        return spec.positionalParameters().stream().anyMatch(p -> p.paramLabel().equals("WORKFLOW"));
    }

    static String dyn(CompletionCandidates.Type type) {
        return "dyn:" + type.name().toLowerCase(Locale.ROOT);
    }

    private static String words(Stream<String> words) {
        return "words:" + words.collect(Collectors.joining(" "));
    }

    /** The first sentence of a description, on one line, without the table's separator. */
    private static String summary(String[] description) {
        String text = description.length == 0 ? "" : description[0];
        text = text.replaceAll("\\s+", " ").replace('|', '/').strip();
        int stop = text.indexOf(". ");
        if (stop > 0) {
            text = text.substring(0, stop);
        }
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static void line(StringBuilder out, String... fields) {
        out.append(String.join("|", fields)).append('\n');
    }
}
