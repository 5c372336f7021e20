package dev.reg.cli;

import dev.reg.gate.BarResult;
import dev.reg.gate.GateReport;
import dev.reg.gate.MustPassResult;
import dev.reg.stats.Numbers;
import dev.reg.registry.Registry;
import dev.reg.release.ReleaseService;
import dev.reg.release.ReleaseService.ReleaseOutcome;
import dev.reg.release.ReleaseService.ReleaseRequest;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", description = {"Gate the workflow's composite and record the decision: on ship the ledger entry, the decision"
        + " memo, one commit and the tag release/<workflow>/<n>; on hold the ledger entry and the memo (exit 1)."})
final class ReleaseCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--run", paramLabel = "ID", description = "eval run to gate on (default: the run matching the composite)")
    String run;

    @Option(names = "--force", description = "ship although the gate does not pass (needs --reason)")
    boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why; recorded in the ledger, the tag and the memo")
    String reason;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            ReleaseOutcome o = new ReleaseService(registry, clock(), context().gate())
                    .release(new ReleaseRequest(workflow, Optional.ofNullable(run), force, reason));
            if (json) {
                term().json(o);
            } else {
                print(o);
            }
            return o.shipped() ? ExitCodes.OK : ExitCodes.NO;
        }
    }

    private void print(ReleaseOutcome o) {
        PrintWriter out = term().out();
        String verdict = switch (o.decision()) {
            case SHIP -> term().green("SHIP");
            case FORCED -> term().yellow("FORCED") + " (the gate did not pass)";
            default -> term().red("HOLD");
        };
        out.println(term().bold("release " + o.workflow() + " " + o.release()) + ": " + verdict);
        out.println("  composite " + o.composite());
        out.println("  short     " + o.compositeShort());
        out.println("  digest    " + o.digest());
        GateReport g = o.gate();
        out.println("  eval run  " + (g.runId() == null ? "none" : g.runId())
                + (g.baselineRunId() == null ? "" : " (baseline " + g.baselineRunId() + ")"));
        for (BarResult r : g.bars()) {
            out.println("    " + (r.pass() ? term().green("pass") : term().red("FAIL")) + "  " + r.metric() + " " + r.aggregation()
                    + (r.where() == null || r.where().isBlank() ? "" : " where " + r.where()) + " = " + Numbers.brief(r.value()) + " (n=" + r.n()
                    + ", bar " + r.bar() + (r.delta() == null ? "" : ", delta " + Numbers.signed(r.delta())) + ")");
        }
        for (MustPassResult m : g.mustPass()) {
            out.println("    " + (m.pass() ? term().green("pass") : term().red("FAIL")) + "  must-pass " + m.caseId()
                    + (m.reason() == null || m.reason().isBlank() ? "" : ": " + m.reason()));
        }
        for (String f : g.findings()) {
            out.println("    " + term().yellow("note") + "  " + f);
        }
        if (o.reason() != null) {
            out.println("  reason    " + o.reason());
        }
        out.println("  memo      " + o.memo() + (o.superseded() == null ? "" : " (supersedes " + o.superseded() + ")"));
        out.println("  " + (o.tag() == null ? "no tag    (held)" : "tag       " + o.tag()));
        out.println("  commit    " + o.commit().substring(0, 12));
    }
}
