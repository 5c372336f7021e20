package dev.reg.cli.render;

import dev.reg.gate.BarLine;
import dev.reg.gate.BarResult;
import dev.reg.gate.GateReport;
import dev.reg.gate.MustPassResult;
import dev.reg.release.ReleaseService.ReleaseOutcome;
import java.io.PrintWriter;

/** The text of {@code reg release}: the decision, the composite, every bar and must-pass case, the memo and the tag. */
public final class ReleaseText {
    private ReleaseText() {
    }

    public static void render(Terminal term, ReleaseOutcome o) {
        PrintWriter out = term.out();
        String verdict = switch (o.decision()) {
            case SHIP -> o.canary() ? term.green("CANARY") + " (beside the live release until 'reg promote')" : term.green("SHIP");
            case FORCED -> term.yellow("FORCED") + " (the gate did not pass)" + (o.canary() ? ", as a canary beside the live release" : "");
            default -> term.red("HOLD");
        };
        out.println(term.bold("release " + o.workflow() + " " + o.release()) + ": " + verdict);
        out.println("  composite " + o.composite());
        out.println("  short     " + o.compositeShort());
        out.println("  digest    " + o.digest());
        GateReport g = o.gate();
        out.println("  eval run  " + (g.runId() == null ? "none" : g.runId())
                + (g.baselineRunId() == null ? "" : " (baseline " + g.baselineRunId() + ")"));
        for (BarResult r : g.bars()) {
            out.println("    " + (r.pass() ? term.green("pass") : term.red("FAIL")) + "  " + BarLine.of(r));
        }
        for (MustPassResult m : g.mustPass()) {
            out.println("    " + (m.pass() ? term.green("pass") : term.red("FAIL")) + "  must-pass " + m.caseId()
                    + (m.reason() == null || m.reason().isBlank() ? "" : ": " + m.reason()));
        }
        for (String f : g.findings()) {
            out.println("    " + term.yellow("note") + "  " + f);
        }
        if (o.reason() != null) {
            out.println("  reason    " + o.reason());
        }
        out.println("  memo      " + o.memo() + (o.superseded() == null ? "" : " (supersedes " + o.superseded() + ")"));
        out.println("  " + (o.tag() == null ? "no tag    (held)" : "tag       " + o.tag()));
        out.println("  commit    " + o.commit().substring(0, 12));
    }
}
