package dev.reg.cli;

import dev.reg.cli.render.ShowText;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryQueries;
import dev.reg.registry.RegistryViews.ArtifactDetails;
import dev.reg.registry.RegistryViews.Overview;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show the registry, an artifact (kind/name) or one of its versions (kind/name@version).")
final class ShowCommand extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "REF")
    String ref;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    RemoteReadOption remote = new RemoteReadOption();

    @Override
    public Integer call() {
        try (Registry registry = openRegistry(remote, ref == null ? RegistryQueries.OVERVIEW_REFS : List.of())) {
            RegistryQueries q = new RegistryQueries(registry);
            if (ref == null) {
                Overview o = q.overview();
                if (json) {
                    term().json(o);
                } else {
                    ShowText.overview(term(), o);
                }
            } else {
                ArtifactDetails d = q.show(ref);
                if (json) {
                    term().json(d);
                } else {
                    ShowText.details(term(), d);
                }
            }
        }
        return ExitCodes.OK;
    }

}
