package dev.reg.cli;

import dev.reg.registry.Registry;
import dev.reg.release.ReleaseQueries;
import dev.reg.release.ReleaseQueries.CompositeView;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "composite", description = "Print the workflow's current composite (long and short forms) and its digest.")
final class CompositeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            CompositeView c = new ReleaseQueries(registry).composite(workflow);
            if (json) {
                term().json(c);
                return ExitCodes.OK;
            }
            PrintWriter out = term().out();
            out.println(term().bold(c.workflow()) + ": " + c.composite());
            out.println("  short   " + c.shortForm());
            out.println("  digest  " + c.digest());
            for (ReleaseQueries.ComponentView cv : c.components()) {
                out.println("  " + cv.artifact() + "@" + cv.version() + "  " + cv.digest());
            }
            if (c.liveRelease() == null) {
                out.println("  live    never released");
            } else if (c.live()) {
                out.println("  live    release " + c.liveRelease() + " (" + term().green("this composite") + ")");
            } else {
                out.println("  live    release " + c.liveRelease() + " (" + term().yellow("a different composite") + ", " + c.liveDigest() + ")");
            }
        }
        return ExitCodes.OK;
    }
}
