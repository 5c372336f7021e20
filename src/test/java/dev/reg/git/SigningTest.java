package dev.reg.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestEnv;
import dev.reg.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's tag.gpgSign and commit.gpgSign are honoured through JGit's BouncyCastle signer; C git verifies the result. */
class SigningTest {
    @TempDir
    Path dir;

    @Test
    void signedTagsAndCommitsVerifyWithCGit() throws Exception {
        // gpg-agent's socket path must stay short: a GNUPGHOME under /tmp, not the deep JUnit temp folder
        Path gnupg = Files.createTempDirectory(Path.of("/tmp"), "gpg", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Map<String, String> env = Map.of("GNUPGHOME", gnupg.toString());
        try {
            ProcessBuilder gen = new ProcessBuilder("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key",
                    TestEnv.USER_NAME + " <" + TestEnv.USER_EMAIL + ">", "rsa2048", "sign", "never")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("gpg.log").toFile());
            gen.environment().putAll(env);
            Process p = gen.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("gpg.log")));

            TestRegistry r = TestRegistry.supportCopilot(dir.resolve("repo"));
            r.git("config", "tag.gpgSign", "true");
            r.git("config", "commit.gpgSign", "true");
            r.append("registry/prompts/billing_refund/template.md", "Cite the policy.\n");
            ProcessBuilder bump = RegCli.process(r.root(), List.of(), "bump", "prompt", "billing_refund", "minor", "-m", "signed");
            bump.environment().putAll(env);
            Process b = bump.redirectErrorStream(true).start();
            String out = new String(b.getInputStream().readAllBytes());
            assertTrue(b.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, b.exitValue(), out);

            GitCli.Result tag = GitCli.run(r.root(), env, "verify-tag", "prompt/billing_refund@1.1.0");
            assertEquals(0, tag.exit(), tag.err());
            assertTrue(tag.err().contains("Good signature from \"" + TestEnv.USER_NAME), tag.err());
            GitCli.Result commit = GitCli.run(r.root(), env, "verify-commit", "HEAD");
            assertEquals(0, commit.exit(), commit.err());
        } finally {
            ProcessBuilder kill = new ProcessBuilder("gpgconf", "--kill", "gpg-agent");
            kill.environment().putAll(env);
            kill.start().waitFor(10, TimeUnit.SECONDS);
            try (var s = Files.walk(gnupg)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
