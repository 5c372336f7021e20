package dev.reg.cli;

import dev.reg.cli.render.OnlineWriteText;
import dev.reg.monitor.MonitorService;
import dev.reg.online.BudgetJson;
import dev.reg.online.BudgetReadout;
import dev.reg.online.OnlineService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "budget", description = {"The error budget of the slo: section of the workflow's gate file (as committed at HEAD): budget"
        + " spent and remaining over the SLO's window, and the burn rates of the SRE workbook's multiwindow alerts (page: 1h and 5m above"
        + " 14.4, 6h and 30m above 6; ticket: 1d and 2h above 3, 3d and 6h above 1). Evaluated at the latest event or at --now. Writes nothing"
        + " unless --apply (an exhausted budget freezes the workflow, with the readout, in one commit) or --record (commits the readout).",
    "Exit 0 ok, ticket or unknown (no timed events); 1 a page-level burn or an exhausted budget (freeze); 2 bad input."})
final class BudgetCommand extends RecordingCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--events", paramLabel = "FILE", description = "a file of events (repeat the flag for each file)")
    List<Path> events = new ArrayList<>();

    @Option(names = "--now", paramLabel = "TIME", description = "evaluate at this moment, with its offset, e.g. 2026-11-20T10:00Z (later events are left out)")
    String now;

    @Option(names = "--apply", description = "an exhausted budget freezes the workflow (one commit, with the readout)")
    boolean apply;

    @Option(names = "--record", description = "commit the readout under registry/online/WORKFLOW/")
    boolean record;

    @Override
    public Integer call() {
        pushOnlyWhenWriting(apply || record, "--apply or --record");
        MonitorService.BudgetRecord recorded = apply || record
                ? write(s -> s.applyBudget(workflow, inputs(events, null), now, skipBad, apply, record)) : null;
        OnlineService.Judged<BudgetReadout> j = recorded != null ? recorded.judged()
                : readout(s -> s.budget(workflow, inputs(events, null), now, skipBad));
        BudgetReadout r = j.readout();
        print("budget", j.gate(), () -> BudgetJson.render(r, j.gate()), () -> BudgetJson.text(r));
        if (recorded != null) {
            OnlineWriteText.written(term(), recorded.written(), json);
        }
        return r.status() == BudgetReadout.Status.PAGE || r.exhausted() ? ExitCodes.NO : ExitCodes.OK;
    }
}
