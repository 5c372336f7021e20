package dev.reg.cli;

import dev.reg.cli.render.Terminal;
import dev.reg.BadInputException;
import dev.reg.registry.Registry;
import dev.reg.release.IncidentService;
import dev.reg.release.IncidentService.ControlChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mark", description = "Mark a shipped release bad (one commit of the ledger with actor and reason). The mark stays:"
        + " neither the release nor any release with its composite is ever a rollback target.")
final class MarkCommand extends BaseCommand {
    @Mixin
    PushOption push = new PushOption();

    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Parameters(index = "1", paramLabel = "N")
    int n;

    @Parameters(index = "2", paramLabel = "STATUS", description = "bad")
    String status;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why; recorded in the ledger and the commit")
    String reason;

    @Override
    public Integer call() {
        if (!status.equals("bad")) {
            throw new BadInputException("cannot mark a release '" + status + "': the only mark is 'bad'");
        }
        try (Registry registry = openRegistry()) {
            IncidentService service = new IncidentService(registry, clock());
            publish(registry, push, false, () -> service.markBad(workflow, n, reason), c -> printControl(term(), c));
        }
        return ExitCodes.OK;
    }

    static void printControl(Terminal term, ControlChange c) {
        if (!c.changed()) {
            // already in the asked-for state: an idempotent no-op, exit 0
            term.out().println("reg: nothing to do: " + switch (c.action()) {
                case "bad" -> "release " + c.release() + " of " + c.workflow() + " is already marked bad by " + c.actor() + " at " + c.at()
                        + (c.reason() == null ? "" : ": " + c.reason());
                case "freeze" -> c.workflow() + " is already frozen since " + c.at() + " by " + c.actor() + ": " + c.reason()
                        + " (this reason was not recorded)";
                default -> c.workflow() + " is not frozen";
            });
            return;
        }
        String what = switch (c.action()) {
            case "bad" -> "release " + c.release() + " of " + c.workflow() + " marked " + term.red("bad");
            case "freeze" -> c.workflow() + " " + term.yellow("frozen") + ": no release until 'reg unfreeze " + c.workflow() + "'";
            default -> c.workflow() + " " + term.green("unfrozen");
        };
        term.out().println(what);
        term.out().println("  by " + c.actor() + " at " + c.at() + (c.reason() == null ? "" : ": " + c.reason()));
        term.out().println("  commit " + c.commit().substring(0, 12));
    }
}
