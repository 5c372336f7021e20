package dev.reg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reg demo}: the whole story in a fresh temporary registry, narrated. Every step is a real
 * reg command run exactly as a user would type it, and its output is shown as the user would see it.
 */
@Command(name = "demo", description = "Run a complete, narrated example in a fresh temporary registry.")
final class DemoCommand extends BaseCommand {
    private static final String EXAMPLE = "/dev/reg/demo/registry/";

    @Option(names = "--dir", paramLabel = "DIR", description = "where to build the demo registry (default: a new temporary directory)")
    Path target;

    private PrintWriter out;
    private Path repo;
    private int step;

    @Override
    public Integer call() throws IOException {
        out = term().out();
        repo = target != null ? dir().resolve(target) : Files.createTempDirectory("reg-demo-");
        if (Files.exists(repo) && Files.list(repo).findAny().isPresent()) {
            throw new dev.reg.BadInputException("demo directory " + repo + " is not empty; pass an empty or new --dir");
        }
        out.println(term().bold("reg demo") + " — a registry for the support_copilot workflow, built in " + repo);

        section("A new registry",
                "reg init creates the Git repository, registry/, adr/ (with .adr-dir for adr-tools) and templates/.");
        reg("init");

        section("Define the workflow",
                "registry.yaml names the workflow's components in composite order and its gate file.");
        Path sources = Files.createTempDirectory("reg-demo-sources-");
        copyExample("registry.yaml", repo.resolve("registry/registry.yaml"));
        try (dev.reg.registry.Registry registry = dev.reg.registry.Registry.open(repo)) {
            registry.commitPaths(List.of("registry/registry.yaml"), "define workflow support_copilot\n");
        }
        out.println();
        out.println(term().yellow("$ git commit -m 'define workflow support_copilot' registry/registry.yaml")
                + "   (the demo edits and commits registry.yaml as you would)");

        section("Register the artifacts",
                "A model, a prompt and a dataset become versioned artifacts: checksums, digest, changelog, commit and tag.");
        Path template = copyExample("prompts/billing_refund/template.md", sources.resolve("template.md"));
        Path suite = copyExample("datasets/golden/test_suite.csv", sources.resolve("test_suite.csv"));
        Path cases = copyExample("datasets/golden/cases.jsonl", sources.resolve("cases.jsonl"));
        reg("add", "model", "cust-copilot", "--version", "1.4.2", "--provider", "openai", "--model-id", "gpt-4.1-mini",
                "--owner", "ml-platform", "-m", "pin gpt-4.1-mini");
        reg("add", "prompt", "billing_refund", template.toString(), "--version", "2.3.0", "--owner", "support-ops",
                "-m", "tightened refund exceptions; added citation constraint");
        reg("add", "dataset", "golden", suite.toString(), cases.toString(), "--version", "2025.9.0", "--label", "golden_2025_09",
                "--owner", "eval-team", "-m", "September 2025 golden set");
        reg("show");

        section("Change the prompt and bump it",
                "Editing template.md and running bump publishes 2.4.0: new checksum and digest, a changelog entry,\n"
                        + "rollback_to 2.3.0, one commit holding only the prompt's folder, and the tag prompt/billing_refund@2.4.0.");
        append("registry/prompts/billing_refund/template.md", "\nIf the customer mentions a chargeback, escalate before answering.\n");
        reg("bump", "prompt", "billing_refund", "minor", "-m", "escalate chargebacks before answering");
        reg("log", "prompt/billing_refund");
        reg("diff", "prompt/billing_refund", "2.3.0", "2.4.0");

        section("Versions only go up",
                "A bump with no content change, or one that would not be greater than every tag, is refused (exit 2).");
        reg("bump", "prompt", "billing_refund", "patch");

        deleteTree(sources);
        out.println();
        out.println(term().bold("Done.") + " The demo registry is at " + repo);
        out.println("Open it with: cd " + repo + " && git log --oneline --decorate");
        return ExitCodes.OK;
    }

    private void section(String title, String narration) {
        step++;
        out.println();
        out.println(term().bold("== " + step + ". " + title + " =="));
        out.println(narration);
    }

    /** Runs one reg command in the demo registry and shows it as a terminal session would. */
    private void reg(String... args) {
        out.println();
        out.println(term().yellow("$ reg " + quote(args)));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> all = new ArrayList<>(List.of("-C", repo.toString()));
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(e, true), false, clock());
        out.print(indent(o.toString()));
        out.print(indent(e.toString()));
        if (code != 0) {
            out.println("  (exit " + code + ")");
        }
        out.flush();
    }

    /** Copies a file of the example registry (packaged from the project's registry/) to {@code to}. */
    private static Path copyExample(String file, Path to) {
        try (InputStream in = DemoCommand.class.getResourceAsStream(EXAMPLE + file)) {
            if (in == null) {
                throw new IllegalStateException("the example registry is missing " + file + " (rebuild reg)");
            }
            Files.createDirectories(to.getParent());
            Files.write(to, in.readAllBytes());
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void append(String file, String text) {
        try {
            Files.writeString(repo.resolve(file), text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
