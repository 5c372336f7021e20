package dev.reg.cli;

import dev.reg.online.Arm;
import dev.reg.online.GateSource;
import dev.reg.online.OnlineService;
import dev.reg.online.TelemetryInput;
import dev.reg.registry.Registry;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * What the online readouts share: telemetry files named as typed (relative to {@code -C}), the
 * skip budget, and the header that says which gate file the readout was judged against. Without
 * {@code --record} or {@code --apply} they only read: nothing in the repository changes.
 */
abstract class OnlineCommand extends BaseCommand {
    @Option(names = "--skip-bad", paramLabel = "N", defaultValue = "0",
            description = "skip up to N malformed lines (all files together), counted in the readout; the next one is an error (default: ${DEFAULT-VALUE})")
    long skipBad;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    List<TelemetryInput> inputs(List<Path> files, Arm arm) {
        return files.stream().map(f -> TelemetryInput.typed(dir(), f, arm)).toList();
    }

    /** Runs one readout of the service on the registry. */
    <T> OnlineService.Judged<T> readout(Function<OnlineService, OnlineService.Judged<T>> call) {
        try (Registry registry = openRegistry()) {
            return call.apply(new OnlineService(registry));
        }
    }

    /**
     * Prints the readout: JSON, or the text with a first line naming the command, the workflow and
     * the gate file as committed at HEAD. A gate file with uncommitted edits gets a notice on stderr.
     * Only the format asked for is rendered (the text needs no Jackson).
     */
    void print(String command, GateSource gate, Supplier<String> jsonText, Supplier<String> text) {
        String notice = gate.uncommittedNotice();
        if (notice != null) {
            term().notice(notice);
        }
        if (json) {
            term().out().print(jsonText.get());
        } else {
            term().out().println(term().bold(command + " " + gate.workflow()) + ": " + gate.describe());
            term().out().print(text.get());
        }
        term().out().flush();
    }
}
