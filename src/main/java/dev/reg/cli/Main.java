package dev.reg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import dev.reg.cli.render.StandardOutput;
import java.time.Clock;
import picocli.CommandLine;

/** Entry point: parses, runs one command, maps its outcome to an exit code. No stack trace unless --debug. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StandardOutput stdout = new StandardOutput(new java.io.FileOutputStream(java.io.FileDescriptor.out));
        boolean interactive = System.console() != null;
        // buffered for pipes and files; a terminal sees each line as it is printed, in order with stderr
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(new java.io.BufferedOutputStream(stdout, 1 << 16),
                StandardCharsets.UTF_8), interactive);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err, interactive, Clock.systemUTC(), System.getenv());
        out.flush();
        if (stdout.failure() != null) {
            // a truncated result must not look like a complete one
            err.println("reg: cannot write the output: " + stdout.failure().getMessage());
            code = code == ExitCodes.OK ? ExitCodes.INTERNAL : code;
        }
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
