package dev.reg.git.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.git.remote.PushOutcome.Accepted;
import dev.reg.git.remote.PushOutcome.Failed;
import dev.reg.git.remote.PushOutcome.Mode;
import dev.reg.git.remote.PushOutcome.Rejected;
import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.ServerKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Atomic publication against real servers: accepted, lost races (branch moved, tag taken), a server
 * without the atomic capability, eight pushers racing for one tag, and a connection killed mid-push.
 */
class AtomicPushTest {
    private static final String NON_ATOMIC = "receive.advertiseAtomic";

    @TempDir
    Path tmp;

    /** A server with repository reg.git at one commit, and our clone of it. */
    private record Setup(GitServer server, Path bare, LocalRepo mine, ObjectId base) {
        String remoteRef(String ref) {
            return LocalRepo.refIn(bare, ref);
        }
    }

    private Setup setup(GitServer server, String... repoConfig) {
        Path bare = server.createRepo("reg.git", repoConfig);
        LocalRepo publisher = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("publisher"));
        publisher.commitAndPush(server, "registry/registry.yaml", "registry: 1\n", "prompt/x@1.0.0");
        LocalRepo mine = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("mine"));
        return new Setup(server, bare, mine, mine.headId());
    }

    private static PushRequest change(Setup s, ObjectId base, String version, String... extraTags) {
        ObjectId tip = s.mine().commitObject(base, "registry/prompts/x/artifact.yaml",
                ("version: " + version + "\n").getBytes(StandardCharsets.UTF_8), "bump x to " + version);
        Map<String, ObjectId> tags = new java.util.TreeMap<>();
        tags.put("prompt/x@" + version, s.mine().tagObject("prompt/x@" + version, tip, "x " + version));
        for (String t : extraTags) {
            tags.put(t, s.mine().tagObject(t, tip, t));
        }
        return new PushRequest("main", base, tip, tags);
    }

    /** Another clone commits and pushes (with {@code tags}) through the server; returns the new remote tip. */
    private String someoneElsePushes(Setup s, String path, String content, String... tags) {
        LocalRepo other = LocalRepo.cloneOf(s.server(), "reg.git", tmp.resolve("other"));
        return other.commitAndPush(s.server(), path, content, tags);
    }

    private static PushOutcome push(Setup s, PushRequest req) {
        try (Remotes remotes = Remotes.open(s.mine().dir, s.server().clientSettings())) {
            return remotes.atomicPush(remotes.resolve("origin"), req);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void anAcceptedPushMovesTheBranchAndCreatesEveryTag(ServerKind kind) {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            Setup s = setup(server);
            Map<String, String> before = s.mine().refs();
            PushRequest req = change(s, s.base(), "1.1.0", "release/support/1");

            PushOutcome out = push(s, req);

            Accepted ok = assertInstanceOf(Accepted.class, out, () -> out.toString());
            assertEquals(Mode.ATOMIC, ok.mode());
            assertEquals(List.of("prompt/x@1.1.0", "release/support/1"), ok.tags());
            assertEquals(req.newTip().name(), s.remoteRef("refs/heads/main"));
            assertEquals(req.newTags().get("prompt/x@1.1.0").name(), s.remoteRef("refs/tags/prompt/x@1.1.0"));
            assertEquals(req.newTags().get("release/support/1").name(), s.remoteRef("refs/tags/release/support/1"));
            LocalRepo.assertFsckClean(s.bare());
            // locally only the remote-tracking ref follows; publishing the branch and tags is the caller's step
            Map<String, String> after = s.mine().refs();
            assertEquals(req.newTip().name(), after.remove("refs/remotes/origin/main"));
            before.remove("refs/remotes/origin/main");
            assertEquals(before, after);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aPushThatLostTheRaceIsRejectedWithTheNewRemoteTipAndChangesNothing(ServerKind kind) {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            Setup s = setup(server);
            PushRequest req = change(s, s.base(), "1.1.0");
            // between our fetch and our push, someone else lands a commit
            String theirs = someoneElsePushes(s, "registry/prompts/y/artifact.yaml", "version: 1.0.0\n");
            Map<String, String> before = s.mine().refs();

            PushOutcome out = push(s, req);

            Rejected no = assertInstanceOf(Rejected.class, out, () -> out.toString());
            assertEquals(Mode.ATOMIC, no.mode());
            PushOutcome.BranchMoved moved = no.branchMoved().orElseThrow();
            assertEquals(s.base(), moved.expected());
            assertEquals(theirs, moved.actual().name());
            assertEquals(List.of(), no.tagsTaken());
            assertEquals(theirs, s.remoteRef("refs/heads/main"));
            assertNull(s.remoteRef("refs/tags/prompt/x@1.1.0"), "a tag of the rejected push reached the remote");
            assertEquals(before, s.mine().refs());
            LocalRepo.assertFsckClean(s.mine().dir);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aTagTheRemoteAlreadyHasIsRejectedWithItsObjectAndTheBranchStays(ServerKind kind) {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            Setup s = setup(server);
            PushRequest req = change(s, s.base(), "1.1.0");
            someoneElsePushes(s, "registry/prompts/x/artifact.yaml", "version: 1.1.0 (theirs)\n", "prompt/x@1.1.0");
            String theirTag = s.remoteRef("refs/tags/prompt/x@1.1.0");
            String theirTip = s.remoteRef("refs/heads/main");
            // the remote branch is back where we built on, so only the tag conflicts
            dev.reg.testing.GitCli.ok(s.bare(), "update-ref", "refs/heads/main", s.base().name());

            PushOutcome out = push(s, req);

            Rejected no = assertInstanceOf(Rejected.class, out, () -> out.toString());
            assertEquals(Optional.empty(), no.branchMoved());
            assertEquals(1, no.tagsTaken().size());
            PushOutcome.TagTaken taken = no.tagsTaken().get(0);
            assertEquals("prompt/x@1.1.0", taken.tag());
            assertEquals(theirTag, taken.remoteObject().name());
            assertEquals(theirTip, taken.remotePeeled().name());
            assertEquals(s.base().name(), s.remoteRef("refs/heads/main"), "the branch moved although its tag was refused");
            assertEquals(theirTag, s.remoteRef("refs/tags/prompt/x@1.1.0"));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aServerWithoutAtomicPushGetsTagsFirstThenTheBranch(ServerKind kind) {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            Setup s = setup(server, NON_ATOMIC, "false");
            PushRequest req = change(s, s.base(), "1.1.0", "release/support/1");

            PushOutcome out = push(s, req);

            Accepted ok = assertInstanceOf(Accepted.class, out, () -> out.toString());
            assertEquals(Mode.TAGS_THEN_BRANCH, ok.mode());
            assertEquals(req.newTip().name(), s.remoteRef("refs/heads/main"));
            assertEquals(req.newTags().get("release/support/1").name(), s.remoteRef("refs/tags/release/support/1"));

            // next change loses a race on the branch: refused before anything is sent, so no tag is created
            // (the mode of a push refused from the ref advertisement alone is not asserted: the server's
            // capabilities never came into play)
            PushRequest late = change(s, s.base(), "1.2.0");
            PushOutcome out2 = push(s, late);
            Rejected no = assertInstanceOf(Rejected.class, out2, () -> out2.toString());
            assertEquals(req.newTip(), no.branchMoved().orElseThrow().actual());
            assertEquals(List.of(), no.tagsLeftOnRemote());
            assertNull(s.remoteRef("refs/tags/prompt/x@1.2.0"));

            // and one whose tag someone else took: refused, branch untouched
            PushRequest taken = change(s, req.newTip(), "1.1.0");
            PushOutcome out3 = push(s, taken);
            Rejected no3 = assertInstanceOf(Rejected.class, out3, () -> out3.toString());
            assertEquals(req.newTags().get("prompt/x@1.1.0"), no3.tagsTaken().get(0).remoteObject());
            assertEquals(req.newTip().name(), s.remoteRef("refs/heads/main"));
        }
    }

    static Stream<Arguments> everyServerAtomicOrNot() {
        List<Arguments> out = new ArrayList<>();
        for (ServerKind k : ServerKind.values()) {
            out.add(Arguments.of(k, true));
            out.add(Arguments.of(k, false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} atomic={1}")
    @MethodSource("everyServerAtomicOrNot")
    void ofEightConcurrentPushersOfOneNewTagExactlyOneWins(ServerKind kind, boolean atomic) throws Exception {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            Setup s = atomic ? setup(server) : setup(server, NON_ATOMIC, "false");
            ObjectId tip = s.mine().commitObject(s.base(), "registry/prompts/x/artifact.yaml",
                    "version: 2.0.0\n".getBytes(StandardCharsets.UTF_8), "bump x to 2.0.0");
            int n = 8;
            List<PushRequest> requests = new ArrayList<>();
            for (int i = 0; i < n; i++) { // eight different tag objects, one tag name
                requests.add(new PushRequest("main", s.base(), tip,
                        Map.of("prompt/x@2.0.0", s.mine().tagObject("prompt/x@2.0.0", tip, "pusher " + i))));
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<Future<PushOutcome>> futures = new ArrayList<>();
            for (PushRequest r : requests) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return push(s, r);
                }));
            }
            go.countDown();
            List<PushOutcome> outcomes = new ArrayList<>();
            for (Future<PushOutcome> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();

            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (outcomes.get(i) instanceof Accepted a) {
                    assertEquals(atomic ? Mode.ATOMIC : Mode.TAGS_THEN_BRANCH, a.mode());
                    winners.add(i);
                }
            }
            assertEquals(1, winners.size(), "winners: " + winners + " of " + outcomes);
            ObjectId winning = requests.get(winners.get(0)).newTags().get("prompt/x@2.0.0");
            assertEquals(winning.name(), s.remoteRef("refs/tags/prompt/x@2.0.0"));
            assertEquals(tip.name(), s.remoteRef("refs/heads/main"));
            for (int i = 0; i < n; i++) {
                if (i != winners.get(0)) {
                    PushOutcome o = outcomes.get(i);
                    Rejected r = assertInstanceOf(Rejected.class, o, () -> o.toString());
                    assertEquals(1, r.tagsTaken().size(), o.toString());
                    assertEquals(winning, r.tagsTaken().get(0).remoteObject());
                }
            }
            LocalRepo.assertFsckClean(s.bare());
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aConnectionKilledMidPushIsAFailureAndNothingChangesOnEitherSide(ServerKind kind) throws Exception {
        GitServer server = kind.start(tmp.resolve("server"));
        try {
            Setup s = setup(server);
            byte[] big = new byte[48 * 1024 * 1024];
            new Random(42).nextBytes(big); // incompressible, so the pack takes a while to send
            ObjectId tip = s.mine().commitObject(s.base(), "registry/datasets/big/cases.bin", big, "big dataset");
            PushRequest req = new PushRequest("main", s.base(), tip,
                    Map.of("dataset/big@1.0.0", s.mine().tagObject("dataset/big@1.0.0", tip, "big")));
            Map<String, String> before = s.mine().refs();
            AtomicBoolean killedMidTransfer = new AtomicBoolean();
            Thread killer = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline) {
                    // the server is reading our pack right now
                    if (server.workerRunning("index-pack") || server.workerRunning("unpack-objects")) {
                        server.kill();
                        killedMidTransfer.set(true);
                        return;
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            killer.start();

            PushOutcome out = push(s, req);
            killer.join();

            assertTrue(killedMidTransfer.get(), "the server was never seen receiving the pack");
            Failed failed = assertInstanceOf(Failed.class, out, () -> out.toString());
            assertEquals(RemoteAccessException.Kind.CONNECTION_LOST, failed.kind(), failed.message());
            assertEquals(PushOutcome.RemoteState.UNKNOWN, failed.remoteState(), "the remote is down, so nobody can know");
            assertEquals(before, s.mine().refs());
            assertEquals(s.base().name(), s.remoteRef("refs/heads/main"));
            assertNull(s.remoteRef("refs/tags/dataset/big@1.0.0"));
        } finally {
            server.close();
        }
    }
}
