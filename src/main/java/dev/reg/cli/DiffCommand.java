package dev.reg.cli;

import dev.reg.cli.render.ShowText;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryQueries;
import dev.reg.registry.RegistryViews.Diff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", description = "What changed in an artifact between two versions: metadata and content files.")
final class DiffCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "REF", description = "kind/name")
    String ref;

    @Parameters(index = "1", paramLabel = "V1")
    String from;

    @Parameters(index = "2", paramLabel = "V2")
    String to;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            Diff d = new RegistryQueries(registry).diff(ref, from, to);
            if (json) {
                term().json(d);
                return ExitCodes.OK;
            }
            ShowText.diff(term(), d);
        }
        return ExitCodes.OK;
    }
}
