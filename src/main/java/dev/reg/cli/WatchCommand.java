package dev.reg.cli;

import dev.reg.cli.render.OnlineWriteText;
import dev.reg.monitor.MonitorService;
import dev.reg.monitor.MonitorService.WatchOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", description = {"One monitoring run, for a schedule (cron, CI): drift of the events against the --reference files"
        + " (else the reference recorded for the live release), the error budget of the slo: section, and the stop-loss of a running canary."
        + " Drift red or a page-level burn freezes the workflow and rolls back to the last good composite; an exhausted budget freezes;"
        + " a canary past its stop-loss is rolled back. With --apply that is done in one commit (the readouts, the freeze, the rollback"
        + " and an incident ADR with the evidence); without it, reg watch prints what it would do. Too little data is unknown and never"
        + " acts; a frozen workflow is an incident in hand, so a second run does nothing.",
    "Exit 0 green, unknown or nothing more to do; 1 acted or would act; 2 bad input (nothing written); 3 refused (uncommitted changes)."})
final class WatchCommand extends RecordingCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--events", paramLabel = "FILE", description = "a file of live events (repeat the flag for each file)")
    List<Path> events = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "FILE", description = "a file of drift reference events (repeat the flag for each file;"
            + " default: the reference recorded for the live release)")
    List<Path> reference = new ArrayList<>();

    @Option(names = "--apply", description = "act: freeze and roll back in one commit (default: print what would be done)")
    boolean apply;

    @Override
    public Integer call() {
        pushOnlyWhenWriting(apply, "--apply");
        WatchOutcome o = write(s -> s.watch(new MonitorService.WatchRequest(workflow, inputs(events, null), inputs(reference, null), skipBad,
                apply)));
        if (o == null) {
            return ExitCodes.OK;
        }
        if (json) {
            term().json(OnlineWriteText.watchJson(o));
        } else {
            OnlineWriteText.watch(term(), o);
        }
        return o.plan().acts() ? ExitCodes.NO : ExitCodes.OK;
    }
}
