package dev.reg.cli;

import dev.reg.BadInputException;
import dev.reg.cli.render.OnlineWriteText;
import dev.reg.monitor.MonitorService;
import dev.reg.online.DriftJson;
import dev.reg.online.DriftReadout;
import dev.reg.online.DriftRequest;
import dev.reg.online.DriftText;
import dev.reg.online.Level;
import dev.reg.online.OnlineService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "drift", description = {"Drift of current telemetry against a reference: PSI, KL and Jensen-Shannon distance per field, the"
        + " embedding's cosine distance, and rates over a window, each green, yellow, red or unknown (too few events) by the drift: section"
        + " of the workflow's gate file as committed at HEAD (defaults PSI 0.10/0.25, JS 0.10/0.20, embedding 0.05/0.10). Writes nothing"
        + " unless --record (one commit: the readout, and the reference's profile for --reference-release).",
    "The reference is files (--reference FILE, each file after its own flag) or the profile recorded for a release (--reference-release N,"
        + " read from registry/online/WORKFLOW/drift-profile-release-N.json at HEAD).",
    "Exit 0 green, yellow or unknown; 1 red; 2 bad input."})
final class DriftCommand extends RecordingCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--reference", paramLabel = "FILE", description = "a file of reference events (repeat the flag for each file)")
    List<Path> reference = new ArrayList<>();

    @Option(names = "--reference-release", paramLabel = "N", description = "the reference profile recorded for release N, instead of --reference files")
    Integer referenceRelease;

    @Option(names = "--current", paramLabel = "FILE", description = "a file of current events (repeat the flag for each file)")
    List<Path> current = new ArrayList<>();

    @Option(names = "--record", description = "commit the readout and, with --reference files, the reference's profile (bin edges,"
            + " counts and shares) as the recorded reference of a release, so --reference-release N needs only the record")
    boolean record;

    @Option(names = "--release", paramLabel = "N", description = "with --record: the release whose traffic the reference is (default: the live release)")
    Integer release;

    @Option(names = "--window", paramLabel = "DURATION", description = "rates over the last DURATION of the current events, e.g. 1h or 30m"
            + " (default: the gate file's drift.window, else all current events)")
    String window;

    @Override
    public Integer call() {
        DriftRequest request = new DriftRequest(inputs(reference, null), referenceRelease, inputs(current, null), window, skipBad);
        if (release != null && !record) {
            throw new BadInputException("--release goes with --record: it names the release whose recorded reference the files become");
        }
        pushOnlyWhenWriting(record, "--record");
        MonitorService.DriftRecord recorded = record ? write(s -> s.recordDrift(workflow, request, release)) : null;
        OnlineService.Judged<DriftReadout> j = recorded != null ? recorded.judged() : readout(s -> s.drift(workflow, request));
        DriftReadout r = j.readout();
        print("drift", j.gate(), () -> DriftJson.render(r, j.gate()), () -> DriftText.render(r));
        if (recorded != null) {
            OnlineWriteText.written(term(), recorded.written(), json);
        }
        return r.level() == Level.RED ? ExitCodes.NO : ExitCodes.OK;
    }
}
