package dev.reg.cli;

import dev.reg.registry.Registry;
import dev.reg.release.ReleaseQueries;
import dev.reg.release.ReleaseQueries.History;
import dev.reg.release.ReleaseQueries.HistoryEvent;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "Every release decision and status change of a workflow, and every freeze and unfreeze,"
        + " in order, with actor and reason.")
final class HistoryCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            History h = new ReleaseQueries(registry).history(workflow);
            if (json) {
                term().json(h);
                return ExitCodes.OK;
            }
            PrintWriter out = term().out();
            if (h.events().isEmpty()) {
                out.println(workflow + ": no releases yet");
            }
            for (HistoryEvent e : h.events()) {
                String what = switch (e.event()) {
                    case "shipped", "rollback", "unfreeze" -> term().green(e.event());
                    case "held", "bad" -> term().red(e.event());
                    default -> term().yellow(e.event());
                };
                StringBuilder line = new StringBuilder();
                line.append(e.at()).append(e.release() == null ? "" : "  #" + e.release()).append("  ").append(what);
                if (e.rollbackFrom() != null) {
                    line.append(" ").append(e.rollbackFrom()).append(" -> ").append(e.rollbackTo());
                }
                if (e.adr() != null) {
                    line.append("  ").append(e.composite());
                }
                line.append("  by ").append(e.actor());
                if (e.reason() != null) {
                    line.append(": ").append(e.reason());
                }
                if (e.tag() != null && !e.tagPresent()) {
                    line.append("  ").append(term().red("(tag " + e.tag() + " missing)"));
                }
                out.println(line);
            }
            if (h.live() != null) {
                out.println("live: release " + h.live());
            }
            if (h.frozen() != null) {
                out.println(term().yellow("frozen") + " since " + h.frozen().since() + " by " + h.frozen().actor() + ": " + h.frozen().reason());
            }
        }
        return ExitCodes.OK;
    }
}
