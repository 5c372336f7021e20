package dev.reg.cli;

import dev.reg.cli.render.PushText;
import dev.reg.registry.Publication;
import dev.reg.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "push", description = {"Publish what this clone has committed and REMOTE lacks: the branch and every new reg tag in one"
        + " atomic push. The branch only fast-forwards (it expects REMOTE's tip) and tags are only created; a tag that differs"
        + " from REMOTE's is refused (exit 3), never overwritten."})
final class PushCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "REMOTE", defaultValue = PushOption.DEFAULT_REMOTE,
            description = "a configured remote or a URL (default: ${DEFAULT-VALUE})")
    String remote;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            PushText.render(term(), term().out(), registry.push(Publication.remote(remote, env())));
        }
        return ExitCodes.OK;
    }
}
