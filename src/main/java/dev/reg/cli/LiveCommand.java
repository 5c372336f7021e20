package dev.reg.cli;

import dev.reg.cli.render.ReleaseViewsText;
import dev.reg.registry.Registry;
import dev.reg.release.ReleaseQueries;
import dev.reg.release.ReleaseQueries.LiveView;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "live", description = "The release of a workflow that is live now, or was live at a moment (--at 2026-11-20T10:00Z).")
final class LiveCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--at", paramLabel = "TIME", description = "a moment with its offset, e.g. 2026-11-20T10:00Z")
    String at;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Mixin
    RemoteReadOption remote = new RemoteReadOption();

    @Override
    public Integer call() {
        try (Registry registry = openRegistry(remote)) {
            LiveView v = new ReleaseQueries(registry).live(workflow, Optional.ofNullable(at));
            if (json) {
                term().json(v);
            } else {
                ReleaseViewsText.live(term(), workflow, v);
            }
        }
        return ExitCodes.OK;
    }
}
