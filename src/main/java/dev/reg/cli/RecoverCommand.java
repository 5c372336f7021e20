package dev.reg.cli;

import dev.reg.registry.Registry;
import picocli.CommandLine.Command;

@Command(name = "recover", description = "Finish or discard a change that a crash or kill interrupted (every command does this first).")
final class RecoverCommand extends BaseCommand {
    @Override
    public Integer call() {
        Registry.recover(dir()).ifPresentOrElse(term()::notice, () -> term().out().println("nothing to recover"));
        return ExitCodes.OK;
    }
}
