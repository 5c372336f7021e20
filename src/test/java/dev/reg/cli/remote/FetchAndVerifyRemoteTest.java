package dev.reg.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.testing.servers.ServerKind;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code reg fetch} and {@code reg verify --remote} against C git's daemon, OpenSSH and http-backend. */
class FetchAndVerifyRemoteTest {
    @TempDir
    Path tmp;

    private static String rev(Path dir, String rev) {
        return GitCli.ok(dir, "rev-parse", rev).strip();
    }

    private static JsonNode json(RegCli.Result r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void fetchBringsNewVersionsAndReportsADifferingTagWithTheFixWithoutOverwritingIt(ServerKind kind) throws Exception {
        try (RemoteCli remote = RemoteCli.start(kind, tmp)) {
            TestRegistry publisher = TestRegistry.supportCopilot(tmp.resolve("publisher"));
            remote.publish(publisher);
            Path mine = remote.cloneTo("mine");

            // the remote gets 1.0.1 and 1.1.0; meanwhile I made my own, different 1.0.1 here
            publisher.write("registry/prompts/billing_refund/template.md", "Answer refund questions, politely.\n");
            publisher.regOk("bump", "prompt", "billing_refund", "patch", "-m", "politer");
            publisher.write("registry/prompts/billing_refund/template.md", "Answer refund questions, politely and briefly.\n");
            publisher.regOk("bump", "prompt", "billing_refund", "minor", "-m", "briefer");
            remote.git(publisher.root(), "push", "-q", "origin", "main", "--tags");
            GitCli.ok(mine, "tag", "-a", "prompt/billing_refund@1.0.1", "-m", "mine");
            String myTag = rev(mine, "refs/tags/prompt/billing_refund@1.0.1");
            String myMain = rev(mine, "refs/heads/main");

            RegCli.Result r = remote.reg(mine, "fetch");
            assertEquals(1, r.exit(), r.all());
            assertTrue(r.out().contains("fetched origin main at " + rev(publisher.root(), "HEAD").substring(0, 12) + " (origin/main)"),
                    r.out());
            assertTrue(r.out().contains("1 new tag: prompt/billing_refund@1.1.0"), r.out());
            assertTrue(r.out().contains("differs  prompt/billing_refund@1.0.1  here " + myTag.substring(0, 12)), r.out());
            assertTrue(r.out().contains("git tag -d prompt/billing_refund@1.0.1 && reg fetch origin"), r.out());
            assertEquals(myTag, rev(mine, "refs/tags/prompt/billing_refund@1.0.1"), "a local tag was overwritten");
            assertEquals(myMain, rev(mine, "refs/heads/main"), "fetch moved the local branch");
            assertEquals(rev(publisher.root(), "HEAD"), rev(mine, "refs/remotes/origin/main"));
            assertEquals(rev(publisher.root(), "refs/tags/prompt/billing_refund@1.1.0"),
                    rev(mine, "refs/tags/prompt/billing_refund@1.1.0"));

            RegCli.Result j = remote.reg(mine, "fetch", "origin", "--json");
            assertEquals(1, j.exit(), j.all());
            JsonNode d = json(j).get("differing").get(0);
            assertEquals("prompt/billing_refund@1.0.1", d.get("tag").asText());
            assertEquals(myTag, d.get("local").asText());
            assertEquals(rev(publisher.root(), "refs/tags/prompt/billing_refund@1.0.1"), d.get("remote").asText());

            // the fix the message gives
            GitCli.ok(mine, "tag", "-d", "prompt/billing_refund@1.0.1");
            RegCli.Result fixed = remote.reg(mine, "fetch", "origin");
            assertEquals(0, fixed.exit(), fixed.all());
            assertEquals(rev(publisher.root(), "refs/tags/prompt/billing_refund@1.0.1"),
                    rev(mine, "refs/tags/prompt/billing_refund@1.0.1"));
            GitCli.Result fsck = GitCli.run(mine, "fsck", "--no-progress");
            assertEquals(0, fsck.exit(), fsck.out() + fsck.err()); // clean, but for the dangling tag object of mine, deleted
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void verifyRemoteIsCleanThenFlagsADifferingTagAndAVersionTagNotOnTheRemotesMain(ServerKind kind) throws Exception {
        try (RemoteCli remote = RemoteCli.start(kind, tmp)) {
            TestRegistry publisher = TestRegistry.supportCopilot(tmp.resolve("publisher"));
            remote.publish(publisher);
            Path mine = remote.cloneTo("mine");

            RegCli.Result clean = remote.reg(mine, "verify", "--remote");
            assertEquals(0, clean.exit(), clean.all());
            assertTrue(clean.out().contains("remote agrees: origin, 3 tags the same here and there, 0 differing tags,"
                    + " 0 version tags not on origin/main"), clean.out());

            // a version published from a side branch that never reached main
            GitCli.ok(publisher.root(), "checkout", "-q", "-b", "side");
            publisher.write("registry/models/cust-copilot/model.json", "{\"provider\": \"openai\", \"model_id\": \"gpt-5\"}\n");
            publisher.regOk("bump", "model", "cust-copilot", "major", "-m", "gpt-5");
            remote.git(publisher.root(), "push", "-q", "origin", "model/cust-copilot@2.0.0");
            // and a tag of mine that differs from the remote's
            GitCli.ok(mine, "tag", "-d", "dataset/golden@1.0.0");
            GitCli.ok(mine, "tag", "-a", "dataset/golden@1.0.0", "-m", "re-made", "HEAD");

            RegCli.Result r = remote.reg(mine, "verify", "--remote", "origin");
            assertEquals(1, r.exit(), r.all());
            assertTrue(r.out().contains("remote differs: origin, 2 tags the same here and there, 1 differing tag,"
                    + " 1 version tag not on origin/main"), r.out());
            assertTrue(r.out().contains("only on origin ('reg fetch origin'): model/cust-copilot@2.0.0"), r.out());
            assertTrue(r.out().contains("differs  dataset/golden@1.0.0"), r.out());
            assertTrue(r.out().contains("model/cust-copilot@2.0.0  is on origin but not reachable from origin/main"), r.out());
            assertEquals("", GitCli.ok(mine, "for-each-ref", "refs/tags/model/cust-copilot@2.0.0").strip(),
                    "verify created a tag");

            JsonNode j = json(remote.reg(mine, "verify", "--remote", "--json")).get("remote");
            assertEquals("model/cust-copilot@2.0.0", j.get("notOnBranch").get(0).asText());
            assertEquals("dataset/golden@1.0.0", j.get("differing").get(0).get("tag").asText());
            assertEquals(rev(publisher.root(), "main"), j.get("remoteTip").asText());
        }
    }
}
