package dev.reg.cli.render;

import dev.reg.git.PushReport;
import java.io.PrintWriter;

/** What publishing to a remote did: races lost and retried, where it went and how, or that the remote already had it. */
public final class PushText {
    private PushText() {
    }

    public static void render(Terminal term, PrintWriter out, PushReport r) {
        for (String lost : r.racesLost()) {
            out.println(term.yellow("lost a race: ") + lost);
        }
        if (r.alreadyDone().isPresent()) {
            out.println(r.alreadyDone().get());
            return;
        }
        if (!r.atomic()) {
            out.println(term.yellow("note: ") + r.remote() + " does not offer atomic pushes; the tags were created first, then the"
                    + " branch moved, each only if nobody had got there first");
        }
        if (r.confirmedAfterConnectionLoss()) {
            out.println(term.yellow("note: ") + "the connection to " + r.remote() + " broke before it answered; it was asked again and has"
                    + " the push");
        }
        if (r.nothingPushed()) {
            out.println(r.remote() + " already has everything; nothing to push");
            return;
        }
        StringBuilder sb = new StringBuilder("pushed to " + r.remote());
        if (r.commit() != null) {
            sb.append(": ").append(r.branch()).append(" at ").append(r.commit(), 0, 12);
        }
        if (!r.tags().isEmpty()) {
            sb.append(r.commit() == null ? ": " : ", ").append(r.tags().size() == 1 ? "tag " : "tags ").append(String.join(", ", r.tags()));
        }
        out.println(sb);
        if (r.caughtUp() > 0) {
            out.println("  this clone also took " + r.caughtUp() + (r.caughtUp() == 1 ? " file" : " files") + " changed on " + r.remote()
                    + " since it last pulled");
        }
    }
}
