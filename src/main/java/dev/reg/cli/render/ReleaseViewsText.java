package dev.reg.cli.render;

import dev.reg.release.ReleaseQueries;
import dev.reg.release.ReleaseQueries.CompositeView;
import dev.reg.release.ReleaseQueries.History;
import dev.reg.release.ReleaseQueries.HistoryEvent;
import dev.reg.release.ReleaseQueries.LiveView;
import java.io.PrintWriter;

/** The text of {@code reg composite}, {@code reg history} and {@code reg live}. */
public final class ReleaseViewsText {
    private ReleaseViewsText() {
    }

    public static void composite(Terminal term, CompositeView c) {
        PrintWriter out = term.out();
        out.println(term.bold(c.workflow()) + ": " + c.composite());
        out.println("  short   " + c.shortForm());
        out.println("  digest  " + c.digest());
        for (ReleaseQueries.ComponentView cv : c.components()) {
            out.println("  " + cv.artifact() + "@" + cv.version() + "  " + cv.digest());
        }
        if (c.liveRelease() == null) {
            out.println("  live    never released");
        } else if (c.live()) {
            out.println("  live    release " + c.liveRelease() + " (" + term.green("this composite") + ")");
        } else {
            out.println("  live    release " + c.liveRelease() + " (" + term.yellow("a different composite") + ", " + c.liveDigest() + ")");
        }
    }

    public static void history(Terminal term, String workflow, History h) {
        PrintWriter out = term.out();
        if (h.events().isEmpty()) {
            out.println(workflow + ": no releases yet");
        }
        for (HistoryEvent e : h.events()) {
            String what = switch (e.event()) {
                case "shipped", "rollback", "unfreeze" -> term.green(e.event());
                case "held", "bad" -> term.red(e.event());
                case "canary" -> term.yellow(e.event());
                default -> term.yellow(e.event());
            };
            StringBuilder line = new StringBuilder();
            line.append(e.at()).append(e.release() == null ? "" : "  #" + e.release()).append("  ").append(what);
            if (e.rollbackFrom() != null) {
                line.append(" ").append(e.rollbackFrom()).append(" -> ").append(e.rollbackTo());
            }
            if (e.adr() != null) {
                line.append("  ").append(e.composite());
            }
            line.append("  by ").append(e.actor());
            if (e.reason() != null) {
                line.append(": ").append(e.reason());
            }
            if (e.tag() != null && !e.tagPresent()) {
                line.append("  ").append(term.red("(tag " + e.tag() + " missing)"));
            }
            out.println(line);
        }
        if (h.live() != null) {
            out.println("live: release " + h.live());
        }
        if (h.canary() != null) {
            out.println(term.yellow("canary") + ": release " + h.canary() + " (beside the live release; 'reg promote " + workflow + " "
                    + h.canary() + "' or 'reg rollback " + workflow + "')");
        }
        if (h.frozen() != null) {
            out.println(term.yellow("frozen") + " since " + h.frozen().since() + " by " + h.frozen().actor() + ": " + h.frozen().reason());
        }
    }

    public static void live(Terminal term, String workflow, LiveView v) {
        if (v.release() == null) {
            term.out().println(workflow + ": nothing was live" + (v.at() == null ? "" : " at " + v.at()));
        } else {
            term.out().println(workflow + (v.at() == null ? "" : " at " + v.at()) + ": release " + v.release() + " ("
                    + v.status() + ", since " + v.since() + ", tag " + v.tag() + ")");
            term.out().println("  " + v.composite());
            term.out().println("  " + v.digest());
        }
        if (v.canary() != null) {
            term.out().println("  canary: release " + v.canary() + " runs beside it until promoted or rolled back");
        }
    }
}
