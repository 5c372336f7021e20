package dev.reg.cli;

import dev.reg.cli.render.Terminal;
import dev.reg.demo.DemoScript;
import dev.reg.demo.DemoShell;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reg demo}: runs {@link DemoScript}, showing every reg command and its output as a terminal session would. */
@Command(name = "demo", description = "Run a complete, narrated example in a fresh temporary registry.")
final class DemoCommand extends BaseCommand implements DemoShell {
    @Option(names = "--dir", paramLabel = "DIR", description = "where to build the demo registry (default: a new temporary directory)")
    Path target;

    private PrintWriter out;
    private Path repo;
    private int chapter;

    @Override
    public Integer call() throws IOException {
        out = term().out();
        repo = target != null ? dir().resolve(target).toAbsolutePath().normalize() : Files.createTempDirectory("reg-demo-");
        out.println(term().bold("reg demo") + " — the support_copilot workflow from first artifact to rollback, in " + repo);
        new DemoScript(repo, this).run();
        out.println();
        out.println(term().bold("Done.") + " The demo registry is at " + repo);
        out.println("Look around:");
        out.println("  cd " + repo);
        out.println("  git log --oneline --decorate      # one commit per change, tags for versions and releases");
        out.println("  ls adr/                           # ADRs and decision memos (adr list, log4brains read them)");
        out.println("  cat registry/releases/support_copilot.yaml");
        return ExitCodes.OK;
    }

    @Override
    public int reg(String... args) {
        out.println();
        out.println(term().yellow("$ reg " + quote(args)));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> all = new ArrayList<>(List.of("-C", args[0].equals("init") ? dir().toString() : repo.toString()));
        all.addAll(List.of(args));
        // each step is a real reg command with this run's clock, environment and gate, writing into the transcript
        CommandContext step = new CommandContext(clock(), env(), new Terminal(new PrintWriter(o, true), new PrintWriter(e, true), false, env()),
                context().gate());
        int code = Main.run(all.toArray(String[]::new), step);
        out.print(indent(o.toString()));
        out.print(indent(e.toString()));
        if (code != 0) {
            out.println("  (exit " + code + ")");
        }
        out.flush();
        return code;
    }

    @Override
    public void chapter(String title, String narration) {
        chapter++;
        out.println();
        out.println(term().bold("== " + chapter + ". " + title + " =="));
        out.println(narration);
    }

    @Override
    public void say(String text) {
        out.println(text);
    }

    private static String indent(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return "  " + s.replace("\n", "\n  ").replaceAll("\n  $", "\n");
    }

    private static String quote(String[] args) {
        List<String> q = new ArrayList<>();
        for (String a : args) {
            q.add(a.matches("[A-Za-z0-9_./@:=+-]+") ? a : "\"" + a.replace("\"", "\\\"") + "\"");
        }
        return String.join(" ", q);
    }
}
