package dev.reg.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: JGit's discovery of C git's system configuration (two git processes per run) happens
 * once per git binary; later runs read the answer from the cache beside the launcher's archives.
 * Each case uses a fresh JGit {@code FS}, so nothing leaks into other tests.
 */
class GitSystemConfigTest {
    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("PATH", System.getenv("PATH"));
    }

    @Test
    void theFirstRunFindsWhatJGitFindsAndKeepsItForTheNext() throws Exception {
        FS first = FS.detect();
        GitSystemConfig.rememberIn(first, dir, env());
        File jgit = FS.detect().getGitSystemConfig(); // JGit's own discovery, for comparison
        assertEquals(jgit, first.getGitSystemConfig());
        List<String> cache = Files.readAllLines(dir.resolve(GitSystemConfig.FILE), StandardCharsets.UTF_8);
        assertEquals(2, cache.size(), cache.toString());
        assertTrue(cache.get(0).startsWith(GitSystemConfig.gitOnPath(System.getenv("PATH")).orElseThrow() + "\t"), cache.get(0));
        assertEquals(jgit == null ? "-" : jgit.getPath(), cache.get(1));
    }

    @Test
    void aLaterRunTakesTheCachedAnswerWithoutAskingGit() throws Exception {
        GitSystemConfig.rememberIn(FS.detect(), dir, env());
        Path cache = dir.resolve(GitSystemConfig.FILE);
        String key = Files.readAllLines(cache, StandardCharsets.UTF_8).get(0);
        // an answer git would never give: only the cache can have said it
        Files.writeString(cache, key + "\n/from/the/cache/gitconfig\n");
        FS next = FS.detect();
        GitSystemConfig.rememberIn(next, dir, env());
        assertEquals(new File("/from/the/cache/gitconfig"), next.getGitSystemConfig());
    }

    @Test
    void anotherGitBinaryIsAskedAgain() throws Exception {
        // a git of our own on the PATH: a script that forwards to the real one
        Path real = GitSystemConfig.gitOnPath(System.getenv("PATH")).orElseThrow();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path git = bin.resolve("git");
        Files.writeString(git, "#!/bin/sh\nexec " + real + " \"$@\"\n");
        git.toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Path cacheDir = Files.createDirectories(dir.resolve("cache"));
        Path cache = cacheDir.resolve(GitSystemConfig.FILE);

        GitSystemConfig.rememberIn(FS.detect(), cacheDir, env);
        String key = Files.readAllLines(cache, StandardCharsets.UTF_8).get(0);
        assertTrue(key.startsWith(git + "\t"), key);
        Files.writeString(cache, key + "\n/stale/gitconfig\n");

        // "upgraded": same path, new content and time
        Files.writeString(git, "#!/bin/sh\n# upgraded\nexec " + real + " \"$@\"\n");
        Files.setLastModifiedTime(git, FileTime.fromMillis(Files.getLastModifiedTime(git).toMillis() + 60_000));
        FS next = FS.detect();
        GitSystemConfig.rememberIn(next, cacheDir, env);
        assertNotEquals(new File("/stale/gitconfig"), next.getGitSystemConfig());
        List<String> now = Files.readAllLines(cache, StandardCharsets.UTF_8);
        assertNotEquals(key, now.get(0));
        assertNotEquals("/stale/gitconfig", now.get(1));
    }

    @Test
    void anEnvironmentThatChoosesTheSystemConfigIsLeftToJGit() throws Exception {
        GitSystemConfig.rememberIn(FS.detect(), dir, Map.of("PATH", System.getenv("PATH"), "GIT_CONFIG_SYSTEM", "/x"));
        GitSystemConfig.rememberIn(FS.detect(), dir, Map.of("PATH", System.getenv("PATH"), "GIT_CONFIG_NOSYSTEM", "1"));
        GitSystemConfig.rememberIn(FS.detect(), dir, Map.of("PATH", dir.toString()));
        assertFalse(Files.exists(dir.resolve(GitSystemConfig.FILE)));
    }
}
