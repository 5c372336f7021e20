package dev.reg.release;

import dev.reg.testing.RegCli;
import dev.reg.testing.RegistryFixtures;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * The release story the end-to-end tests share, on a real repository: release 1 ships, a prompt
 * change fails the gate (release 2 held), a fix ships as release 3.
 */
public final class ReleaseScenario {
    static final String WF = "support_copilot";
    static final String TEMPLATE = "registry/prompts/billing_refund/template.md";
    /** The runs the gate was asked about while the incident story was played, for its copies' gates. */
    private static volatile List<String> incidentAsked = List.of();

    public final TestRegistry reg;
    final TestGate gate = new TestGate();

    private ReleaseScenario(TestRegistry reg) {
        this.reg = reg;
    }

    /**
     * Releases 1 (shipped), 2 (held) and 3 (shipped: a new prompt and a dataset with an extra file), 3 marked bad: a copy
     * of the story played once per JVM through the CLI (the same commands every time, on the fixed clock).
     */
    public static ReleaseScenario incident(Path dir) {
        ReleaseScenario s = new ReleaseScenario(RegistryFixtures.copyOf("release incident", dir,
                t -> incidentAsked = List.copyOf(playIncident(t).gate.asked)));
        s.gate.asked.addAll(incidentAsked);
        return s;
    }

    private static ReleaseScenario playIncident(Path dir) {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst().holdBroken();
        s.reg.write(RollbackTest.DATASET + "extra.jsonl", "{\"id\": \"REF-9\", \"input\": \"refund after 90 days\"}\n");
        s.reg.write(RollbackTest.DATASET + "artifact.yaml", s.reg.read(RollbackTest.DATASET + "artifact.yaml")
                .replace("files:\n  - cases.jsonl\n", "files:\n  - cases.jsonl\n  - extra.jsonl\n"));
        s.reg.regOk("bump", "dataset", "golden", "minor", "-m", "refund edge cases");
        s.shipFix();
        s.reg.regOk("mark", "support_copilot", "3", "bad", "--reason", "refund answers cite the wrong policy");
        return s;
    }

    /** The registry with its gate file and first eval run committed; nothing released. */
    static ReleaseScenario start(Path dir) {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.write("registry/gates/support_copilot.yaml", """
                gates:
                  - {metric: exact, agg: mean, min: 0.80, where: {domain: Support}}
                  - {metric: severity, agg: count, equals: sev1, max: 0}
                must_pass: [FAQ-001, JAIL-007]
                """);
        r.write("registry/evals/run-a.json", "{\"format\": \"reg.eval-run/1\", \"id\": \"run-a\"}\n");
        r.commitAll("gate and first eval run");
        return new ReleaseScenario(r);
    }

    RegCli.Result release(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "release";
        args[1] = WF;
        System.arraycopy(extra, 0, args, 2, extra.length);
        return RegCli.run(reg.root(), gate, args);
    }

    RegCli.Result mustRelease(int expectedExit, String... extra) {
        RegCli.Result r = release(extra);
        if (r.exit() != expectedExit) {
            throw new AssertionError("reg release exited " + r.exit() + ", expected " + expectedExit + ":\n" + r.all());
        }
        return r;
    }

    /** Release 1 shipped. */
    ReleaseScenario shipFirst() {
        mustRelease(0, "--run", "run-a");
        return this;
    }

    /** A prompt change the gate fails: release 2 held. */
    ReleaseScenario holdBroken() {
        reg.append(TEMPLATE, "BROKEN: answer refunds without citing policy.\n");
        reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "shorter refund answers");
        reg.write("registry/evals/run-b.json", "{\"format\": \"reg.eval-run/1\", \"id\": \"run-b\"}\n");
        reg.commitAll("eval run b");
        mustRelease(1, "--run", "run-b");
        return this;
    }

    /** The fix ships as release 3. */
    ReleaseScenario shipFix() {
        reg.write(TEMPLATE, "Answer refund questions from {{policy_snippets}}.\nCite the policy | section & clause.\n");
        reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "restore refund exceptions & cite the *policy* section");
        reg.write("registry/evals/run-c.json", "{\"format\": \"reg.eval-run/1\", \"id\": \"run-c\"}\n");
        reg.commitAll("eval run c");
        mustRelease(0, "--run", "run-c");
        return this;
    }

    public String ledger() {
        return reg.read("registry/releases/support_copilot.yaml");
    }
}
