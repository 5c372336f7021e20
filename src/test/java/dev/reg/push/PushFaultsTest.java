package dev.reg.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.ServerKind;
import dev.reg.util.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --push} when things go wrong on the way: the server killed mid-push, a server without
 * atomic pushes (C git with {@code receive.advertiseAtomic=false}), smart HTTP with Basic auth
 * through a credential helper, ssh with a generated key (the branch and tag in one atomic push, a
 * race lost with exit 3). The clone is unchanged whenever the remote did not accept, and the
 * next command says what to do.
 */
class PushFaultsTest {
    @TempDir
    Path tmp;

    GitServer server;

    @AfterEach
    void stop() {
        Faults.watch(null);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerKilledMidPushLeavesTheCloneUnchangedAndTheNextCommandPublishes() throws Exception {
        server = ServerKind.GIT_DAEMON.start(tmp.resolve("server"));
        SharedRegistry shared = SharedRegistry.seed(server, tmp);
        Path marker = tmp.resolve("receiving");
        Path hook = shared.hook("pre-receive", "touch '" + marker + "'\nsleep 60");
        TestRegistry ann = shared.clone("ann");
        ann.append("registry/prompts/billing_refund/template.md", "Cite the policy.\n");
        Map<String, String> before = ann.snapshot();
        Map<String, String> remoteBefore = shared.remoteRefs();

        CompletableFuture<RegCli.Result> bump = CompletableFuture.supplyAsync(
                () -> shared.reg(ann, "bump", "prompt", "billing_refund", "minor", "-m", "Cite the policy.", "--push"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(marker) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(marker), "the push reached the server's hook");
        server.kill();
        RegCli.Result res = bump.get(3, TimeUnit.MINUTES);
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("could not publish to origin: "), res.err());
        assertTrue(res.err().contains("nothing was changed in this clone"), res.err());
        assertTrue(res.err().contains("run 'reg fetch origin'"), res.err());
        ann.assertUnchangedSince(before);
        ann.assertNoChangeInFlight();
        assertEquals(remoteBefore, shared.remoteRefs(), "the hook never let the push in");

        // the server is back (on another port), without the hook: the same command now publishes
        Files.delete(hook);
        server = ServerKind.GIT_DAEMON.start(tmp.resolve("server"));
        ann.git("remote", "set-url", "origin", server.url("reg.git"));
        RegCli.Result again = shared.reg(ann, "bump", "prompt", "billing_refund", "minor", "-m", "Cite the policy.", "--push");
        assertEquals(0, again.exit(), again.all());
        shared.assertInStep(ann);
    }

    @Test
    void aServerWithoutAtomicPushGetsTagsFirstThenTheBranchAndSaysSo() {
        server = ServerKind.GIT_DAEMON.start(tmp.resolve("server"));
        SharedRegistry shared = SharedRegistry.seed(server, tmp, "receive.advertiseAtomic", "false");
        TestRegistry ann = shared.clone("ann");
        TestRegistry bob = shared.clone("bob");
        ann.append("registry/prompts/billing_refund/template.md", "Cite.\n");
        RegCli.Result res = shared.reg(ann, "bump", "prompt", "billing_refund", "minor", "-m", "Cite.", "--push");
        assertEquals(0, res.exit(), res.all());
        assertTrue(res.out().contains("note: origin does not offer atomic pushes; the tags were created first, then the branch moved"),
                res.out());
        shared.assertInStep(ann);

        // a race on such a server: the loser's tag is refused (create-only) and its clone unchanged
        SharedRegistry.onceBeforePush(() -> {
            ann.append("registry/prompts/billing_refund/template.md", "Theirs.\n");
            assertEquals(0, shared.reg(ann, "bump", "prompt", "billing_refund", "minor", "-m", "Theirs.", "--push").exit());
        });
        bob.git("pull", "-q", "--ff-only");
        bob.append("registry/prompts/billing_refund/template.md", "Mine.\n");
        Map<String, String> before = bob.snapshot();
        RegCli.Result lost = shared.reg(bob, "bump", "prompt", "billing_refund", "minor", "-m", "Mine.", "--push");
        Faults.watch(null);
        assertEquals(3, lost.exit(), lost.all());
        assertTrue(lost.err().contains("prompt/billing_refund@1.2.0 was published by ann"), lost.err());
        bob.assertUnchangedSince(before);
        assertEquals(shared.remote("refs/tags/prompt/billing_refund@1.2.0"), ann.git("rev-parse", "prompt/billing_refund@1.2.0").strip());
    }

    @Test
    void smartHttpWithBasicAuthPublishesThroughTheCredentialHelper() {
        server = ServerKind.HTTP.start(tmp.resolve("server"));
        SharedRegistry shared = SharedRegistry.seed(server, tmp);
        TestRegistry ann = shared.clone("ann");
        ann.append("registry/prompts/billing_refund/template.md", "Cite.\n");
        RegCli.Result res = shared.reg(ann, "bump", "prompt", "billing_refund", "minor", "-m", "Cite.", "--push");
        assertEquals(0, res.exit(), res.all());
        assertTrue(res.out().contains("pushed to origin: main at "), res.out());
        shared.assertInStep(ann);
        // without the credentials nothing moves, and the message names no secret
        ann.append("registry/prompts/billing_refund/template.md", "Again.\n");
        Map<String, String> before = ann.snapshot();
        RegCli.Result denied = RegCli.run(ann.root(), "bump", "prompt", "billing_refund", "minor", "-m", "Again.", "--push");
        assertEquals(3, denied.exit(), denied.all());
        ann.assertUnchangedSince(before);
    }

    /**
     * The shared registry on OpenSSH's sshd on 127.0.0.1 (generated host and client keys, the
     * client's in {@code HOME/.ssh} where reg's own ssh client looks), as a team shares one on a Git host.
     */
    private SharedRegistry overSsh() {
        server = ServerKind.SSH.start(tmp.resolve("server"));
        SharedRegistry shared = SharedRegistry.seed(server, tmp);
        assertTrue(shared.url.startsWith("ssh://"), shared.url);
        return shared;
    }

    @Test
    void bumpWithPushOverSshLandsTheBranchAndTheTagInOnePush() throws Exception {
        SharedRegistry shared = overSsh();
        // pre-receive runs once per push with every ref update of it on stdin
        Path pushes = tmp.resolve("pushes.log");
        shared.hook("pre-receive", "{ echo push; cat; } >> '" + pushes + "'");
        TestRegistry a = shared.clone("ann");
        RegCli.Result res = shared.bump(a, "prompt", "billing_refund", "template.md", "Cite the policy.", "--push");
        assertEquals(0, res.exit(), res.all());
        String main = shared.remote("main");
        assertTrue(res.out().contains("pushed to origin: main at " + main.substring(0, 12) + ", tag prompt/billing_refund@1.1.0"),
                res.out());
        List<String> log = Files.readAllLines(pushes);
        assertEquals(3, log.size(), "one push holding the branch and the tag: " + log);
        assertEquals("push", log.get(0), log.toString());
        assertTrue(log.get(1).endsWith(" " + main + " refs/heads/main"), log.toString());
        assertTrue(log.get(2).endsWith(" refs/tags/prompt/billing_refund@1.1.0"), log.toString());
        assertEquals(main, shared.remote("refs/tags/prompt/billing_refund@1.1.0^{commit}"), "the tag names the pushed commit");
        shared.assertInStep(a);
    }

    @Test
    void aTagTheServerRefusesOverSshTakesTheBranchWithIt() throws Exception {
        SharedRegistry shared = overSsh();
        // the update hook refuses the tag alone; an atomic push then lands nothing at all
        shared.hook("update", "case \"$1\" in refs/tags/*) echo \"no tags today\" >&2; exit 1;; esac\nexit 0");
        TestRegistry a = shared.clone("ann");
        Map<String, String> remoteBefore = shared.remoteRefs();
        a.append("registry/prompts/billing_refund/template.md", "Cite the policy.\n");
        Map<String, String> before = a.snapshot();
        RegCli.Result res = shared.reg(a, "bump", "prompt", "billing_refund", "minor", "-m", "Cite the policy.", "--push");
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("hook declined to update refs/tags/prompt/billing_refund@1.1.0; nothing was changed here or on origin"),
                res.err());
        assertEquals(remoteBefore, shared.remoteRefs(), "the branch moved without its tag");
        a.assertUnchangedSince(before);
        a.assertNoChangeInFlight();
    }

    @Test
    void aVersionTakenOverSshBetweenFetchAndPushIsRefusedWithExit3() {
        overSsh().assertAVersionRaceIsLostCleanly();
    }
}
