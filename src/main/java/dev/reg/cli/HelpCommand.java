package dev.reg.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reg help [COMMAND [SUBCOMMAND]]}: the help of reg or of any command, at any depth (picocli's own stops at one). */
@Command(name = "help", description = "Show the help of reg, of a command or of a subcommand, e.g. 'reg help adr new'.")
final class HelpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "the command and subcommand, e.g. adr new")
    List<String> names = new ArrayList<>();

    @Override
    public void run() {
        CommandLine c = spec.root().commandLine();
        for (String name : names) {
            c = c.getSubcommands().get(name);
            if (c == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown command '" + String.join(" ", names)
                        + "' (the commands are in 'reg --help')");
            }
        }
        c.usage(spec.commandLine().getOut());
    }
}
