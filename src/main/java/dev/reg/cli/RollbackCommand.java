package dev.reg.cli;

import dev.reg.RefusedException;
import dev.reg.registry.Registry;
import dev.reg.release.RollbackService;
import dev.reg.release.RollbackService.ComponentRestore;
import dev.reg.release.RollbackService.FileRestore;
import dev.reg.release.RollbackService.RollbackOutcome;
import dev.reg.release.RollbackService.RollbackPlan;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", description = {"Go back to the last release that shipped and whose composite is not marked bad"
        + " (or --to N) in one commit: component folders restored from their version tags, the live release marked rolled-back,"
        + " a ledger entry, an incident ADR and the next release tag. Exit 3 when there is nothing to roll back to."})
final class RollbackCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--to", paramLabel = "N", description = "the release to go back to (default: the last good one before the live one); never a release"
            + " marked bad or one with a bad release's composite")
    Integer to;

    @Option(names = "--dry-run", description = "print exactly what would change and write nothing")
    boolean dryRun;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why; recorded in the ledger, the tag and the incident ADR")
    String reason;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            RollbackService service = new RollbackService(registry, clock());
            if (dryRun) {
                RollbackPlan plan = service.plan(workflow, Optional.ofNullable(to));
                if (json) {
                    term().json(plan);
                } else {
                    print(plan, null);
                }
                if (!plan.nothingToDo() && !plan.blockedBy().isEmpty()) {
                    throw new RefusedException("rollback would overwrite uncommitted changes in " + String.join(", ", plan.blockedBy())
                            + "; commit or stash them first");
                }
                return ExitCodes.OK;
            }
            RollbackOutcome o = service.rollback(workflow, Optional.ofNullable(to), reason);
            if (json) {
                term().json(o);
            } else {
                print(o.plan(), o.commit());
            }
        }
        return ExitCodes.OK;
    }

    private void print(RollbackPlan p, String commit) {
        PrintWriter out = term().out();
        if (p.nothingToDo()) {
            out.println(p.message());
            return;
        }
        boolean dry = commit == null;
        out.println(term().bold((dry ? "would roll back " : "rolled back ") + p.workflow()) + ": release " + p.from() + " -> release "
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
                out.println("  " + term().red("blocked") + " by uncommitted changes in " + String.join(", ", p.blockedBy()));
            }
            out.println("dry run: nothing was written");
        } else {
            out.println("  commit  " + commit.substring(0, 12));
        }
    }
}
