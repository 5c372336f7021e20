package dev.reg.cli;

import dev.reg.registry.Registry;
import dev.reg.release.IncidentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "unfreeze", description = "Lift a workflow's freeze (one commit); when it is not frozen, say so and change nothing.")
final class UnfreezeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why; recorded in the ledger and the commit")
    String reason;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            MarkCommand.printControl(term(), new IncidentService(registry, clock()).unfreeze(workflow, reason));
        }
        return ExitCodes.OK;
    }
}
