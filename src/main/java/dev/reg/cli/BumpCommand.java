package dev.reg.cli;

import dev.reg.cli.render.Terminal;
import dev.reg.cli.render.TerminalProgress;
import dev.reg.BadInputException;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactService;
import dev.reg.registry.BumpRequest;
import dev.reg.registry.Kind;
import dev.reg.registry.Registry;
import dev.reg.registry.VersionPublished;
import dev.reg.semver.ReleaseType;
import dev.reg.semver.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bump", description = "Publish the next version of an artifact: checksums, changelog, rollback_to, commit and tag, all or nothing.")
final class BumpCommand extends BaseCommand {
    @Mixin
    PushOption push = new PushOption();

    @Parameters(index = "0", paramLabel = "KIND", description = "prompt, model or dataset")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Parameters(index = "2", paramLabel = "TYPE", description = "major, minor, patch, premajor, preminor, prepatch or prerelease")
    String type;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
            description = "changelog summary (without it, on a terminal, your editor opens as for git commit)")
    String message;

    @Option(names = "--pre", paramLabel = "ID", description = "pre-release identifier, as npm's semver takes it: rc, alpha.beta, 1")
    String pre;

    @Option(names = "--allow-unchanged", description = "publish even though the content files did not change")
    boolean allowUnchanged;

    @Option(names = "--retire", paramLabel = "CASE", description = "(datasets) a case id this version removes; gates stop expecting it from the baseline")
    java.util.List<String> retire = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        ReleaseType t;
        try {
            t = ReleaseType.parse(type);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (pre != null) {
            try {
                Version.checkPrereleaseId(pre);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--pre: " + e.getMessage());
            }
        }
        ArtifactId id = new ArtifactId(Kind.parse(kind), name);
        try (Registry registry = openRegistry()) {
            ArtifactService service = new ArtifactService(registry, clock(), new TerminalProgress(term()));
            BumpRequest req = new BumpRequest(id, t, pre, message, allowUnchanged, retire, () -> SummaryEditor.ask(term(), env(),
                    registry.coreEditor(), registry.gitDir().resolve("REG_CHANGELOG_EDITMSG"), id + " (" + t.label() + ")"));
            publish(registry, push, false, () -> service.bump(req), v -> printPublished(term(), v));
        }
        return ExitCodes.OK;
    }

    static void printPublished(Terminal term, VersionPublished v) {
        term.out().println(term.green(v.version().toString())
                + v.previous().map(p -> " (was " + p + ")").orElse("") + ": " + v.summary());
        term.out().println("  digest " + v.digest());
        term.out().println("  commit " + v.commit().substring(0, 12) + ", tag " + v.version().tagName());
    }
}
