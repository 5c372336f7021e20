package dev.reg.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import dev.reg.cli.render.StandardOutput;
import dev.reg.git.JGitProcess;
import java.time.Clock;

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
        boolean versionOnly = GlobalArgs.onlyVersion(args);
        if (!versionOnly) {
            String cache = System.getProperty("reg.cache"); // the launcher's archive directory
            JGitProcess.forCommandLine(cache == null ? null : java.nio.file.Path.of(cache), System.getenv());
        }
        int code = run(args, out, err, interactive, Clock.systemUTC(), System.getenv());
        out.flush();
        if (stdout.failure() != null) {
            // a truncated result must not look like a complete one
            err.println("reg: cannot write the output: " + stdout.failure().getMessage());
            code = code == ExitCodes.OK ? ExitCodes.INTERNAL : code;
        }
        err.flush();
        if (!versionOnly) {
            JGitProcess.exitingNormally();
        }
        System.exit(code);
    }

    /** @param env the environment reg reads (NO_COLOR; editors: GIT_EDITOR, VISUAL, EDITOR, TERM) */
    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean interactive, Clock clock, java.util.Map<String, String> env) {
        if (GlobalArgs.onlyVersion(args)) {
            return printVersion(out); // before the context: building it loads what a version never uses
        }
        return CommandExecution.execute(args, CommandContext.standard(out, err, interactive, clock, env));
    }

    /** The composition root: everything a command uses from outside comes in {@code context}. */
    public static int run(String[] args, CommandContext context) {
        if (GlobalArgs.onlyVersion(args)) {
            return printVersion(context.terminal().out());
        }
        return CommandExecution.execute(args, context);
    }

    /** What picocli would print for {@code --version}, without building its model of reg (most of such a run's work). */
    private static int printVersion(PrintWriter out) {
        out.println(versionLine());
        out.flush();
        return ExitCodes.OK;
    }

    /** reg's version from the jar manifest, {@code dev} when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** What {@code reg --version} prints. */
    static String versionLine() {
        return "reg " + version();
    }
}
