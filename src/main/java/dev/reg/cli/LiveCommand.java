package dev.reg.cli;

import dev.reg.registry.Registry;
import dev.reg.release.ReleaseQueries;
import dev.reg.release.ReleaseQueries.LiveView;
import java.util.Optional;
import picocli.CommandLine.Command;
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

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            LiveView v = new ReleaseQueries(registry).live(workflow, Optional.ofNullable(at));
            if (json) {
                term().json(v);
            } else if (v.release() == null) {
                term().out().println(workflow + ": nothing was live" + (v.at() == null ? "" : " at " + v.at()));
            } else {
                term().out().println(workflow + (v.at() == null ? "" : " at " + v.at()) + ": release " + v.release() + " ("
                        + v.status() + ", since " + v.since() + ", tag " + v.tag() + ")");
                term().out().println("  " + v.composite());
                term().out().println("  " + v.digest());
            }
        }
        return ExitCodes.OK;
    }
}
