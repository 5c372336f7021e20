package dev.reg.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.cli.Main;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reg doctor} on real clones: shallow, missing and lightweight tags, detached HEAD, CI files; each fix makes it clean. */
class DoctorTest {
    @TempDir
    Path dir;

    TestRegistry origin;

    @BeforeEach
    void origin() {
        origin = TestRegistry.supportCopilot(dir.resolve("origin"));
        origin.write("registry/prompts/billing_refund/template.md", "Answer refund questions briefly from {{policy_snippets}}.\n");
        origin.regOk("bump", "prompt", "billing_refund", "patch", "-m", "briefer");
    }

    @Test
    void aFullCloneOnItsBranchIsClean() {
        Path clone = fullClone();
        RegCli.Result r = RegCli.run(clone, "doctor");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("no problems: a full clone, on branch main, 4 reg tags present and annotated, no CI files checked"),
                r.out());
        assertTrue(r.out().contains("JVM: "), r.out());
    }

    @Test
    void aShallowCloneMissesTagsUntilItIsUnshallowed() throws Exception {
        Path clone = dir.resolve("shallow");
        GitCli.ok(dir, "clone", "-q", "--depth", "1", "file://" + origin.root(), clone.toString());
        RegCli.Result r = RegCli.run(clone, "doctor");
        assertEquals(1, r.exit(), r.all());
        assertEquals(List.of("shallow-clone", "tags-missing"), codes(clone));
        assertTrue(r.out().contains("prompt/billing_refund@1.0.0"), r.out());
        assertTrue(r.out().contains("fix: git fetch --unshallow --tags origin"), r.out());

        GitCli.ok(clone, "fetch", "-q", "--unshallow", "--tags", "origin");
        assertEquals(0, RegCli.run(clone, "doctor").exit());
    }

    @Test
    void aTagEventCheckoutLeavesALightweightTagThatFetchingTagsRepairs() throws Exception {
        Path clone = fullClone();
        // what actions/checkout does on a tag push: fetch the tagged commit into the tag's ref
        String commit = GitCli.ok(clone, "rev-parse", "prompt/billing_refund@1.0.1^{commit}").strip();
        GitCli.ok(clone, "fetch", "-q", "--no-tags", "--force", "origin", "+" + commit + ":refs/tags/prompt/billing_refund@1.0.1");
        assertEquals("commit", GitCli.ok(clone, "cat-file", "-t", "prompt/billing_refund@1.0.1").strip());
        RegCli.Result r = RegCli.run(clone, "doctor");
        assertEquals(1, r.exit(), r.all());
        assertEquals(List.of("tag-lightweight"), codes(clone));
        assertTrue(r.out().contains("prompt/billing_refund@1.0.1"), r.out());

        GitCli.ok(clone, "fetch", "-q", "--tags", "--force", "origin");
        assertEquals(0, RegCli.run(clone, "doctor").exit());
    }

    @Test
    void aDetachedHeadIsReported() throws Exception {
        Path clone = fullClone();
        GitCli.ok(clone, "checkout", "-q", "--detach");
        assertEquals(List.of("detached-head"), codes(clone));
        GitCli.ok(clone, "checkout", "-q", "main");
        assertEquals(List.of(), codes(clone));
    }

    @Test
    void aWorkflowThatPublishesNeedsAConcurrencyGroup() throws Exception {
        Path clone = fullClone();
        TestRegistry r = TestRegistry.open(clone);
        r.write(".github/workflows/checks.yml", """
                on: pull_request
                jobs:
                  validate:
                    steps:
                      - run: ./reg validate --base origin/main   # reg release is only in a comment
                """);
        r.write(".github/workflows/release.yml", """
                on: {push: {branches: [main]}}
                jobs:
                  release:
                    steps:
                      - uses: actions/checkout@v4
                      - run: |
                          .reg/reg gate support_copilot
                          .reg/reg release support_copilot --push
                """);
        RegCli.Result found = RegCli.run(clone, "doctor");
        assertEquals(1, found.exit(), found.all());
        assertEquals(List.of("ci-no-concurrency"), codes(clone));
        assertTrue(found.out().contains(".github/workflows/release.yml:8"), found.out());

        r.write(".github/workflows/release.yml", "concurrency: {group: reg, cancel-in-progress: false}\n" + r.read(".github/workflows/release.yml"));
        RegCli.Result clean = RegCli.run(clone, "doctor");
        assertEquals(0, clean.exit(), clean.all());
        assertTrue(clean.out().contains(".github/workflows/checks.yml, .github/workflows/release.yml checked"), clean.out());
    }

    @Test
    void aGitLabJobThatPublishesNeedsAResourceGroup() throws Exception {
        Path clone = fullClone();
        TestRegistry r = TestRegistry.open(clone);
        String job = """
                release:
                  script:
                    - reg promote support_copilot 3 --push
                """;
        r.write(".gitlab-ci.yml", job);
        assertEquals(List.of("ci-no-concurrency"), codes(clone));
        r.write(".gitlab-ci.yml", job + "  resource_group: reg-registry\n");
        assertEquals(List.of(), codes(clone));
    }

    /** The workflow is read as YAML: only a group at the top of the workflow or on the publishing job guards it. */
    @Test
    void aConcurrencyGroupGuardsOnlyWhereGitHubAppliesIt() throws Exception {
        Path clone = fullClone();
        TestRegistry r = TestRegistry.open(clone);
        String release = """
                  release:
                    steps:
                      - run: |
                          echo "concurrency: none"
                          reg release support_copilot --push
                """;
        r.write(".github/workflows/release.yml", """
                on: push
                jobs:
                  lint:
                    concurrency: lint
                    steps:
                      - run: reg validate
                """ + release);
        RegCli.Result found = RegCli.run(clone, "doctor");
        assertEquals(List.of("ci-no-concurrency"), codes(clone), found.all());
        assertTrue(found.out().contains(".github/workflows/release.yml:11") && found.out().contains("job 'release'"), found.out());

        r.write(".github/workflows/release.yml", "on: push\njobs:\n" + release.replace("    steps:", "    concurrency: {group: reg}\n    steps:"));
        assertEquals(List.of(), codes(clone));
    }

    @Test
    void aGitLabJobIsGuardedByTheResourceGroupOfTheTemplateItExtends() throws Exception {
        Path clone = fullClone();
        TestRegistry r = TestRegistry.open(clone);
        String template = """
                .publish:
                  resource_group: reg-registry
                  script:
                    - reg release support_copilot --push
                """;
        r.write(".gitlab-ci.yml", template + "release:\n  extends: .publish\n");
        assertEquals(List.of(), codes(clone), "a hidden template runs only through its jobs, and this one has the group");
        r.write(".gitlab-ci.yml", template.replace("  resource_group: reg-registry\n", "") + "release:\n  extends: [.publish]\n"
                + "  script:\n    - reg promote support_copilot 3 --push\n");
        assertEquals(List.of("ci-no-concurrency"), codes(clone));
    }

    @Test
    void aCiFileThatIsNotYamlIsBadInputNamingItsLine() throws Exception {
        Path clone = fullClone();
        TestRegistry r = TestRegistry.open(clone);
        r.write(".github/workflows/release.yml", "on: push\njobs:\n  release: [unclosed\n");
        RegCli.Result bad = RegCli.run(clone, "doctor");
        assertEquals(2, bad.exit(), bad.all());
        assertTrue(bad.err().contains(".github/workflows/release.yml"), bad.err());
        assertTrue(bad.err().matches("(?s).*release\\.yml:\\d+.*"), bad.err());
    }

    @Test
    void theShippedCiExamplesPublishOneAtATime() throws Exception {
        Path clone = fullClone();
        TestRegistry r = TestRegistry.open(clone);
        r.write(".github/workflows/registry.yml", Files.readString(Path.of("examples/github/registry.yml")));
        r.write(".gitlab-ci.yml", Files.readString(Path.of("examples/gitlab/.gitlab-ci.yml")));
        assertEquals(List.of(), codes(clone));
        // and they do publish: without their groups, doctor would object
        r.write(".github/workflows/registry.yml", r.read(".github/workflows/registry.yml").replaceAll("(?m)^\\s*concurrency:.*$", ""));
        r.write(".gitlab-ci.yml", r.read(".gitlab-ci.yml").replaceAll("(?m)^\\s*resource_group:.*$", ""));
        assertEquals(List.of("ci-no-concurrency", "ci-no-concurrency"), codes(clone));
    }

    @Test
    void theJvmAndArchiveComeFromTheLauncher() {
        Path clone = fullClone();
        Map<String, String> env = Map.of("REG_LAUNCHER_JAVA", "/opt/jdk-25/bin/java", "REG_LAUNCHER_JAVA_VERSION", "25.0.3+9-LTS",
                "REG_LAUNCHER_ARCHIVE", "/x/target/archives/reg-1.jdk25-2.aot", "REG_LAUNCHER_ARCHIVE_STATUS", "aot",
                "REG_LAUNCHER_JVM_OPTIONS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"-C", clone.toString(), "doctor"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                false, RegCli.CLOCK, env);
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("JVM: /opt/jdk-25/bin/java (25.0.3+9-LTS)\narchive: AOT cache /x/target/archives/reg-1.jdk25-2.aot\n"),
                out.toString());
    }

    private Path fullClone() {
        Path clone = dir.resolve("clone");
        GitCli.ok(dir, "clone", "-q", "file://" + origin.root(), clone.toString());
        return clone;
    }

    /** The finding codes of {@code reg doctor --json}. */
    private static List<String> codes(Path clone) throws Exception {
        RegCli.Result r = RegCli.run(clone, "doctor", "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(json.get("ok").asBoolean() ? 0 : 1, r.exit(), r.all());
        List<String> out = new ArrayList<>();
        json.get("findings").forEach(f -> out.add(f.get("code").asText()));
        return out;
    }
}
