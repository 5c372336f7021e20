package dev.reg.git.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.ServerKind;
import dev.reg.testing.servers.SshGitServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * reg's own reading of ls-refs (protocol v2) and of the v0 advertisement, against C git's daemon
 * and OpenSSH with and without {@code GIT_PROTOCOL} passed on: it must say exactly what C git's
 * {@code ls-remote} says, peeled tags included.
 */
class WireRefListingTest {
    @TempDir
    Path tmp;

    private GitServer start(String server) {
        return switch (server) {
            case "git-daemon" -> ServerKind.GIT_DAEMON.start(tmp.resolve("server"));
            case "ssh" -> ServerKind.SSH.start(tmp.resolve("server"));
            case "ssh-v0" -> SshGitServer.startWithoutProtocolV2(tmp.resolve("server"));
            default -> throw new IllegalArgumentException(server);
        };
    }

    /** main, annotated version and release tags, a lightweight tag, and a second branch. */
    private LocalRepo seed(GitServer server) {
        LocalRepo publisher = LocalRepo.publishTwoVersions(server, tmp.resolve("publisher"), "release/support/1", "model/y@2.0.0");
        GitCli.ok(publisher.dir, "tag", "light");
        GitCli.Result pushed = GitCli.run(publisher.dir, server.clientEnvironment(), "push", "-q", "origin", "light", "main:other");
        assertEquals(0, pushed.exit(), pushed.err());
        return publisher;
    }

    /** C git's ls-remote of {@code pattern} ("" for all): ref → id, and ref^{} → peeled id. */
    private static Map<String, String> cgitLsRemote(GitServer server, LocalRepo repo, String... patterns) {
        Map<String, String> out = new TreeMap<>();
        String[] args = new String[2 + patterns.length];
        args[0] = "ls-remote";
        args[1] = "origin";
        System.arraycopy(patterns, 0, args, 2, patterns.length);
        for (String line : GitCli.run(repo.dir, server.clientEnvironment(), args).out().split("\n")) {
            String[] p = line.split("\t");
            if (p.length == 2 && p[1].startsWith("refs/")) {
                out.put(p[1], p[0]);
            }
        }
        return out;
    }

    private static Map<String, String> asLsRemote(RefTable refs, String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < refs.size(); i++) {
            RemoteRef r = refs.ref(i);
            if (r.name().startsWith(prefix)) {
                out.put(r.name(), r.id().name());
                if (r.peeled() != null) {
                    out.put(r.name() + "^{}", r.peeled().name());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"git-daemon", "ssh", "ssh-v0"})
    void listsWhatCGitsLsRemoteListsPeeledTagsIncluded(String kind) throws Exception {
        try (GitServer server = start(kind)) {
            LocalRepo publisher = seed(server);
            try (Remotes remotes = Remotes.open(publisher.dir, server.clientSettings());
                    Transport t = remotes.connections().open(null, remotes.resolve("origin").fetchUrl())) {
                assertTrue(WireRefListing.supports(t));

                RefAdvertisement all = WireRefListing.list(t, List.of()).orElseThrow();
                assertEquals(cgitLsRemote(server, publisher), asLsRemote(all.refs(), ""));
                // a v0 server advertises everything, whatever was asked; a v2 server only what was asked
                assertEquals(kind.equals("ssh-v0"), all.everything());

                RefAdvertisement tags = WireRefListing.list(t, List.of("refs/tags/prompt/", "refs/tags/release/"))
                        .orElseThrow();
                Map<String, String> expected = new TreeMap<>(cgitLsRemote(server, publisher, "refs/tags/prompt/*"));
                expected.putAll(cgitLsRemote(server, publisher, "refs/tags/release/*"));
                if (tags.everything()) {
                    assertEquals(cgitLsRemote(server, publisher), asLsRemote(tags.refs(), ""));
                } else {
                    assertEquals(expected, asLsRemote(tags.refs(), ""));
                }
                assertEquals(3, expected.size() / 2, "both version tags of prompt/x and the release tag, each with its peeled line");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"git-daemon", "ssh", "ssh-v0"})
    void aReadWithoutACloneAnswersEachPrefixWhetherTheServerSentOnlyItOrEverything(String kind) {
        try (GitServer server = start(kind)) {
            LocalRepo publisher = seed(server);
            Map<String, String> cgit = cgitLsRemote(server, publisher);
            try (RemoteRegistrySource remote = RemoteRegistrySource.open(server.clientSettings(), server.url("reg.git"), tmp)) {
                // one prefix listed, then another: a v2 listing covers only the first, a v0 one everything
                assertEquals(List.of("refs/tags/prompt/x@1.0.0", "refs/tags/prompt/x@1.1.0"), remote.refNames("refs/tags/prompt/x@"));
                Map<String, String> releases = new TreeMap<>();
                remote.refsPeeled("refs/tags/release/").forEach((name, id) -> releases.put(name, id.name()));
                assertEquals(Map.of("refs/tags/release/support/1", cgit.get("refs/tags/release/support/1^{}")), releases);
                assertTrue(remote.refExists("refs/tags/light"));
                assertEquals(cgit.get("refs/tags/light"), remote.refsPeeled("refs/tags/light").get("refs/tags/light").name());
                assertEquals(List.of("refs/heads/main", "refs/heads/other"), remote.refNames("refs/heads/"));
                assertFalse(remote.refExists("refs/tags/prompt/x@9.9.9"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"git-daemon", "ssh"})
    void aRepositoryTheServerDoesNotHaveIsLeftToJGitToReport(String kind) throws Exception {
        try (GitServer server = start(kind)) {
            LocalRepo publisher = seed(server);
            String missing = server.url("nothing-here.git");
            try (Remotes remotes = Remotes.open(publisher.dir, server.clientSettings());
                    Transport t = remotes.connections().open(null, missing)) {
                assertEquals(Optional.empty(), WireRefListing.list(t, List.of("refs/tags/")));
                RemoteAccessException e = org.junit.jupiter.api.Assertions.assertThrows(RemoteAccessException.class,
                        () -> remotes.lsRemote(remotes.resolve(missing), "refs/tags/"));
                assertEquals(RemoteAccessException.Kind.NO_REPOSITORY, e.kind());
            }
        }
    }

    @Test
    void httpAndLocalPathsAreLeftToJGit() throws Exception {
        Path dir = tmp.resolve("repo");
        GitCli.ok(tmp, "init", "-q", dir.toString());
        try (Remotes remotes = Remotes.open(dir, new RemoteSettings(tmp, tmp.resolve(".ssh"), Map.of(), 5))) {
            for (String url : List.of("http://127.0.0.1:1/reg.git", "https://example.invalid/reg.git", dir.toString())) {
                try (Transport t = remotes.connections().open(null, url)) {
                    assertFalse(WireRefListing.supports(t), url);
                }
            }
        }
    }
}
