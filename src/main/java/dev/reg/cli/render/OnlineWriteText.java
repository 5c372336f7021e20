package dev.reg.cli.render;

import dev.reg.monitor.MonitorService.WatchOutcome;
import dev.reg.monitor.MonitorService.Written;
import dev.reg.monitor.WatchPlanner.Plan;
import dev.reg.online.BudgetReadout;
import dev.reg.online.DriftReadout;
import dev.reg.release.PromoteService.PromoteOutcome;
import dev.reg.release.RollbackService.RollbackPlan;
import java.io.PrintWriter;

/** The text of the online writing commands: {@code reg promote}, the {@code --record}/{@code --apply} lines, {@code reg watch}. */
public final class OnlineWriteText {
    private OnlineWriteText() {
    }

    public static void promote(Terminal term, PromoteOutcome o) {
        PrintWriter out = term.out();
        if (!o.changed()) {
            out.println(o.workflow() + ": release " + o.release() + " was already promoted; nothing to do");
            return;
        }
        out.println(term.bold("promote " + o.workflow() + " " + o.release()) + ": "
                + (o.forced() ? term.yellow("FORCED") + " (no recorded promote verdict)" : term.green("PROMOTED")));
        out.println("  composite " + o.composite());
        out.println("  readout   " + (o.readout() == null ? "none recorded" : o.readout() + " (verdict " + o.verdict() + ")"));
        if (o.reason() != null) {
            out.println("  reason    " + o.reason());
        }
        out.println("  live      release " + o.release() + (o.previousLive() == null ? "" : " (was release " + o.previousLive() + ")"));
        out.println("  memo      " + o.memo() + (o.superseded().isEmpty() ? "" : " (supersedes " + String.join(", ", o.superseded()) + ")"));
        out.println("  tag       " + o.tag());
        out.println("  commit    " + o.commit().substring(0, 12));
    }

    /** What a {@code --record}/{@code --apply} wrote; on stderr when stdout carries JSON. Nothing when nothing was written. */
    public static void written(Terminal term, Written w, boolean json) {
        if (w.commit() == null) {
            return;
        }
        PrintWriter out = json ? term.err() : term.out();
        for (String p : w.recorded()) {
            out.println("recorded  " + p);
        }
        if (w.rollback() != null) {
            RollbackPlan p = w.rollback().plan();
            out.println(term.red(w.action()) + "  release " + p.from() + " -> release " + p.to() + " (as release " + p.release() + ", tag "
                    + p.tag() + "), incident record " + p.incidentAdr());
        } else if (w.action().equals("frozen")) {
            out.println(term.red("frozen") + "  no release until 'reg unfreeze'");
        }
        out.println("commit    " + w.commit().substring(0, 12));
        out.flush();
    }

    /** {@code reg watch}: each signal, the plan and what was done (or would be). */
    public static void watch(Terminal term, WatchOutcome o) {
        PrintWriter out = term.out();
        Plan plan = o.plan();
        String status = switch (plan.status()) {
            case "green" -> term.green("GREEN");
            case "unknown" -> term.yellow("UNKNOWN") + " (too little data: never acts)";
            case "held" -> term.yellow("HELD") + " (already frozen: nothing more to do)";
            default -> term.red(o.applied() ? "ACTED" : "WOULD ACT") + (o.applied() ? "" : " (run with --apply to act)");
        };
        out.println(term.bold("watch " + o.workflow()) + ": " + status);
        if (o.drift() == null) {
            out.println("  drift   unknown: reference " + o.driftReference());
        } else {
            DriftReadout d = o.drift().readout();
            out.println("  drift   " + d.level().label() + " against " + o.driftReference());
            for (DriftReadout.FieldDrift f : d.fields()) {
                if (f.level() == dev.reg.online.Level.RED || f.level() == dev.reg.online.Level.YELLOW) {
                    out.println("          " + f.field() + " " + f.level().label() + " (PSI " + dev.reg.stats.Numbers.brief(f.psi()) + ")");
                }
            }
        }
        if (o.budget() == null) {
            out.println("  budget  not watched (no slo: section)");
        } else {
            BudgetReadout b = o.budget().readout();
            out.println("  budget  " + b.status().label() + (b.exhausted() ? ", exhausted" : "") + " (" + b.bad() + " bad of " + b.events()
                    + " events)");
        }
        if (o.canaryRelease() == null) {
            out.println("  canary  none running");
        } else {
            out.println("  canary  release " + o.canaryRelease() + ": " + (o.canary() == null ? "unknown" : o.canary().readout().verdict().label()));
        }
        for (String r : plan.reasons()) {
            out.println("  " + term.red("trigger") + " " + r);
        }
        for (String n : plan.notes()) {
            out.println("  note    " + n);
        }
        if (plan.acts()) {
            String verb = o.applied() ? "" : "would ";
            if (plan.freeze()) {
                out.println("  " + verb + "freeze " + o.workflow());
            }
            if (plan.rollbackFrom() != null) {
                out.println("  " + verb + "roll back release " + plan.rollbackFrom() + " to release " + plan.rollbackTo()
                        + " with an incident ADR carrying the evidence");
            }
        }
        out.flush();
        written(term, o.written(), false);
    }

    /** {@code reg watch --json}: {@code reg.watch/1} with each signal's level, the plan and what was written. */
    public static java.util.Map<String, Object> watchJson(WatchOutcome o) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("format", "reg.watch/1");
        m.put("workflow", o.workflow());
        m.put("status", o.plan().status());
        m.put("drift", o.drift() == null ? "unknown" : o.drift().readout().level().label());
        m.put("drift_reference", o.driftReference());
        m.put("budget", o.budget() == null ? null : o.budget().readout().status().label());
        m.put("budget_exhausted", o.budget() != null && o.budget().readout().exhausted());
        m.put("canary_release", o.canaryRelease());
        m.put("canary", o.canary() == null ? null : o.canary().readout().verdict().label());
        m.put("freeze", o.plan().freeze());
        m.put("rollback_from", o.plan().rollbackFrom());
        m.put("rollback_to", o.plan().rollbackTo());
        m.put("reasons", o.plan().reasons());
        m.put("notes", o.plan().notes());
        m.put("applied", o.applied());
        m.put("recorded", o.written().recorded());
        m.put("incident_adr", o.written().rollback() == null ? null : o.written().rollback().plan().incidentAdr());
        m.put("commit", o.written().commit());
        return m;
    }
}
