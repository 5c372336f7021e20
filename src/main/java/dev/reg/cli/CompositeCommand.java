package dev.reg.cli;

import dev.reg.cli.render.ReleaseViewsText;
import dev.reg.registry.Registry;
import dev.reg.release.ReleaseQueries;
import dev.reg.release.ReleaseQueries.CompositeView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "composite", description = "Print the workflow's current composite (long and short forms) and its digest.")
final class CompositeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    RemoteReadOption remote = new RemoteReadOption();

    @Override
    public Integer call() {
        try (Registry registry = openRegistry(remote)) {
            CompositeView c = new ReleaseQueries(registry).composite(workflow);
            if (json) {
                term().json(c);
                return ExitCodes.OK;
            }
            ReleaseViewsText.composite(term(), c);
        }
        return ExitCodes.OK;
    }
}
