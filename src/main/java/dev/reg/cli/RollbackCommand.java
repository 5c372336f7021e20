package dev.reg.cli;

import dev.reg.cli.render.RollbackText;
import dev.reg.RefusedException;
import dev.reg.registry.Registry;
import dev.reg.release.RollbackService;
import dev.reg.release.RollbackService.RollbackOutcome;
import dev.reg.release.RollbackService.RollbackPlan;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", description = {"Go back to the last release that shipped and whose composite is not marked bad"
        + " (or --to N) in one commit: component folders restored from their version tags, the live release marked rolled-back,"
        + " a ledger entry, an incident ADR and the next release tag. Exit 3 when there is nothing to roll back to."})
final class RollbackCommand extends BaseCommand {
    @Mixin
    PushOption push = new PushOption();

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
                    RollbackText.render(term(), plan, null);
                }
                if (!plan.nothingToDo() && !plan.blockedBy().isEmpty()) {
                    throw new RefusedException("rollback would overwrite uncommitted changes in " + String.join(", ", plan.blockedBy())
                            + "; commit or stash them first");
                }
                return ExitCodes.OK;
            }
            publish(registry, push, json, () -> service.rollback(workflow, Optional.ofNullable(to), reason), o -> {
                if (json) {
                    term().json(o);
                } else {
                    RollbackText.render(term(), o.plan(), o.commit());
                }
            });
        }
        return ExitCodes.OK;
    }

}
