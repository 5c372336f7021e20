package dev.reg.cli.render;

import dev.reg.registry.ChangelogEntry;
import dev.reg.registry.RegistryViews.ArtifactDetails;
import dev.reg.registry.RegistryViews.ArtifactSummary;
import dev.reg.registry.RegistryViews.Overview;
import dev.reg.registry.RegistryViews.WorkflowView;
import dev.reg.util.Plural;
import dev.reg.git.FileChange;
import dev.reg.registry.RegistryViews.Diff;
import dev.reg.registry.RegistryViews.FieldChange;
import dev.reg.registry.RegistryViews.Log;
import dev.reg.registry.RegistryViews.LogEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The text of {@code reg show}: the registry overview, or one artifact with its files, versions and changelog. */
public final class ShowText {
    private ShowText() {
    }

    public static void overview(Terminal term, Overview o) {
        PrintWriter out = term.out();
        out.println(term.bold("registry") + " " + o.root());
        out.println();
        out.println(term.bold("workflows"));
        if (o.workflows().isEmpty()) {
            out.println("  (none)");
        }
        for (WorkflowView w : o.workflows()) {
            out.println("  " + w.name() + ": " + String.join(" + ", w.components()));
        }
        out.println();
        out.println(term.bold("artifacts"));
        if (o.artifacts().isEmpty()) {
            out.println("  (none; add one with 'reg add KIND NAME FILES...')");
        }
        int width = o.artifacts().stream().mapToInt(a -> a.artifact().length()).max().orElse(0);
        for (ArtifactSummary a : o.artifacts()) {
            out.printf("  %-" + width + "s  %-12s %s%n", a.artifact(), a.version(),
                    a.versions() == 0 ? "untagged" : Plural.of(a.versions(), "version")
                            + (a.version().equals(a.latestTag()) ? "" : ", newest tag " + a.latestTag()));
        }
    }
    public static void details(Terminal term, ArtifactDetails d) {
        PrintWriter out = term.out();
        String state = switch (d.state()) {
            case "clean", "tagged" -> term.green(d.state());
            case "modified", "untagged" -> term.yellow(d.state());
            default -> term.red(d.state());
        };
        out.println(term.bold(d.artifact() + "@" + d.version()) + " (" + state + ")");
        field(out, "owner", d.owner());
        field(out, "description", d.description());
        field(out, "label", d.label());
        for (Map.Entry<String, Object> e : d.model().entrySet()) {
            field(out, e.getKey(), String.valueOf(e.getValue()));
        }
        out.println("files:");
        for (String f : d.files()) {
            String sum = d.checksums().get(f);
            out.println("  " + f + (sum == null ? "" : "  " + sum));
        }
        field(out, "digest", d.digest());
        field(out, "rollback_to", d.rollbackTo());
        for (Map.Entry<String, List<String>> l : d.links().entrySet()) {
            field(out, "links." + l.getKey(), String.join(", ", l.getValue()));
        }
        out.println("versions: " + (d.versions().isEmpty() ? "(no tags)" : String.join(", ", d.versions())));
        if (d.tag() != null) {
            out.println("tag: " + d.tag().name() + " on " + d.tag().commit().substring(0, 12) + " by " + d.tag().tagger()
                    + " at " + d.tag().date());
        }
        if (!d.changelog().isEmpty()) {
            out.println("changelog:");
            for (ChangelogEntry c : d.changelog()) {
                out.println("  " + c.version() + "  " + c.date() + "  " + c.summary());
            }
        }
    }
    private static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.println(name + ": " + value);
        }
    }

    public static void log(Terminal term, Log log) {
        PrintWriter out = term.out();
        if (log.versions().isEmpty()) {
            out.println(log.artifact() + ": no tagged versions");
        }
        for (LogEntry e : log.versions()) {
            out.println(term.yellow(log.artifact() + "@" + e.version()) + "  " + e.date() + "  " + e.tagger());
            out.println("    " + e.summary());
            out.println("    " + e.digest() + "  commit " + e.commit().substring(0, 12));
        }
    }

    public static void diff(Terminal term, Diff d) {
        PrintWriter out = term.out();
        out.println(term.bold(d.artifact() + " " + d.from() + " -> " + d.to()));
        for (FieldChange f : d.fields()) {
            out.println("  " + f.field() + ": " + f.from() + " -> " + f.to());
        }
        if (d.files().isEmpty()) {
            out.println("  (no content file changed)");
        }
        for (FileChange f : d.files()) {
            out.println("  " + f.change() + " " + f.path());
        }
        for (FileChange f : d.files()) {
            out.println();
            out.print(f.patch());
        }
    }
}
