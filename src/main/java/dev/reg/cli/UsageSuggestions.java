package dev.reg.cli;

import dev.reg.util.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * "did you mean 'reg bump'?" for a mistyped command or option, from picocli's model of the command
 * the user was in. picocli's own suggestions (bigram cosine similarity) miss swapped letters such as
 * {@code nwe} for {@code new} or {@code --fromat} for {@code --format}, so the names are ranked by
 * {@link Suggestions} as workflow and artifact names are.
 */
final class UsageSuggestions {
    private UsageSuggestions() {
    }

    /** The suggestion line for a usage error, when the first unmatched word is close to a command or option name. */
    static Optional<String> of(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty() || u.getCommandLine() == null) {
            return Optional.empty();
        }
        CommandSpec spec = u.getCommandLine().getCommandSpec();
        String typed = u.getUnmatched().get(0);
        List<String> names;
        if (typed.startsWith("-")) {
            names = options(spec, typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed);
        } else {
            names = subcommands(spec, typed);
        }
        String line = Suggestions.didYouMean(names);
        return line.isEmpty() ? Optional.empty() : Optional.of(line);
    }

    private static List<String> subcommands(CommandSpec spec, String typed) {
        List<String> visible = spec.subcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()).map(Map.Entry::getKey).toList();
        return Suggestions.closest(typed, visible).stream().map(s -> spec.qualifiedName() + " " + s).toList();
    }

    /** Option names compared without their dashes, so {@code -x} is not "one edit" from {@code -C}. */
    private static List<String> options(CommandSpec spec, String typed) {
        Map<String, String> byWord = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                for (String name : o.names()) {
                    byWord.putIfAbsent(undashed(name), name);
                }
            }
        }
        return Suggestions.closest(undashed(typed), byWord.keySet()).stream().map(byWord::get).toList();
    }

    private static String undashed(String option) {
        int i = 0;
        while (i < option.length() && option.charAt(i) == '-') {
            i++;
        }
        return option.substring(i);
    }
}
