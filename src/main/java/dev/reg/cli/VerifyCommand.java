package dev.reg.cli;

import dev.reg.cli.render.RemoteText;
import dev.reg.git.remote.RemoteTagReport;
import dev.reg.registry.Registry;
import dev.reg.registry.SharedRemote;
import java.util.Optional;
import dev.reg.util.Plural;
import dev.reg.validate.IntegrityCheck;
import dev.reg.validate.IntegrityProblem;
import dev.reg.validate.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", description = {"Integrity: recompute every version tag's digest from the tagged tree and compare it with"
        + " the tag; check release tags against the ledger.", "Exit 0 when everything agrees, 1 with the list of problems."})
final class VerifyCommand extends BaseCommand {
    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--remote", arity = "0..1", paramLabel = "REMOTE", fallbackValue = SharedRemote.DEFAULT_REMOTE,
            description = "Also compare local and remote reg tags, and flag the remote's version tags that its branch"
                    + " does not contain (REMOTE: a configured remote or a URL; default origin).")
    String remote;

    @Override
    public Integer call() {
        VerifyReport r;
        try (Registry registry = openRegistry()) {
            r = new IntegrityCheck(registry).verify();
        }
        Optional<RemoteTagReport> remoteReport = Optional.ofNullable(remote)
                .map(name -> SharedRemote.verify(dir(), remoteSettings(), Optional.of(name), Optional.empty()));
        boolean ok = r.ok() && remoteReport.map(RemoteTagReport::ok).orElse(true);
        if (json) {
            var out = new java.util.LinkedHashMap<String, Object>();
            out.put("ok", r.ok());
            out.put("versionTags", r.versionTags());
            out.put("releaseTags", r.releaseTags());
            out.put("ledgerEntries", r.ledgerEntries());
            out.put("problems", r.problems());
            remoteReport.ifPresent(rr -> {
                out.put("ok", ok);
                out.put("remote", RemoteText.verifyJson(rr));
            });
            term().json(out);
        } else {
            String checked = Plural.of(r.versionTags(), "version tag") + ", " + Plural.of(r.releaseTags(), "release tag") + ", "
                    + Plural.of(r.ledgerEntries(), "ledger entry", "ledger entries");
            if (r.ok()) {
                term().out().println(term().green("verified") + ": " + checked + "; every digest and tag agrees");
            } else {
                term().out().println(term().red(Plural.of(r.problems().size(), "problem"))
                        + " (checked " + checked + ")");
                int width = r.problems().stream().mapToInt(p -> p.code().length()).max().orElse(0);
                for (IntegrityProblem p : r.problems()) {
                    term().out().println("  " + String.format("%-" + width + "s", p.code()) + "  " + term().bold(p.subject()) + "  "
                            + p.message());
                }
            }
        }
        if (!json) {
            remoteReport.ifPresent(rr -> RemoteText.verify(term(), rr));
        }
        return ok ? ExitCodes.OK : ExitCodes.NO;
    }
}
