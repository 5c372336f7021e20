package dev.reg.cli;

import dev.reg.registry.Registry;
import dev.reg.release.IncidentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "freeze", description = "Freeze a workflow during an incident: no release until it is unfrozen (one commit);"
        + " when it is already frozen, say so and change nothing.")
final class FreezeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why; recorded in the ledger and the commit")
    String reason;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            MarkCommand.printControl(term(), new IncidentService(registry, clock()).freeze(workflow, reason));
        }
        return ExitCodes.OK;
    }
}
