package dev.reg.cli;

import dev.reg.git.FileChange;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryQueries;
import dev.reg.registry.RegistryViews.Diff;
import dev.reg.registry.RegistryViews.FieldChange;
import java.io.PrintWriter;
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
            PrintWriter out = term().out();
            out.println(term().bold(d.artifact() + " " + d.from() + " -> " + d.to()));
            for (FieldChange f : d.fields()) {
                out.println("  " + f.field() + ": " + f.from() + " -> " + f.to());
            }
            if (d.files().isEmpty()) {
                out.println("  (no content file changed)");
            }
            for (FileChange f : d.files()) {
                out.println("  " + f.change() + " " + f.path());
            }
            for (FileChange f : d.files()) {
                out.println();
                out.print(f.patch());
            }
        }
        return ExitCodes.OK;
    }
}
