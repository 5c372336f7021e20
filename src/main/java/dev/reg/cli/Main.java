package dev.reg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/** Entry point: parses, runs one command, maps its outcome to an exit code. No stack trace unless --debug. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err, System.console() != null, Clock.systemUTC(), System.getenv());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** @param env the environment reg reads (NO_COLOR; editors: GIT_EDITOR, VISUAL, EDITOR, TERM) */
    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean interactive, Clock clock, java.util.Map<String, String> env) {
        return run(args, CommandContext.standard(out, err, interactive, clock, env));
    }

    /** The composition root: everything a command uses from outside comes in {@code context}. */
    public static int run(String[] args, CommandContext context) {
        PrintWriter out = context.terminal().out();
        PrintWriter err = context.terminal().err();
        RegCommand reg = new RegCommand();
        reg.context = context;
        CommandLine cl = new CommandLine(reg);
        HelpCommand.addHelpOptions(cl);
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
