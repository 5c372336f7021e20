package dev.reg.cli;

import dev.reg.cli.render.Terminal;
import dev.reg.BadInputException;
import dev.reg.doc.AdrService;
import dev.reg.doc.AdrService.AdrChange;
import dev.reg.doc.AdrService.AdrSummary;
import dev.reg.registry.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "adr", description = "Architecture decision records in adr/ (adr-tools, log4brains and adr-log read them as they are).",
        subcommands = {AdrCommand.New.class, AdrCommand.ListAdrs.class, AdrCommand.Supersede.class})
final class AdrCommand implements Runnable {
    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: new, list or supersede");
    }

    static void printChange(Terminal term, AdrChange c) {
        term.out().println(term.green(c.path()) + ": " + c.number() + ". " + c.title() + " (" + c.status() + ")");
        for (String f : c.changed()) {
            if (!f.equals(c.path())) {
                term.out().println("  also changed " + f);
            }
        }
        term.out().println("  commit " + c.commit().substring(0, 12));
    }

    @Command(name = "new", description = "Write a new ADR from templates/adr.md and commit it.")
    static final class New extends BaseCommand {
        @Parameters(arity = "1..*", paramLabel = "TITLE", description = "the decision's title (several words are joined)")
        List<String> title = new ArrayList<>();

        @Option(names = "--status", paramLabel = "STATUS", defaultValue = "proposed",
                description = "proposed, accepted, rejected or deprecated (default ${DEFAULT-VALUE})")
        String status;

        @Option(names = {"-s", "--supersedes"}, paramLabel = "N", description = "mark ADR N superseded by the new one, in the same commit")
        String supersedes;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() {
            try (Registry registry = openRegistry()) {
                AdrChange c = new AdrService(registry, clock()).create(String.join(" ", title), status, Optional.ofNullable(supersedes));
                if (json) {
                    term().json(c);
                } else {
                    printChange(term(), c);
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List the ADRs with their status.")
    static final class ListAdrs extends BaseCommand {
        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() {
            try (Registry registry = openRegistry()) {
                List<AdrSummary> all = new AdrService(registry, clock()).list();
                if (json) {
                    term().json(all);
                    return ExitCodes.OK;
                }
                if (all.isEmpty()) {
                    term().out().println("(no ADRs; write one with 'reg adr new TITLE')");
                }
                for (AdrSummary a : all) {
                    term().out().printf("%4d  %-11s %s  (%s)%n", a.number(), a.status(), a.title(), a.path());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "supersede", description = "Mark ADR N superseded (header list and ## Status, one commit): by an existing ADR"
            + " (--by M) or by a new one titled TITLE.")
    static final class Supersede extends BaseCommand {
        @Parameters(index = "0", paramLabel = "N", description = "the ADR superseded: its number (2 means 0002-…) or file name")
        String ref;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "TITLE", description = "title of a new ADR that supersedes N")
        List<String> title = new ArrayList<>();

        @Option(names = "--by", paramLabel = "M", description = "the existing ADR that supersedes N")
        String by;

        @Option(names = "--status", paramLabel = "STATUS", defaultValue = "accepted",
                description = "status of the new ADR (default ${DEFAULT-VALUE})")
        String status;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() {
            if ((by == null) == title.isEmpty()) {
                throw new BadInputException("say what supersedes ADR " + ref + ": either --by M (an existing ADR) or the TITLE of a new one");
            }
            try (Registry registry = openRegistry()) {
                AdrService service = new AdrService(registry, clock());
                AdrChange c = by != null ? service.supersede(ref, by)
                        : service.create(String.join(" ", title), status, Optional.of(ref));
                if (json) {
                    term().json(c);
                } else {
                    printChange(term(), c);
                }
            }
            return ExitCodes.OK;
        }
    }
}
