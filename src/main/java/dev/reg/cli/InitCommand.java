package dev.reg.cli;

import dev.reg.registry.InitService;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "init", description = "Scaffold registry/, adr/ and templates/ in a Git repository (creating it if needed).")
final class InitCommand extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Where to create the registry (default: the current directory).")
    Path target;

    @Override
    public Integer call() {
        Path where = target == null ? dir() : dir().resolve(target);
        InitService.InitResult r = new InitService(clock()).init(where);
        if (r.created().isEmpty()) {
            term().out().println(r.root() + " is already a registry; nothing to add");
        } else {
            term().out().println("Initialized registry in " + r.root());
            r.created().forEach(f -> term().out().println("  created " + f));
            term().out().println("Next: reg add prompt <name> <files...>");
        }
        return ExitCodes.OK;
    }
}
