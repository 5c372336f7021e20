package dev.reg.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.testing.servers.ServerKind;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code reg validate --base origin/main --remote origin}: REG031 and REG032 against a real server. */
class ValidateRemoteTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"GIT_DAEMON", "HTTP"})
    void aPullRequestsNewVersionMustBeTaggedOnTheRemoteWithThisClonesTag(ServerKind kind) {
        try (RemoteCli remote = RemoteCli.start(kind, tmp)) {
            TestRegistry publisher = TestRegistry.supportCopilot(tmp.resolve("publisher"));
            remote.publish(publisher);
            TestRegistry mine = TestRegistry.open(remote.cloneTo("mine"));
            GitCli.ok(mine.root(), "checkout", "-q", "-b", "pr");
            mine.write("registry/prompts/billing_refund/template.md", "Answer refund questions, politely.\n");
            mine.regOk("bump", "prompt", "billing_refund", "patch", "-m", "politer");

            RegCli.Result notPushed = remote.reg(mine.root(), "validate", "--base", "origin/main", "--remote", "origin");
            assertEquals(1, notPushed.exit(), notPushed.all());
            assertTrue(notPushed.out().contains("REG031") && notPushed.out().contains("origin has no tag prompt/billing_refund@1.0.1;"
                    + " publish it: 'reg push origin'"), notPushed.out());
            RegCli.Result offline = remote.reg(mine.root(), "validate", "--base", "origin/main");
            assertEquals(0, offline.exit(), "without --remote nothing is asked of the remote: " + offline.all());

            remote.git(mine.root(), "push", "-q", "origin", "prompt/billing_refund@1.0.1");
            RegCli.Result pushed = remote.reg(mine.root(), "validate", "--base", "origin/main", "--remote", "origin", "--format", "json");
            assertEquals(0, pushed.exit(), pushed.all());
            assertFalse(pushed.out().contains("REG03"), pushed.out());

            // someone else publishes 1.1.0 first; my own 1.1.0 is another tag
            TestRegistry other = TestRegistry.open(remote.cloneTo("other"));
            other.write("registry/prompts/billing_refund/template.md", "Answer refund questions, briefly.\n");
            other.regOk("bump", "prompt", "billing_refund", "minor", "-m", "briefer");
            remote.git(other.root(), "push", "-q", "origin", "main", "prompt/billing_refund@1.1.0");
            mine.write("registry/prompts/billing_refund/template.md", "Answer refund questions, politely and in full.\n");
            mine.regOk("bump", "prompt", "billing_refund", "minor", "-m", "fuller");
            RegCli.Result taken = remote.reg(mine.root(), "validate", "--base", "origin/main", "--remote", remote.url());
            assertEquals(1, taken.exit(), taken.all());
            assertTrue(taken.out().contains("REG032") && taken.out().contains("someone published prompt/billing_refund@1.1.0 first"),
                    taken.out());

            RegCli.Result noBase = remote.reg(mine.root(), "validate", "--remote", "origin");
            assertEquals(2, noBase.exit(), noBase.all());
            assertTrue(noBase.err().contains("--remote checks the versions a change adds, so it needs --base"), noBase.err());
        }
    }
}
