package dev.reg.cli.render;

import dev.reg.release.RollbackService.ComponentRestore;
import dev.reg.release.RollbackService.FileRestore;
import dev.reg.release.RollbackService.RollbackPlan;
import java.io.PrintWriter;

/** The text of {@code reg rollback}: the plan, or what was done, file by file. */
public final class RollbackText {
    private RollbackText() {
    }

    public static void render(Terminal term, RollbackPlan p, String commit) {
        PrintWriter out = term.out();
        if (p.nothingToDo()) {
            out.println(p.message());
            return;
        }
        boolean dry = commit == null;
        out.println(term.bold((dry ? "would roll back " : "rolled back ") + p.workflow()) + ": release " + p.from() + " -> release "
                + p.to() + " (as release " + p.release() + ")");
        out.println("  from " + p.fromComposite() + "  " + p.fromDigest());
        out.println("  to   " + p.toComposite() + "  " + p.toDigest());
        for (ComponentRestore c : p.components()) {
            if (c.files().isEmpty()) {
                out.println("  " + c.artifact() + " " + c.toVersion() + ": unchanged");
                continue;
            }
            out.println("  " + c.artifact() + " " + c.fromVersion() + " -> " + c.toVersion() + " (from tag " + c.sourceTag() + ")");
            for (FileRestore f : c.files()) {
                out.println("    " + (f.action().equals("delete") ? "delete  " : "restore ") + f.path());
            }
        }
        out.println("  ledger  " + p.ledger() + ": release " + p.from() + " rolled-back, release " + p.release() + " shipped (rollback)");
        out.println("  adr     " + p.incidentAdr() + " (incident record)"
                + (p.supersededAdr() == null ? "" : ", " + p.supersededAdr() + " superseded"));
        out.println("  tag     " + p.tag());
        if (dry) {
            if (!p.blockedBy().isEmpty()) {
                out.println("  " + term.red("blocked") + " by uncommitted changes in " + String.join(", ", p.blockedBy()));
            }
            out.println("dry run: nothing was written");
        } else {
            out.println("  commit  " + commit.substring(0, 12));
        }
    }
}
