package dev.reg.cli;

import dev.reg.registry.Registry;
import dev.reg.release.ReleaseQueries;
import dev.reg.release.ReleaseQueries.MemoView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "memo", description = "Print the decision memo of release N of a workflow.")
final class MemoCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Parameters(index = "1", paramLabel = "N")
    int n;

    @Option(names = "--path", description = "print only the memo's path")
    boolean path;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            MemoView m = new ReleaseQueries(registry).memo(workflow, n);
            if (json) {
                term().json(m);
            } else if (path) {
                term().out().println(m.path());
            } else {
                term().err().println(m.path() + " (" + m.status() + ")");
                term().out().print(m.text());
            }
        }
        return ExitCodes.OK;
    }
}
