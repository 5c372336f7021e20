package dev.reg.cli;

import dev.reg.cli.render.ReleaseText;
import dev.reg.registry.Registry;
import dev.reg.release.ReleaseService;
import dev.reg.release.ReleaseService.ReleaseOutcome;
import dev.reg.release.ReleaseService.ReleaseRequest;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "release", description = {"Gate the workflow's composite and record the decision: on ship the ledger entry, the decision"
        + " memo, one commit and the tag release/<workflow>/<n>; on hold the ledger entry and the memo (exit 1)."})
final class ReleaseCommand extends BaseCommand {
    @Mixin
    PushOption push = new PushOption();

    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Option(names = "--run", paramLabel = "ID", description = "eval run to gate on (default: the run matching the composite)")
    String run;

    @Option(names = "--force", description = "ship although the gate does not pass (needs --reason)")
    boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why; recorded in the ledger, the tag and the memo")
    String reason;

    @Option(names = "--canary", description = "ship as a canary: tagged and in the ledger as canary beside the live release, until"
            + " 'reg promote' (a recorded promote readout) or a rollback")
    boolean canary;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            ReleaseService service = new ReleaseService(registry, clock(), context().gate());
            ReleaseRequest req = new ReleaseRequest(workflow, Optional.ofNullable(run), force, reason, canary);
            Optional<ReleaseOutcome> o = publish(registry, push, json, () -> service.release(req), r -> {
                if (json) {
                    term().json(r);
                } else {
                    ReleaseText.render(term(), r);
                }
            });
            return o.map(r -> r.shipped() ? ExitCodes.OK : ExitCodes.NO).orElse(ExitCodes.OK);
        }
    }

}
