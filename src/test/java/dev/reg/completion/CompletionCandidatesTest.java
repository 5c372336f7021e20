package dev.reg.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestEnv;
import dev.reg.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reg __complete TYPE WORD CONTEXT…}, what the completion scripts run on every Tab press, on a
 * real registry: two workflows, prompts with several versions, release tags past 9, ADRs.
 */
class CompletionCandidatesTest {
    @TempDir
    static Path dir;

    static TestRegistry r;

    @BeforeAll
    static void registry() {
        r = TestRegistry.supportCopilot(dir.resolve("repo"));
        r.artifact("prompt", "triage").file("template.md", "Route the ticket.\n").add("--version", "0.3.0");
        r.append("registry/prompts/billing_refund/template.md", "Cite the policy.\n");
        r.regOk("bump", "prompt", "billing_refund", "patch", "-m", "cite");
        r.append("registry/prompts/billing_refund/template.md", "Escalate chargebacks.\n");
        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "escalate");
        r.append("registry/registry.yaml", """
                  triage_bot:
                    components: [prompt/triage]
                    description: Routes tickets to the right queue.
                """);
        r.commitAll("workflow triage_bot");
        for (int n : new int[] {1, 2, 10}) {
            r.git("tag", "-a", "-m", "release " + n, "release/support_copilot/" + n);
        }
        r.regOk("adr", "new", "Use", "reg", "for", "releases");
    }

    private static String complete(Path where, String... args) {
        List<String> all = new ArrayList<>(List.of("__complete"));
        all.addAll(List.of(args));
        RegCli.Result res = RegCli.run(where, all.toArray(String[]::new));
        assertEquals(0, res.exit(), res.all());
        assertEquals("", res.err());
        return res.out();
    }

    private static String complete(String... args) {
        return complete(r.root(), args);
    }

    @Test
    void workflowsFromRegistryYamlWithTheirDescriptions() {
        assertEquals("support_copilot\ntriage_bot\tRoutes tickets to the right queue.\n", complete("workflows", ""));
        assertEquals("triage_bot\tRoutes tickets to the right queue.\n", complete("workflows", "tr"));
        assertEquals("", complete("workflows", "x"));
    }

    @Test
    void namesOfTheKindTypedBefore() {
        assertEquals("billing_refund\ntriage\n", complete("names", "", "prompt"));
        assertEquals("triage\n", complete("names", "t", "prompt"));
        assertEquals("cust-copilot\n", complete("names", "", "model"));
        assertEquals("", complete("names", "", "agent"), "not a kind: nothing");
    }

    @Test
    void refsAreArtifactsThenTheVersionsOfTheOneTypedInFull() {
        assertEquals("dataset/golden\nmodel/cust-copilot\nprompt/billing_refund\nprompt/triage\n", complete("refs", ""));
        assertEquals("prompt/billing_refund\nprompt/triage\n", complete("refs", "prompt/"));
        assertEquals("prompt/billing_refund\nprompt/billing_refund@1.1.0\nprompt/billing_refund@1.0.1\nprompt/billing_refund@1.0.0\n",
                complete("refs", "prompt/billing_refund"));
        assertEquals("prompt/billing_refund@1.0.1\nprompt/billing_refund@1.0.0\n", complete("refs", "prompt/billing_refund@1.0"));
    }

    @Test
    void versionsOfTheArtifactTypedBeforeNewestFirst() {
        assertEquals("1.1.0\n1.0.1\n1.0.0\n", complete("versions", "", "prompt/billing_refund"));
        assertEquals("1.0.1\n1.0.0\n", complete("versions", "1.0", "prompt/billing_refund"));
        assertEquals("", complete("versions", "", "prompt/nope"));
        assertEquals("", complete("versions", "", "not an artifact"));
    }

    @Test
    void releaseNumbersFromReleaseTagNamesInNumberOrder() {
        assertEquals("10\n2\n1\n", complete("releases", "", "support_copilot"));
        assertEquals("10\n1\n", complete("releases", "1", "support_copilot"));
        assertEquals("", complete("releases", "", "triage_bot"));
        assertEquals("", complete("releases", "", "../x"));
    }

    @Test
    void adrNumbersWithTheTitleTheirFileNameCarries() {
        assertEquals("1\trecord architecture decisions\n2\tuse reg for releases\n", complete("adrs", ""));
    }

    @Test
    void outsideARegistryOrWithABrokenRegistryYamlThereIsNothingToOffer() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertEquals("", complete(plain, "workflows", ""));
        Path broken = dir.resolve("broken");
        TestRegistry b = TestRegistry.init(broken);
        b.write("registry/registry.yaml", "registry: 1\nworkflows: [unclosed\n");
        assertEquals("", complete(broken, "workflows", ""));
    }

    @Test
    void anUnknownTypeIsAUsageError() {
        RegCli.Result res = RegCli.run(r.root(), "__complete", "tags", "");
        assertEquals(2, res.exit());
        assertEquals("reg: unknown completion type 'tags': expected workflows, names, refs, versions, releases, adrs\n", res.err());
    }

    @Test
    void completingChangesNothing() {
        Map<String, String> before = r.snapshot();
        for (String type : List.of("workflows", "names", "refs", "versions", "releases", "adrs")) {
            complete(type, "", "prompt/billing_refund");
        }
        r.assertUnchangedSince(before);
    }

    /**
     * It runs on every Tab press: no JSON, Markdown, template or statistics library, no Git status
     * (the bytecode verifier loads some JGit classes GitStore names, such as RevTag and FileTreeIterator, anyway).
     */
    @Test
    void itLoadsNoneOfTheHeavyLibrariesNorComputesGitStatus() throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-Duser.home=" + TestEnv.home(), "-Xlog:class+load:file=" + log, "-cp", System.getProperty("java.class.path"),
                CompletionProbe.class.getName(), r.root().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        TestEnv.isolate(pb.environment());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("WORKFLOWS support_copilot") && out.contains("RELEASES 10") && out.contains("REFS prompt/billing_refund@1.1.0")
                && out.contains("ADRS 2"), out);
        List<String> loaded = Files.readAllLines(log).stream().filter(l -> l.contains("[class,load]"))
                .map(l -> l.replaceFirst(".*\\[class,load\\] (\\S+).*", "$1")).toList();
        assertTrue(loaded.contains(CompletionCandidates.class.getName()), "the probe ran in this log");
        List<String> heavy = loaded.stream().filter(c -> c.startsWith("com.fasterxml.") || c.startsWith("com.vladsch.")
                || c.startsWith("com.samskivert.") || c.startsWith("com.networknt.") || c.startsWith("org.apache.commons.statistics.")
                || c.equals("org.eclipse.jgit.lib.IndexDiff") || c.equals("org.eclipse.jgit.api.StatusCommand")).toList();
        assertEquals(List.of(), heavy);
    }
}
