package dev.reg.cli;

import dev.reg.BadInputException;
import dev.reg.completion.CompletionCandidates;
import dev.reg.completion.CompletionCandidates.Candidate;
import dev.reg.completion.CompletionCandidates.Type;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** What the completion scripts ask when Tab is pressed: the values of one type from the repository, one a line. */
@Command(name = "__complete", hidden = true,
        description = "Print the values of TYPE that start with WORD, one a line (a tab and a description follow where known);"
                + " the shell completion scripts call this. CONTEXT is the command's positional values so far.")
final class CompleteCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "TYPE", description = "workflows, names, refs, versions, releases or adrs")
    String type;

    @Parameters(index = "1", arity = "0..1", paramLabel = "WORD", description = "what the user typed so far")
    String word = "";

    @Parameters(index = "2..*", arity = "0..*", paramLabel = "CONTEXT")
    List<String> context = new ArrayList<>();

    @Override
    public Integer call() {
        Type t = Type.parse(type).orElseThrow(() -> new BadInputException("unknown completion type '" + type + "': expected "
                + String.join(", ", Arrays.stream(Type.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList())));
        PrintWriter out = term().out();
        for (Candidate c : new CompletionCandidates(dir()).of(t, word, context)) {
            out.println(c.description().isEmpty() ? c.value() : c.value() + "\t" + c.description());
        }
        return ExitCodes.OK;
    }
}
