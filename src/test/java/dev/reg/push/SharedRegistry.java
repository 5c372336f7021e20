package dev.reg.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import dev.reg.testing.servers.GitServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registry shared through a real Git server on loopback: seeded with the support_copilot registry
 * (three artifacts at 1.0.0 and a gate file) by {@code reg push}, then cloned by C git as a
 * teammate would.
 */
final class SharedRegistry {
    final GitServer server;
    final Path bare;
    final Path tmp;
    final String url;
    /** The environment reg and C git reach the server with (its credentials; for ssh, a HOME whose .ssh has the key). */
    final Map<String, String> env;

    private SharedRegistry(GitServer server, Path bare, Path tmp, String url, Map<String, String> env) {
        this.server = server;
        this.bare = bare;
        this.tmp = tmp;
        this.url = url;
        this.env = env;
    }

    /** Seeds repository {@code reg.git} on {@code server} (created with {@code repoConfig}) from a fresh registry. */
    static SharedRegistry seed(GitServer server, Path tmp, String... repoConfig) {
        Path bare = server.createRepo("reg.git", repoConfig);
        String url = server.url("reg.git");
        TestRegistry seed = TestRegistry.supportCopilot(tmp.resolve("seed"));
        seed.write("registry/gates/support_copilot.yaml", "gates:\n  - {metric: pass, agg: mean, min: 0.5}\n");
        seed.commitAll("gate");
        seed.git("remote", "add", "origin", url);
        Map<String, String> env = server.userEnvironment(tmp.resolve("home"));
        RegCli.Result pushed = RegCli.run(seed.root(), env, "push");
        if (pushed.exit() != 0) {
            throw new AssertionError("seeding push failed: " + pushed.all());
        }
        return new SharedRegistry(server, bare, tmp, url, env);
    }

    /** A teammate's clone, made by C git; {@code name} is also the teammate ({@code name <name@example.com>}). */
    TestRegistry clone(String name) {
        Path dir = tmp.resolve(name);
        GitCli.Result cloned = GitCli.run(tmp, env, "clone", "-q", url, dir.toString());
        if (cloned.exit() != 0) {
            throw new AssertionError("git clone failed: " + cloned.err());
        }
        TestRegistry r = TestRegistry.open(dir);
        r.git("config", "user.name", name);
        r.git("config", "user.email", name + "@example.com");
        return r;
    }

    /** The remote's branch and tags, name to object id. */
    Map<String, String> remoteRefs() {
        return refs(GitCli.ok(bare, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags"));
    }

    static Map<String, String> localRefs(TestRegistry r) {
        return refs(r.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags"));
    }

    private static Map<String, String> refs(String lines) {
        Map<String, String> out = new TreeMap<>();
        for (String line : lines.split("\n")) {
            if (!line.isBlank()) {
                String[] p = line.split(" ");
                out.put(p[0], p[1]);
            }
        }
        return out;
    }

    /** The clone has exactly the remote's branch and tags, and a clean work tree. */
    void assertInStep(TestRegistry clone) {
        assertEquals(remoteRefs(), localRefs(clone), "the clone's refs differ from the remote's");
        assertEquals("", clone.git("status", "--porcelain"), "the clone's work tree is not clean");
    }

    /** reg in {@code clone}, reaching the server with its credentials. */
    RegCli.Result reg(TestRegistry clone, String... args) {
        return RegCli.run(clone.root(), env, args);
    }

    /** Installs server-side hook {@code name} of the bare repository: {@code script}, run by sh for every push. Returns its file. */
    Path hook(String name, String script) {
        Path hook = bare.resolve("hooks").resolve(name);
        try {
            Files.writeString(hook, "#!/bin/sh\n" + script + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!hook.toFile().setExecutable(true)) {
            throw new AssertionError("cannot make " + hook + " executable");
        }
        return hook;
    }

    /** {@code reg bump KIND NAME minor -m LINE EXTRA…} in {@code clone} after appending {@code LINE} to the artifact's {@code file}. */
    RegCli.Result bump(TestRegistry clone, String kind, String name, String file, String line, String... extra) {
        clone.append("registry/" + kind + "s/" + name + "/" + file, line + "\n");
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"bump", kind, name, "minor", "-m", line}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return reg(clone, args);
    }

    String remote(String ref) {
        return GitCli.ok(bare, "rev-parse", ref).strip();
    }

    /**
     * A race lost on the remote: ann publishes prompt/billing_refund@1.1.0 while bob's
     * {@code bump --push} of the same version is about to push. Bob's command exits 3 naming ann,
     * his clone is as it was, and the remote's tag is ann's.
     */
    void assertAVersionRaceIsLostCleanly() {
        TestRegistry a = clone("ann");
        TestRegistry b = clone("bob");
        onceBeforePush(() -> {
            RegCli.Result won = bump(a, "prompt", "billing_refund", "template.md", "Theirs.", "--push");
            assertEquals(0, won.exit(), won.all());
        });
        b.append("registry/prompts/billing_refund/template.md", "Mine.\n");
        Map<String, String> before = b.snapshot();
        RegCli.Result res = reg(b, "bump", "prompt", "billing_refund", "minor", "-m", "Mine.", "--push");
        dev.reg.util.Faults.watch(null);
        assertEquals(3, res.exit(), res.all());
        assertTrue(res.err().contains("lost a race: origin got 'prompt/billing_refund@1.1.0: Theirs.'"), res.err());
        assertTrue(res.err().contains("prompt/billing_refund@1.1.0 was published by ann <ann@example.com>"), res.err());
        b.assertUnchangedSince(before);
        b.assertNoChangeInFlight();
        assertEquals(remote("refs/tags/prompt/billing_refund@1.1.0"), a.git("rev-parse", "prompt/billing_refund@1.1.0").strip());
    }

    /** Runs {@code other} once, the first time a publishing reg in this JVM is about to push: the remote moves under it. */
    static void onceBeforePush(Runnable other) {
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        dev.reg.util.Faults.watch(point -> {
            if (point.equals("before-push") && once.compareAndSet(false, true)) {
                other.run();
            }
        });
    }
}
