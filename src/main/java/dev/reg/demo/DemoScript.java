package dev.reg.demo;

import dev.reg.BadInputException;
import dev.reg.registry.Registry;
import dev.reg.util.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code reg demo}: the whole life of a workflow in a fresh registry — artifacts, bumps, an eval
 * import, a passing gate and release 1, a prompt change whose eval fails the gate (held), a fix
 * that goes to canary and is promoted on its recorded readout, an incident, the rollback to the last
 * good release, a later canary rolled back at its stop-loss, and the record it leaves.
 * Every step is a real reg command; the files are the project's own example registry.
 */
public final class DemoScript {
    private static final String EXAMPLE = "/dev/reg/demo/registry/";
    private static final String WF = "support_copilot";
    private static final String TEMPLATE = "registry/prompts/billing_refund/template.md";
    private static final String GATE = "registry/gates/support_copilot.yaml";
    private static final String REFUSAL_RULE = "- Never promise a refund the policy does not allow; never ask for card numbers or passwords.\n";

    private final Path repo;
    private final DemoShell shell;
    private Path tool;

    public DemoScript(Path repo, DemoShell shell) {
        this.repo = repo;
        this.shell = shell;
    }

    /** Runs the story; the registry is left at {@code repo} for the user to open. */
    public void run() {
        try {
            if (Files.exists(repo)) {
                try (var s = Files.list(repo)) {
                    if (s.findAny().isPresent()) {
                        throw new BadInputException("demo directory " + repo + " is not empty; pass an empty or new --dir");
                    }
                }
            }
            tool = Files.createTempDirectory("reg-demo-tool-");
            try {
                story();
            } finally {
                FileTrees.deleteQuietly(tool);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void story() throws IOException {
        shell.chapter("A new registry",
                "reg init creates the Git repository with registry/, adr/ (and .adr-dir for adr-tools) and templates/.");
        shell.reg("init", repo.toString());

        shell.chapter("The workflow and its pass bars",
                "registry.yaml names support_copilot's components in composite order; gates/support_copilot.yaml holds its\n"
                        + "pass bars: exact match, groundedness with no case under 3, helpfulness, zero Sev-1, p95 latency, cost,\n"
                        + "no regression against the last shipped release, and two must-pass cases.");
        example("registry.yaml", "registry/registry.yaml");
        example("gates/support_copilot.yaml", "registry/gates/support_copilot.yaml");
        try (Registry registry = Registry.open(repo)) {
            registry.commitPaths(List.of("registry/registry.yaml", "registry/gates"), "define workflow support_copilot and its gate\n");
        }
        shell.say("(the demo wrote both files and committed them, as you would with git commit)");

        shell.chapter("Register the artifacts",
                "Each add copies the content files into the artifact's folder, writes artifact.yaml with checksums, digest and\n"
                        + "changelog, and publishes one commit and one annotated tag.");
        Path template = example("prompts/billing_refund/template.md", tool.resolve("template.md"));
        Path suite = example("datasets/golden/test_suite.csv", tool.resolve("test_suite.csv"));
        Path cases = example("datasets/golden/cases.jsonl", tool.resolve("cases.jsonl"));
        shell.reg("add", "model", "cust-copilot", "--version", "1.4.2", "--provider", "openai", "--model-id", "gpt-4.1-mini",
                "--owner", "ml-platform", "-m", "pin gpt-4.1-mini");
        shell.reg("add", "prompt", "billing_refund", template.toString(), "--version", "2.3.0", "--owner", "support-ops",
                "-m", "tightened refund exceptions; added citation constraint");
        shell.reg("add", "dataset", "golden", suite.toString(), cases.toString(), "--version", "2025.9.0", "--label",
                "golden_2025_09", "--owner", "eval-team", "-m", "September 2025 golden set");
        shell.reg("composite", WF);

        shell.chapter("Evidence, a gate and release 1",
                "The eval pipeline ran the golden set against this composite; its output is imported and linked to the\n"
                        + "exact versions and digests it measured. The gate passes, so the release ships: ledger entry, decision\n"
                        + "memo (an ADR) and the tag release/support_copilot/1, in one commit.");
        importRun(EvalScenario.GOOD, "results-2.3.0.jsonl");
        shell.reg("gate", WF);
        shell.reg("release", WF);

        shell.chapter("A prompt change that fails its gate",
                "Someone shortens the prompt and drops the refusal rule. bump publishes 2.4.0; the new eval shows a jailbreak\n"
                        + "answered (Sev-1, a must-pass case) and weaker grounding. The release is held: a ledger entry and a memo\n"
                        + "saying why, no release tag (exit 1).");
        replaceInTemplate(REFUSAL_RULE, "");
        shell.reg("bump", "prompt", "billing_refund", "minor", "-m", "shorter answers");
        importRun(EvalScenario.REGRESSED, "results-2.4.0.jsonl");
        shell.reg("release", WF);

        shell.chapter("Versions only go up",
                "A bump with no content change is refused (exit 2); so is one that would not be greater than every tag.");
        shell.reg("bump", "prompt", "billing_refund", "patch");

        shell.chapter("Canary bars, written before the canary starts",
                "The online half of the gate is pre-registered in the gate file and committed: the canary's planned split,\n"
                        + "the events each arm needs, a grounding uplift to promote, a cost ceiling, no safety regression, and the\n"
                        + "stop-loss that rolls a canary back.");
        Files.writeString(repo.resolve(GATE), DemoTelemetry.CANARY_SECTION, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Registry registry = Registry.open(repo)) {
            registry.commitPaths(List.of(GATE), "pre-register the canary bars of support_copilot\n");
        }
        shell.say("(the demo appended the canary: and drift: sections to " + GATE + " and committed it)");

        shell.chapter("The fix goes to canary as release 3",
                "The refusal rule comes back in 2.4.1; its eval passes every bar, with the deltas measured against release 1.\n"
                        + "It ships as a canary: tagged, in the ledger as canary, while release 1 stays live for most traffic.");
        appendToTemplate("\n" + REFUSAL_RULE);
        shell.reg("bump", "prompt", "billing_refund", "patch", "-m", "restore the refusal rule");
        importRun(EvalScenario.FIXED, "results-2.4.1.jsonl");
        shell.reg("release", WF, "--canary");
        shell.reg("live", WF);

        shell.chapter("The readout promotes it",
                "A day of telemetry (10 % treatment) comes back: grounding up about 7 % with its interval clear of +2 %, cost\n"
                        + "flat, no jailbreak. The readout is recorded (figures and the file's sha256, not the events), and promote\n"
                        + "makes release 3 live on it, with a memo that carries the online evidence.");
        Path better = telemetry("canary-3.jsonl", DemoTelemetry.betterCanary());
        shell.reg("canary", WF, "--events", better.toString(), "--record");
        shell.reg("promote", WF, "3");

        shell.chapter("An incident",
                "In production, refund answers start citing a withdrawn policy. On-call marks release 3 bad and freezes the\n"
                        + "workflow (no release can ship while frozen), checks what a rollback would do, then runs it.");
        shell.reg("mark", WF, "3", "bad", "--reason", "refund answers cite a withdrawn policy (incident 42)");
        shell.reg("freeze", WF, "--reason", "incident 42");
        shell.reg("rollback", WF, "--dry-run");
        shell.reg("rollback", WF, "--reason", "incident 42: back to the last good composite");
        shell.reg("rollback", WF);
        shell.reg("unfreeze", WF, "--reason", "incident 42 mitigated");

        shell.chapter("A later candidate hits its stop-loss",
                "A prompt that answers in fewer words goes to canary as release 5. Its readout shows grounding down about 12 %,\n"
                        + "the whole interval below the -5 % stop-loss: with --apply the readout is recorded and the canary rolled\n"
                        + "back in one commit, with an incident record that carries the evidence.");
        appendToTemplate("- Answer in at most three sentences.\n");
        shell.reg("bump", "prompt", "billing_refund", "patch", "-m", "shorter answers, refusal rule kept");
        importRun(EvalScenario.FIXED, "results-2.4.2.jsonl");
        shell.reg("release", WF, "--canary");
        Path worse = telemetry("canary-5.jsonl", DemoTelemetry.worseCanary());
        shell.reg("canary", WF, "--events", worse.toString(), "--record", "--apply");

        shell.chapter("The record",
                "Every decision and status change, with actor and reason; the composite now live; the ADRs and memos.");
        shell.reg("history", WF);
        shell.reg("live", WF);
        shell.reg("composite", WF);
        shell.reg("adr", "list");
        shell.reg("memo", WF, "2", "--path");

        shell.chapter("Still consistent",
                "After all that, the registry passes every rule a PR must pass, and every tag still matches its content.");
        shell.reg("validate");
        shell.reg("verify");
    }

    /** Writes telemetry the canary produced (outside the repository, as real telemetry is). */
    private Path telemetry(String fileName, String events) throws IOException {
        Path file = tool.resolve(fileName);
        Files.writeString(file, events, StandardCharsets.UTF_8);
        return file;
    }

    /** Writes the eval tool's output for a scenario and imports it for the workflow's current composite. */
    private void importRun(EvalScenario scenario, String fileName) throws IOException {
        Path results = tool.resolve(fileName);
        Files.writeString(results, scenario.jsonl(), StandardCharsets.UTF_8);
        shell.reg("eval", "import", results.toString(), "--format", "jsonl", "--workflow", WF);
    }

    private void replaceInTemplate(String from, String to) throws IOException {
        Path t = repo.resolve(TEMPLATE);
        String text = Files.readString(t, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException("the example prompt no longer contains the line the demo edits: " + from.strip());
        }
        Files.writeString(t, text.replace(from, to), StandardCharsets.UTF_8);
        shell.say("(edited " + TEMPLATE + ")");
    }

    private void appendToTemplate(String text) throws IOException {
        Files.writeString(repo.resolve(TEMPLATE), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        shell.say("(edited " + TEMPLATE + ")");
    }

    /** Copies a file of the example registry (the project's registry/, packaged in the jar). */
    private Path example(String file, String repoPath) {
        return example(file, repo.resolve(repoPath));
    }

    private static Path example(String file, Path to) {
        try (InputStream in = DemoScript.class.getResourceAsStream(EXAMPLE + file)) {
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
}
