package dev.reg.cli;

import dev.reg.cli.render.OnlineWriteText;
import dev.reg.registry.Registry;
import dev.reg.release.PromoteService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "promote", description = {"Make a canary (reg release WORKFLOW --canary) the live release: the last canary readout recorded"
        + " for it (reg canary WORKFLOW … --record) must say promote, or --force --reason overrules it. One commit: the ledger entry"
        + " shipped with a promotion event naming the readout, and a promote memo with the online evidence (effect sizes with intervals,"
        + " cost, safety, sample ratio, the pre-registered bars, the verdict) superseding the live release's memo.",
    "Exit 0 promoted (or already promoted: nothing changes); 2 bad input; 3 refused (not a canary, no recorded promote verdict, frozen)."})
final class PromoteCommand extends BaseCommand {
    @Mixin
    PushOption push = new PushOption();

    @Parameters(index = "0", paramLabel = "WORKFLOW")
    String workflow;

    @Parameters(index = "1", paramLabel = "N", description = "the canary's release number")
    int release;

    @Option(names = "--force", description = "promote without a recorded promote verdict (needs --reason)")
    boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why; recorded in the ledger, the commit and the memo")
    String reason;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            PromoteService service = new PromoteService(registry, clock());
            publish(registry, push, json, () -> service.promote(workflow, release, force, reason), o -> {
                if (json) {
                    term().json(o);
                } else {
                    OnlineWriteText.promote(term(), o);
                }
            });
        }
        return ExitCodes.OK;
    }
}
