package dev.reg.cli;

import dev.reg.cli.render.ShowText;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryQueries;
import dev.reg.registry.RegistryViews.Log;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "log", description = "Every tagged version of an artifact, newest first.")
final class LogCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "REF", description = "kind/name")
    String ref;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    RemoteReadOption remote = new RemoteReadOption();

    @Override
    public Integer call() {
        try (Registry registry = openRegistry(remote)) {
            Log log = new RegistryQueries(registry).log(ref);
            if (json) {
                term().json(log);
                return ExitCodes.OK;
            }
            ShowText.log(term(), log);
        }
        return ExitCodes.OK;
    }
}
