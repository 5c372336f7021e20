package dev.reg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run through picocli: the model of the command that runs, its error handlers, its exit code. */
final class CommandExecution {
    private CommandExecution() {
    }

    /** Parses {@code args} into the command that runs, runs it, and maps its outcome to an exit code. */
    static int execute(String[] args, CommandContext context) {
        PrintWriter out = context.terminal().out();
        PrintWriter err = context.terminal().err();
        RegCommand reg = new RegCommand();
        reg.context = context;
        CommandLine cl = CommandTree.forArgs(reg, args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("reg: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            err.println(UsageSuggestions.of(ex).orElse("(see '" + c.getCommandSpec().qualifiedName() + " --help')"));
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            int code = ExitCodes.of(ex);
            if (code == ExitCodes.INTERNAL) {
                err.println("reg: internal error: " + ex);
                if (reg.global.debug) {
                    StringWriter trace = new StringWriter();
                    ex.printStackTrace(new PrintWriter(trace));
                    err.print(trace);
                } else {
                    err.println("(run again with --debug for the stack trace)");
                }
            } else {
                err.println("reg: " + ex.getMessage());
                if (reg.global.debug) {
                    StringWriter trace = new StringWriter();
                    ex.printStackTrace(new PrintWriter(trace));
                    err.print(trace);
                }
            }
            return code;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
