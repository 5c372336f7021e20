package dev.reg.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", description = {
    "Print the shell completion script for bash, zsh or fish: commands and options, and the repository's workflow names,"
            + " artifacts (kind/name, kind/name@version), versions, release and ADR numbers, read when Tab is pressed.",
    "Load it with 'source <(reg completion bash)' in ~/.bashrc, 'source <(reg completion zsh)' in ~/.zshrc after compinit,"
            + " or 'reg completion fish > ~/.config/fish/completions/reg.fish'."})
final class CompletionCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = CompletionScripts.Shells.class, description = "bash, zsh or fish")
    String shell;

    @Override
    public Integer call() {
        term().out().print(CompletionScripts.script(CompletionScripts.shell(shell), spec.root().commandLine(), RegCommand.version()));
        return ExitCodes.OK;
    }
}
