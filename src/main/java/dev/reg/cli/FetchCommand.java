package dev.reg.cli;

import dev.reg.cli.render.RemoteText;
import dev.reg.git.remote.FetchResult;
import dev.reg.registry.SharedRemote;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fetch", description = {"Fetch the branch and every reg tag (versions and releases) from the shared remote.",
    "A local tag that differs from the remote's is never overwritten: it is reported with the fix, and reg exits 1."})
final class FetchCommand extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "REMOTE", description = "a configured remote or a URL (default: origin)")
    String remote;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "the branch to fetch (default: the one checked out)")
    String branch;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        FetchResult r = SharedRemote.fetch(dir(), remoteSettings(), Optional.ofNullable(remote), Optional.ofNullable(branch));
        if (json) {
            term().json(RemoteText.fetchJson(r));
        } else {
            RemoteText.fetch(term(), r);
        }
        return r.tags().consistent() ? ExitCodes.OK : ExitCodes.NO;
    }
}
