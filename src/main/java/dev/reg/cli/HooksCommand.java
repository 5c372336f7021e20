package dev.reg.cli;

import dev.reg.registry.Registry;
import dev.reg.validate.PreCommitHook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hooks", description = "Git hooks that run reg's checks locally.",
        subcommands = HooksCommand.Install.class)
final class HooksCommand extends BaseCommand {
    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: reg hooks install");
    }

    @Command(name = "install", description = {"Write a pre-commit hook that runs 'reg validate --staged' before each commit.",
            "An existing pre-commit hook is left alone unless --force."})
    static final class Install extends BaseCommand {
        @Option(names = "--force", description = "replace an existing pre-commit hook")
        boolean force;

        @Override
        public Integer call() {
            try (Registry registry = openRegistry()) {
                PreCommitHook.Installed done = PreCommitHook.install(registry.hooksDir(), force);
                if (done.unchanged()) {
                    term().out().println("the pre-commit hook is already installed (" + done.path() + ")");
                } else {
                    term().out().println((done.replaced() ? "replaced " : "installed ") + done.path()
                            + ": each commit now runs 'reg validate --staged' (skip once with 'git commit --no-verify')");
                }
            }
            return ExitCodes.OK;
        }
    }
}
