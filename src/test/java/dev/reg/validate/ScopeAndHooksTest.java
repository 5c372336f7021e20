package dev.reg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --base and --staged check, and the pre-commit hook that uses --staged. */
class ScopeAndHooksTest {
    @TempDir
    Path dir;

    @Test
    void baseChecksOnlyWhatTheChangeTouched() {
        Fixture x = Fixture.supportCopilot(dir);
        x.reg.append("registry/datasets/golden/cases.jsonl", "{\"id\": \"broken on main\"}\n");
        x.commit("main is broken elsewhere");
        x.git("checkout", "-q", "-b", "pr");
        x.reg.append(Fixture.TEMPLATE, "Cite the policy.\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite");

        Fixture.Run pr = x.validate("--base", "main");
        pr.expectClean();
        assertEquals(1, pr.json().get("scope").get("artifacts").asInt());
        assertEquals("main", pr.json().get("base").asText());
        assertEquals(x.git("rev-parse", "main").strip(), pr.json().get("mergeBase").asText());

        Fixture.Run full = x.validate();
        full.expect("REG009", "registry/datasets/golden/artifact.yaml", x.lineOf("registry/datasets/golden/artifact.yaml", "digest:"));
        assertEquals(3, full.json().get("scope").get("artifacts").asInt());
    }

    @Test
    void baseComparesWithTheMergeBaseNotTheMovedTipOfTheBase() {
        Fixture x = Fixture.supportCopilot(dir);
        x.git("checkout", "-q", "-b", "pr");
        x.reg.append("registry/models/cust-copilot/model.json", "\n");
        x.reg.regOk("bump", "model", "cust-copilot", "patch", "-m", "pr change");
        x.git("checkout", "-q", "main");
        x.reg.append(Fixture.TEMPLATE, "main moved on\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "main change");
        x.git("checkout", "-q", "pr");
        // against main's tip the prompt would look lowered to 1.0.0; against the merge base it did not change
        Fixture.Run r = x.validate("--base", "main");
        r.expectClean();
        assertEquals(1, r.json().get("scope").get("artifacts").asInt());
    }

    @Test
    void baseChecksTheCommitsNotTheWorkTree() {
        Fixture x = Fixture.supportCopilot(dir);
        x.git("checkout", "-q", "-b", "pr");
        x.reg.append(Fixture.TEMPLATE, "Cite the policy.\n");
        x.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite");
        x.write("registry/prompts/draft/template.md", "not registered, not committed\n");
        x.reg.append("registry/datasets/golden/cases.jsonl", "uncommitted edit\n");

        Fixture.Run pr = x.validate("--base", "main");
        pr.expectClean();
        assertEquals("HEAD", pr.json().get("checked").asText());
        assertEquals(1, pr.json().get("scope").get("artifacts").asInt());

        Fixture.Run tree = x.validate();
        tree.expect("REG028", "registry/prompts/draft", 0);
        tree.expect("REG012", "registry/datasets/golden/artifact.yaml", 3);
    }

    @Test
    void stagedChecksTheIndexNotTheWorkTree() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        Path template = x.root().resolve(Fixture.TEMPLATE);
        String original = Files.readString(template);
        Files.writeString(template, original + "staged edit\n");
        x.git("add", Fixture.TEMPLATE);
        Files.writeString(template, original); // the work tree is back as committed, the index is not

        x.validate().expectClean();
        Fixture.Run staged = x.validate("--staged");
        staged.expect("REG012", Fixture.PROMPT, 3);
        staged.expect("REG008", Fixture.PROMPT, x.lineOf(Fixture.PROMPT, "  template.md: sha256:"));
        assertEquals("index", staged.json().get("checked").asText());
        assertEquals(1, staged.json().get("scope").get("artifacts").asInt());
    }

    @Test
    void stagedWithNothingStagedChecksNothingButRegistryYaml() {
        Fixture x = Fixture.supportCopilot(dir);
        Fixture.Run r = x.validate("--staged");
        r.expectClean();
        assertEquals(0, r.json().get("scope").get("artifacts").asInt());
        assertEquals(0, r.json().get("changedPaths").asInt());
    }

    // ---------------------------------------------------------------- hooks

    @Test
    void hooksInstallWritesAnExecutablePreCommitHookOnce() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        Path hook = x.root().resolve(".git/hooks/pre-commit");
        RegCli.Result r = x.reg.regOk("hooks", "install");
        assertTrue(r.out().startsWith("installed "), r.out());
        assertEquals(PreCommitHook.SCRIPT, Files.readString(hook));
        assertTrue(Files.isExecutable(hook));
        assertTrue(x.reg.regOk("hooks", "install").out().contains("already installed"));
    }

    @Test
    void hooksInstallRefusesToOverwriteAnotherHookUnlessForced() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        Path hook = x.root().resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho mine\n");
        RegCli.Result refused = x.reg.reg("hooks", "install");
        assertEquals(3, refused.exit());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals("#!/bin/sh\necho mine\n", Files.readString(hook));
        assertTrue(x.reg.regOk("hooks", "install", "--force").out().startsWith("replaced "));
        assertEquals(PreCommitHook.SCRIPT, Files.readString(hook));
    }

    @Test
    void hooksInstallHonoursCoreHooksPath() {
        Fixture x = Fixture.supportCopilot(dir);
        x.git("config", "core.hooksPath", ".githooks");
        x.reg.regOk("hooks", "install");
        assertTrue(Files.isRegularFile(x.root().resolve(".githooks/pre-commit")));
    }

    @Test
    void theHookStopsABadCommitAndLetsAGoodOneThrough() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        x.reg.regOk("hooks", "install");
        Path launcher = Files.createTempFile("reg-launcher", ".sh");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "'"
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Duser.home='" + TestEnv.home() + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.reg.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        String head = x.git("rev-parse", "HEAD");

        x.reg.append(Fixture.TEMPLATE, "edited without a bump\n");
        x.git("add", "-A");
        GitCli.Result bad = commit(x.root(), launcher, "sneak it in");
        assertNotEquals(0, bad.exit(), bad.out() + bad.err());
        assertTrue((bad.out() + bad.err()).contains("REG012 version-not-bumped"), bad.out() + bad.err());
        assertEquals(head, x.git("rev-parse", "HEAD"), "the commit was stopped");

        x.git("reset", "-q", "--hard");
        x.reg.append(Fixture.PROMPT, "owner: support-ops\n");
        x.git("add", "-A");
        GitCli.Result good = commit(x.root(), launcher, "metadata only");
        assertEquals(0, good.exit(), good.out() + good.err());
        assertNotEquals(head, x.git("rev-parse", "HEAD"));
    }

    private static GitCli.Result commit(Path repo, Path launcher, String message) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of("git", "commit", "-q", "-m", message)).directory(repo.toFile());
        TestEnv.isolate(pb.environment());
        pb.environment().put("REG", launcher.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] err = p.getErrorStream().readAllBytes();
        byte[] out = p.getInputStream().readAllBytes();
        return new GitCli.Result(p.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
