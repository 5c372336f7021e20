package dev.reg.cli;

import dev.reg.registry.Registry;
import dev.reg.release.IncidentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "unfreeze", description = "Lift a workflow's freeze (one commit); when it is not frozen, say so and change nothing.")
final class UnfreezeCommand extends BaseCommand {
    @Mixin
    PushOption push = new PushOption();

    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why; recorded in the ledger and the commit")
    String reason;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            IncidentService service = new IncidentService(registry, clock());
            publish(registry, push, false, () -> service.unfreeze(workflow, reason), c -> MarkCommand.printControl(term(), c));
        }
        return ExitCodes.OK;
    }
}
