package dev.reg.cli;

import dev.reg.cli.render.ReleaseViewsText;
import dev.reg.registry.Registry;
import dev.reg.release.ReleaseQueries;
import dev.reg.release.ReleaseQueries.History;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "Every release decision and status change of a workflow, and every freeze and unfreeze,"
        + " in order, with actor and reason.")
final class HistoryCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    RemoteReadOption remote = new RemoteReadOption();

    @Override
    public Integer call() {
        try (Registry registry = openRegistry(remote)) {
            History h = new ReleaseQueries(registry).history(workflow);
            if (json) {
                term().json(h);
                return ExitCodes.OK;
            }
            ReleaseViewsText.history(term(), workflow, h);
        }
        return ExitCodes.OK;
    }
}
