package dev.reg.cli;

import dev.reg.cli.render.GateText;
import dev.reg.gate.GateJUnit;
import dev.reg.gate.GateReport;
import dev.reg.gate.GateService;
import dev.reg.registry.Registry;
import dev.reg.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gate", description = {"Ship or hold the workflow's current composite: pass bars, must-pass cases and baseline deltas. Exit 0 ship, 1 hold.",
        "Reads the registry as it stands in the work tree, so an edited gate file can be tried before it is committed;"
                + " 'reg release' decides on HEAD as committed."})
final class GateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--run", paramLabel = "ID", description = "the eval run to gate on (default: the newest run of the current composite)")
    String run;

    @Option(names = "--baseline", paramLabel = "ID", description = "the baseline run (default: the run of the last shipped release)")
    String baseline;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the result as JUnit XML, one testcase per bar")
    Path junit;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        GateReport r;
        try (Registry registry = openRegistry()) {
            r = GateService.of(registry, registry.workTree()).evaluate(workflow, Optional.ofNullable(run), Optional.ofNullable(baseline));
        }
        if (junit != null) {
            try {
                AtomicFiles.write(dir().resolve(junit), GateJUnit.render(r).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + junit + ": " + e.getMessage(), e);
            }
        }
        if (json) {
            term().json(r);
        } else {
            GateText.render(term(), r);
        }
        return r.ship() ? ExitCodes.OK : ExitCodes.NO;
    }

}
