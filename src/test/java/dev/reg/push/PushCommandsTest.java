package dev.reg.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.release.TestGate;
import dev.reg.testing.EvalFixtures;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.ServerKind;
import dev.reg.util.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --push} on every writing command and {@code reg push}, against C git's daemon on loopback:
 * the branch and the new tags land on the remote in one push, the clone moves only once the remote
 * accepted, and every race is handled the way DESIGN.md says.
 */
class PushCommandsTest {
    @TempDir
    Path tmp;

    GitServer server;
    SharedRegistry shared;

    @BeforeEach
    void start() {
        server = ServerKind.GIT_DAEMON.start(tmp.resolve("server"));
        shared = SharedRegistry.seed(server, tmp);
    }

    @AfterEach
    void stop() {
        Faults.watch(null);
        server.close();
    }

    private RegCli.Result bump(TestRegistry r, String kind, String name, String file, String line, String... extra) {
        return shared.bump(r, kind, name, file, line, extra);
    }

    @Test
    void regPushSeedsTheRemoteAndThenHasNothingToPush() {
        TestRegistry seed = TestRegistry.open(tmp.resolve("seed"));
        shared.assertInStep(seed);
        assertEquals(Map.of(), Map.of(), "");
        assertTrue(shared.remoteRefs().containsKey("refs/tags/prompt/billing_refund@1.0.0"), shared.remoteRefs().toString());
        RegCli.Result again = seed.regOk("push", "origin");
        assertEquals("origin already has everything; nothing to push\n", again.out());
    }

    @Test
    void bumpWithPushPublishesTheBranchAndTagOnTheRemoteThenHere() {
        TestRegistry a = shared.clone("ann");
        RegCli.Result res = bump(a, "prompt", "billing_refund", "template.md", "Cite the policy.", "--push");
        assertEquals(0, res.exit(), res.all());
        assertTrue(res.out().contains("prompt/billing_refund@1.1.0 (was 1.0.0)"), res.out());
        assertTrue(res.out().contains("pushed to origin: main at " + shared.remote("main").substring(0, 12)
                + ", tag prompt/billing_refund@1.1.0"), res.out());
        shared.assertInStep(a);
        assertEquals(shared.remote("refs/remotes/origin/main".replace("refs/remotes/origin/", "")), a.git("rev-parse", "origin/main").strip());
    }

    @Test
    void aVersionSomeoneElsePublishedFirstIsRefusedNamingWhoAndWhen() {
        TestRegistry a = shared.clone("ann");
        TestRegistry b = shared.clone("bob");
        assertEquals(0, bump(a, "prompt", "billing_refund", "template.md", "Cite the policy.", "--push").exit());
        b.append("registry/prompts/billing_refund/template.md", "Be brief.\n");
        Map<String, String> before = b.snapshot();
        Map<String, String> remoteBefore = shared.remoteRefs();
        RegCli.Result res = b.reg("bump", "prompt", "billing_refund", "minor", "-m", "Be brief.", "--push");
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("registry/prompts/billing_refund changed on origin since this clone last took it:"
                + " prompt/billing_refund@1.1.0 was published by ann <ann@example.com> at "), res.err());
        assertTrue(res.err().contains("Take it with 'git pull'"), res.err());
        b.assertUnchangedSince(before);
        b.assertNoChangeInFlight();
        assertEquals(remoteBefore, shared.remoteRefs());
    }

    @Test
    void anArtifactSomeoneElseAddedFirstIsRefusedNamingWhoAndWhen() throws Exception {
        TestRegistry a = shared.clone("ann");
        TestRegistry b = shared.clone("bob");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        assertEquals(0, a.reg("add", "prompt", "notes", Files.writeString(outside.resolve("a.md"), "Ann's notes.\n").toString(), "--push")
                .exit());
        Map<String, String> before = b.snapshot();
        Map<String, String> remoteBefore = shared.remoteRefs();
        RegCli.Result res = b.reg("add", "prompt", "notes", Files.writeString(outside.resolve("b.md"), "Bob's notes.\n").toString(), "--push");
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("prompt/notes was registered before by ann <ann@example.com> at "), res.err());
        assertTrue(res.err().contains("(tag prompt/notes@0.1.0 exists); take it with 'git pull'"), res.err());
        b.assertUnchangedSince(before);
        b.assertNoChangeInFlight();
        assertEquals(remoteBefore, shared.remoteRefs());
    }

    @Test
    void aStaleCloneBumpingAnotherArtifactIsBuiltOnTheRemoteTipAndCatchesUp() {
        TestRegistry a = shared.clone("ann");
        TestRegistry b = shared.clone("bob");
        assertEquals(0, bump(a, "prompt", "billing_refund", "template.md", "Cite the policy.", "--push").exit());
        RegCli.Result res = bump(b, "dataset", "golden", "cases.jsonl", "{\"id\": \"FAQ-002\", \"input\": \"Refund\"}", "--push");
        assertEquals(0, res.exit(), res.all());
        assertTrue(res.out().contains("this clone also took 2 files changed on origin"), res.out());
        shared.assertInStep(b);
        assertEquals(a.read("registry/prompts/billing_refund/template.md"), b.read("registry/prompts/billing_refund/template.md"));
        assertTrue(shared.remoteRefs().containsKey("refs/tags/prompt/billing_refund@1.1.0"));
        assertTrue(shared.remoteRefs().containsKey("refs/tags/dataset/golden@1.1.0"));
    }

    @Test
    void aRemoteThatMovesBetweenFetchAndPushIsRebasedOnAndRetried() {
        TestRegistry a = shared.clone("ann");
        TestRegistry b = shared.clone("bob");
        SharedRegistry.onceBeforePush(() -> {
            RegCli.Result other = bump(a, "model", "cust-copilot", "model.json", "{}", "--push");
            assertEquals(0, other.exit(), other.all());
        });
        RegCli.Result res = bump(b, "prompt", "billing_refund", "template.md", "Cite the policy.", "--push");
        Faults.watch(null);
        assertEquals(0, res.exit(), res.all());
        assertTrue(res.out().contains("lost a race: origin got 'model/cust-copilot@1.1.0: {}' by ann <ann@example.com>"), res.out());
        assertTrue(res.out().contains("planned again on its new tip"), res.out());
        shared.assertInStep(b);
        assertTrue(shared.remoteRefs().containsKey("refs/tags/model/cust-copilot@1.1.0"));
        assertTrue(shared.remoteRefs().containsKey("refs/tags/prompt/billing_refund@1.1.0"));
    }

    @Test
    void aVersionTakenBetweenFetchAndPushIsRefusedAndTheCloneIsUnchanged() {
        shared.assertAVersionRaceIsLostCleanly();
    }

    @Test
    void aReleaseNumberTakenMeanwhileIsTakenAgainAsTheNextOne() {
        TestRegistry a = shared.clone("ann");
        TestRegistry b = shared.clone("bob");
        // the gate holds a broken prompt: both record a hold decision, and each takes a release number
        a.append("registry/prompts/billing_refund/template.md", "BROKEN\n");
        assertEquals(0, a.reg("bump", "prompt", "billing_refund", "minor", "-m", "broken", "--push").exit());
        TestGate gate = new TestGate();
        SharedRegistry.onceBeforePush(() -> {
            RegCli.Result held = RegCli.run(a.root(), gate, "release", "support_copilot", "--push");
            assertEquals(1, held.exit(), held.all());
        });
        RegCli.Result res = RegCli.run(b.root(), gate, "release", "support_copilot", "--push");
        Faults.watch(null);
        assertEquals(1, res.exit(), res.all());
        assertTrue(res.out().contains("lost a race: origin got 'hold support_copilot 1: hold (the gate did not pass)' by ann <ann@example.com>"),
                res.out());
        assertTrue(res.out().contains("support_copilot 2"), res.out());
        shared.assertInStep(b);
        String ledger = b.read("registry/releases/support_copilot.yaml");
        assertTrue(ledger.contains("n: 1") && ledger.contains("n: 2"), ledger);
        assertTrue(Files.exists(b.path("adr/0002-release-support-copilot-1.md")), "the winner's memo");
        assertTrue(Files.exists(b.path("adr/0003-release-support-copilot-2.md")), "this memo, numbered after the winner's");
    }

    @Test
    void theSameCompositeReleasedBySomeoneElseFirstIsSaidAndExitsZero() {
        TestRegistry a = shared.clone("ann");
        TestRegistry b = shared.clone("bob");
        TestGate gate = new TestGate();
        SharedRegistry.onceBeforePush(() -> {
            assertEquals(0, RegCli.run(a.root(), gate, "release", "support_copilot", "--push").exit());
        });
        Map<String, String> before = b.snapshot();
        RegCli.Result res = RegCli.run(b.root(), gate, "release", "support_copilot", "--push");
        Faults.watch(null);
        assertEquals(0, res.exit(), res.all());
        assertTrue(res.out().contains("nothing to release: the composite model/cust-copilot@1.0.0 + prompt/billing_refund@1.0.0"
                + " + dataset/golden@1.0.0 is the live release 1"), res.out());
        assertTrue(res.out().contains("published first on origin (release 1 by ann <ann@example.com> at "), res.out());
        b.assertUnchangedSince(before);
        assertFalse(shared.remoteRefs().containsKey("refs/tags/release/support_copilot/2"));
        // a stale clone asking later is told the same, and exits 0
        TestRegistry c = TestRegistry.open(tmp.resolve("bob"));
        assertEquals(0, RegCli.run(c.root(), gate, "release", "support_copilot", "--push").exit());
    }

    @Test
    void everyWritingCommandPublishesToTheRemote() throws Exception {
        TestRegistry a = shared.clone("ann");
        TestGate gate = new TestGate();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path file = Files.writeString(outside.resolve("notes.md"), "Notes.\n");
        RegCli.Result add = a.reg("add", "prompt", "notes", file.toString(), "--push");
        assertEquals(0, add.exit(), add.all());
        shared.assertInStep(a);
        assertEquals(0, bump(a, "prompt", "billing_refund", "template.md", "Cite.", "--push=origin").exit());
        shared.assertInStep(a);
        RegCli.Result imported = a.reg("eval", "import", EvalFixtures.write(outside, "run.jsonl",
                "{\"id\":\"FAQ-001\",\"pass\":true}\n").toString(), "-w", "support_copilot", "--push");
        assertEquals(0, imported.exit(), imported.all());
        assertTrue(imported.out().contains("pushed to origin"), imported.out());
        shared.assertInStep(a);
        assertEquals(0, RegCli.run(a.root(), gate, "release", "support_copilot", "--push").exit());
        assertTrue(shared.remoteRefs().containsKey("refs/tags/release/support_copilot/1"));
        assertEquals(0, bump(a, "prompt", "billing_refund", "template.md", "Shorter.", "--push").exit());
        assertEquals(0, RegCli.run(a.root(), gate, "release", "support_copilot", "--push").exit());
        shared.assertInStep(a);
        for (String[] cmd : new String[][] {
                {"mark", "support_copilot", "2", "bad", "--reason", "refund loop", "--push"},
                {"rollback", "support_copilot", "--reason", "refund loop", "--push"},
                {"freeze", "support_copilot", "--reason", "incident", "--push"},
                {"unfreeze", "support_copilot", "--reason", "fixed", "--push"}}) {
            String before = shared.remote("main");
            RegCli.Result res = a.reg(cmd);
            assertEquals(0, res.exit(), String.join(" ", cmd) + ": " + res.all());
            assertTrue(res.out().contains("pushed to origin"), res.out());
            assertNotEquals(before, shared.remote("main"), cmd[0]);
            shared.assertInStep(a);
        }
        assertTrue(shared.remoteRefs().containsKey("refs/tags/release/support_copilot/3"), "the rollback's release tag");
    }

    @Test
    void localCommitsNotOnTheRemoteAreRefusedUntilPublishedWithRegPush() {
        TestRegistry a = shared.clone("ann");
        a.write("notes.txt", "mine\n");
        a.commitAll("a local commit");
        Map<String, String> before = a.snapshot();
        RegCli.Result res = bump(a, "prompt", "billing_refund", "template.md", "Cite.", "--push");
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("this clone's main has commits origin does not have; the change is built on origin's tip,"
                + " so publish yours first: 'reg push origin', then run the command again"), res.err());
        a.git("checkout", "--", "registry/prompts/billing_refund/template.md");
        RegCli.Result pushed = a.regOk("push");
        assertTrue(pushed.out().startsWith("pushed to origin: main at "), pushed.out());
        assertEquals(0, bump(a, "prompt", "billing_refund", "template.md", "Cite.", "--push").exit());
        shared.assertInStep(a);
        assertFalse(before.isEmpty());
    }

    @Test
    void regPushRefusesATagThatDiffersFromTheRemotes() {
        TestRegistry a = shared.clone("ann");
        TestRegistry b = shared.clone("bob");
        assertEquals(0, bump(a, "prompt", "billing_refund", "template.md", "Theirs.", "--push").exit());
        // b made the same version offline, without --push
        assertEquals(0, bump(b, "prompt", "billing_refund", "template.md", "Mine.").exit());
        RegCli.Result res = b.reg("push");
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("prompt/billing_refund@1.1.0 differs from origin's; reg never overwrites a published tag"), res.err());
        assertNotEquals(shared.remote("refs/tags/prompt/billing_refund@1.1.0"), b.git("rev-parse", "prompt/billing_refund@1.1.0").strip());
    }

    @Test
    void aPushTheServerRejectsLeavesTheCloneUnchangedAndSaysWhy() throws Exception {
        shared.hook("pre-receive", "echo 'policy: registry changes need a review' >&2\nexit 1");
        TestRegistry a = shared.clone("ann");
        a.append("registry/prompts/billing_refund/template.md", "Cite.\n");
        Map<String, String> before = a.snapshot();
        Map<String, String> remoteBefore = shared.remoteRefs();
        RegCli.Result res = a.reg("bump", "prompt", "billing_refund", "minor", "-m", "Cite.", "--push");
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("origin refused the push: "), res.err());
        assertTrue(res.err().contains("nothing was changed here or on origin"), res.err());
        a.assertUnchangedSince(before);
        a.assertNoChangeInFlight();
        assertEquals(remoteBefore, shared.remoteRefs());
    }
}
