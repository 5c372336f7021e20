package dev.reg.git.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.HttpGitServer;
import dev.reg.testing.servers.ServerKind;
import dev.reg.testing.servers.SshGitServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ls-remote, fetch and reads without a clone, against C git's daemon, OpenSSH and http-backend. */
class RemoteReadsTest {
    @TempDir
    Path tmp;

    /** A remote with main, two reg version tags, a release tag and a tag reg does not own. */
    private LocalRepo seed(GitServer server) {
        return LocalRepo.publishTwoVersions(server, tmp.resolve("publisher"), "release/support/1", "v-not-reg");
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void lsRemoteIsTheRemotesRefsWithPeeledTags(ServerKind kind) {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            LocalRepo publisher = seed(server);
            try (Remotes remotes = Remotes.open(publisher.dir, server.clientSettings())) {
                RemoteRefs refs = remotes.lsRemote(remotes.resolve("origin"));

                // exactly what C git's ls-remote says, peeled lines included
                Map<String, String> cgit = new TreeMap<>();
                for (String line : GitCli.run(publisher.dir, server.clientEnvironment(), "ls-remote", "origin").out().split("\n")) {
                    String[] p = line.split("\t");
                    if (p[1].startsWith("refs/")) {
                        cgit.put(p[1], p[0]);
                    }
                }
                Map<String, String> ours = new TreeMap<>();
                refs.withPrefix("").forEach((name, r) -> {
                    ours.put(name, r.id().name());
                    if (r.peeled() != null) {
                        ours.put(name + "^{}", r.peeled().name());
                    }
                });
                assertEquals(cgit, ours);

                assertEquals(Optional.of(publisher.headId()), refs.branchTip("main"));
                RemoteRef tag = refs.get("refs/tags/prompt/x@1.1.0").orElseThrow();
                assertTrue(tag.annotatedTag());
                assertEquals(publisher.headId(), tag.target());
                assertEquals(List.of("refs/tags/prompt/x@1.0.0", "refs/tags/prompt/x@1.1.0"), refs.refNames("refs/tags/prompt/x@"));
                assertEquals(List.of("refs/tags/prompt/x@1.0.0", "refs/tags/prompt/x@1.1.0", "refs/tags/release/support/1"),
                        List.copyOf(refs.regTags().keySet()));

                // with prefixes only the matching refs come back
                RemoteRefs some = remotes.lsRemote(remotes.resolve("origin"), "refs/tags/release/");
                assertEquals(List.of("refs/tags/release/support/1"), some.refNames(""));
            }
        }
    }

    /** Repository reg.git on the server with one commit (and {@code tags}) pushed from a clone, which is returned. */
    private LocalRepo publisherWithOneCommit(GitServer server, String... tags) {
        server.createRepo("reg.git");
        LocalRepo publisher = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("publisher"));
        publisher.commitAndPush(server, "a.txt", "one\n", tags);
        return publisher;
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void fetchBringsTheBranchAndNewRegTagsAndNeverOverwritesALocalTag(ServerKind kind) {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            LocalRepo publisher = publisherWithOneCommit(server, "prompt/x@1.0.0");
            LocalRepo mine = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("mine"));
            // my own, different prompt/x@1.1.0 (made while offline), then the remote gets another one
            GitCli.ok(mine.dir, "tag", "-a", "prompt/x@1.1.0", "-m", "mine");
            String myTag = LocalRepo.refIn(mine.dir, "refs/tags/prompt/x@1.1.0");
            String tip = publisher.commitAndPush(server, "a.txt", "two\n", "prompt/x@1.1.0", "release/support/1", "v-not-reg");
            Map<String, String> before = mine.refs();

            try (Remotes remotes = Remotes.open(mine.dir, server.clientSettings())) {
                FetchResult r = remotes.fetch(remotes.resolve("origin"), "main");
                assertEquals(Optional.of(ObjectId.fromString(tip)), r.remoteTip());
                assertEquals(Optional.of("refs/remotes/origin/main"), r.trackingRef());
                assertEquals(List.of("release/support/1"), r.newTags());
                assertTrue(r.objectsFetched());
                assertEquals(1, r.tags().differing().size());
                TagComparison.Difference d = r.tags().differing().get(0);
                assertEquals("prompt/x@1.1.0", d.tag());
                assertEquals(myTag, d.local().name());
                assertEquals(LocalRepo.refIn(server.repoPath("reg.git"), "refs/tags/prompt/x@1.1.0"), d.remote().name());
                assertFalse(d.sameCommit());
            }
            assertEquals(tip, LocalRepo.refIn(mine.dir, "refs/remotes/origin/main"));
            assertEquals(myTag, LocalRepo.refIn(mine.dir, "refs/tags/prompt/x@1.1.0"), "a local tag was overwritten");
            assertEquals(tip, LocalRepo.refIn(mine.dir, "release/support/1^{commit}"));
            assertNull(LocalRepo.refIn(mine.dir, "refs/tags/v-not-reg"), "a tag reg does not own was fetched");
            assertEquals(before.get("refs/heads/main"), mine.refs().get("refs/heads/main"), "fetch moved the local branch");
            LocalRepo.assertFsckClean(mine.dir);

            try (Remotes remotes = Remotes.open(mine.dir, server.clientSettings())) {
                FetchResult again = remotes.fetch(remotes.resolve("origin"), "main");
                assertFalse(again.objectsFetched(), "nothing was missing, yet a pack was asked for");
                assertEquals(List.of(), again.newTags());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void fetchOfManyTagsCreatesEachRegTagAndNoOther(ServerKind kind) {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            LocalRepo publisher = publisherWithOneCommit(server);
            LocalRepo mine = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("mine"));
            String tip = publisher.commitAndPush(server, "a.txt", "two\n");
            StringBuilder stdin = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                stdin.append("create refs/tags/prompt/p").append(i).append("@1.0.0 ").append(tip).append('\n');
            }
            stdin.append("create refs/tags/unrelated ").append(tip).append('\n');
            updateRefs(server.repoPath("reg.git"), stdin.toString());

            try (Remotes remotes = Remotes.open(mine.dir, server.clientSettings())) {
                FetchResult r = remotes.fetch(remotes.resolve("origin"), "main");
                assertEquals(300, r.newTags().size());
            }
            assertEquals(300, GitCli.ok(mine.dir, "tag", "-l", "prompt/*").lines().count());
            assertNull(LocalRepo.refIn(mine.dir, "refs/tags/unrelated"));
            LocalRepo.assertFsckClean(mine.dir);
        }
    }

    private static void updateRefs(Path gitDir, String commands) {
        try {
            Process p = new ProcessBuilder("git", "update-ref", "--stdin").directory(gitDir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().write(commands.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void readsOneFileAtARemoteRefFetchingOnlyItsBlob(ServerKind kind) {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            server.createRepo("reg.git");
            LocalRepo publisher = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("publisher"));
            byte[] big = new byte[2 * 1024 * 1024];
            new Random(7).nextBytes(big); // incompressible: a dataset that must not travel
            publisher.write("registry/datasets/golden/cases.bin", new String(big, StandardCharsets.ISO_8859_1));
            GitCli.ok(publisher.dir, "add", ".");
            publisher.commitAndPush(server, "registry/prompts/x/artifact.yaml", "id: x\nversion: 1.0.0\n", "prompt/x@1.0.0");
            publisher.commitAndPush(server, "registry/prompts/x/artifact.yaml", "id: x\nversion: 2.0.0\n");

            try (Remotes remotes = Remotes.withoutRepository(server.clientSettings())) {
                RemoteTarget url = remotes.resolve(server.url("reg.git"));
                try (RemoteTree tree = remotes.openTree(url, "refs/tags/prompt/x@1.0.0").orElseThrow()) {
                    assertEquals(RemoteTree.Fetch.BLOBLESS, tree.fetched());
                    assertEquals(List.of("datasets", "prompts"), List.copyOf(tree.list("registry")));
                    assertArrayEquals("id: x\nversion: 1.0.0\n".getBytes(StandardCharsets.UTF_8),
                            tree.read("registry/prompts/x/artifact.yaml").orElseThrow());
                    assertEquals(Optional.empty(), tree.read("registry/prompts/none/artifact.yaml"));
                    assertTrue(tree.bytesFetched() < 64 * 1024, "fetched " + tree.bytesFetched() + " bytes for one small file");
                }
                try (RemoteTree full = remotes.openTree(url, "refs/heads/main", RemoteTree.Fetch.FULL).orElseThrow()) {
                    assertEquals("id: x\nversion: 2.0.0\n",
                            new String(full.read("registry/prompts/x/artifact.yaml").orElseThrow(), StandardCharsets.UTF_8));
                    assertTrue(full.bytesFetched() > big.length, "a full fetch brought only " + full.bytesFetched() + " bytes");
                }
                assertEquals(Optional.empty(), remotes.openTree(url, "refs/tags/prompt/x@9.9.9"));
            }
            if (server instanceof HttpGitServer http) {
                assertTrue(http.requests().stream().allMatch(r -> HttpGitServer.USER.equals(r.user()) || r.status() == 401),
                        "a request was served without authentication: " + http.requests());
                assertTrue(http.requests().stream().anyMatch(r -> "gzip".equals(r.contentEncoding()) && r.status() == 200),
                        "no gzip-encoded request body went through http-backend");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aServerWithoutFiltersGetsAFullShallowFetch(ServerKind kind) {
        try (GitServer server = kind.start(tmp.resolve("server"))) {
            server.createRepo("reg.git", "uploadpack.allowFilter", "false");
            LocalRepo publisher = LocalRepo.cloneOf(server, "reg.git", tmp.resolve("publisher"));
            publisher.commitAndPush(server, "registry/prompts/x/artifact.yaml", "id: x\n", "prompt/x@1.0.0");
            try (Remotes remotes = Remotes.withoutRepository(server.clientSettings());
                    RemoteTree tree = remotes.openTree(remotes.resolve(server.url("reg.git")), "refs/tags/prompt/x@1.0.0").orElseThrow()) {
                assertEquals(RemoteTree.Fetch.FULL, tree.fetched());
                assertEquals("id: x\n", new String(tree.read("registry/prompts/x/artifact.yaml").orElseThrow(), StandardCharsets.UTF_8));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aProtocolV0ServerThatRefusesBlobWantsStillServesReads() {
        try (SshGitServer server = SshGitServer.startWithoutProtocolV2(tmp.resolve("server"))) {
            LocalRepo publisher = publisherWithOneCommit(server, "prompt/x@1.0.0");
            publisher.commitAndPush(server, "registry/prompts/x/artifact.yaml", "id: x\n", "prompt/x@1.1.0");
            try (Remotes remotes = Remotes.withoutRepository(server.clientSettings());
                    RemoteTree tree = remotes.openTree(remotes.resolve(server.url("reg.git")), "refs/tags/prompt/x@1.1.0").orElseThrow()) {
                // protocol v0 serves the blob-less fetch but wants only advertised tips: the blob comes with a full fetch
                assertEquals("id: x\n", new String(tree.read("registry/prompts/x/artifact.yaml").orElseThrow(), StandardCharsets.UTF_8));
                assertEquals(RemoteTree.Fetch.FULL, tree.fetched());
            }
        }
    }

    /**
     * Refs listed ahead of need on the background thread ({@code expectRefs}, as the overview does)
     * read exactly as refs listed when asked, also after another prefix was listed on top; on a
     * protocol v2 server (prefixes) and a v0 one (every ref at once). A listing nobody reads ends
     * quietly with close.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void refsListedAheadInTheBackgroundReadAsRefsListedWhenAsked(boolean protocolV2) {
        Path dir = tmp.resolve("server");
        try (GitServer server = protocolV2 ? ServerKind.GIT_DAEMON.start(dir) : SshGitServer.startWithoutProtocolV2(dir)) {
            LocalRepo publisher = seed(server);
            try (RemoteRegistrySource asked = RemoteRegistrySource.open(server.clientSettings(), "origin", publisher.dir);
                    RemoteRegistrySource ahead = RemoteRegistrySource.open(server.clientSettings(), "origin", publisher.dir)) {
                ahead.expectRefs("refs/tags/");
                ahead.expectRefs("refs/tags/"); // said twice, listed once
                List<String> tags = List.of("refs/tags/prompt/x@1.0.0", "refs/tags/prompt/x@1.1.0", "refs/tags/release/support/1",
                        "refs/tags/v-not-reg");
                assertEquals(tags, ahead.refNames("refs/tags/"));
                assertEquals(asked.refNames("refs/tags/"), ahead.refNames("refs/tags/"));
                assertEquals(Optional.of(dev.reg.git.GitId.of(publisher.headId())), ahead.resolveCommit("refs/heads/main"));
                // the tags listed first are still there after the branch was listed
                assertEquals(asked.refsPeeled("refs/tags/prompt/x@"), ahead.refsPeeled("refs/tags/prompt/x@"));
                assertEquals(2, ahead.refsPeeled("refs/tags/prompt/x@").size());
                assertTrue(ahead.refExists("refs/tags/v-not-reg"));
                assertFalse(ahead.refExists("refs/tags/prompt/x@9.0.0"));
            }
            try (RemoteRegistrySource unread = RemoteRegistrySource.open(server.clientSettings(), "origin", publisher.dir)) {
                unread.expectRefs("refs/tags/");
            }
        }
    }
}
