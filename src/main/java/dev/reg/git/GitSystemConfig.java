package dev.reg.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.util.FS;

/**
 * Where C git keeps its system-wide configuration ({@code /etc/gitconfig} on most systems), found
 * once per git binary instead of on every run. JGit finds it by running {@code git --version} and
 * {@code git config --system --edit} each time a process first reads a configuration: two process
 * starts that cost a reading command a sixth of its run time (issue 14). The answer depends only on
 * the git binary (it is compiled in), so it is kept in a small file beside the launcher's archives,
 * keyed by the binary's path, size and modification time; a different or upgraded git finds it again.
 *
 * <p>Left to JGit: when {@code GIT_CONFIG_SYSTEM} or {@code GIT_CONFIG_NOSYSTEM} is set, when there is
 * no git on the PATH, or when the cache cannot be read or written.
 */
public final class GitSystemConfig {
    static final String FILE = "git-system-config";
    private static final String NONE = "-";

    private GitSystemConfig() {
    }

    /** Tells JGit (for this process) where the system configuration is, remembered in {@code cacheDir}. */
    public static void rememberIn(Path cacheDir, Map<String, String> env) {
        rememberIn(FS.DETECTED, cacheDir, env);
    }

    static void rememberIn(FS fs, Path cacheDir, Map<String, String> env) {
        if (env.get("GIT_CONFIG_SYSTEM") != null || env.get("GIT_CONFIG_NOSYSTEM") != null) {
            return;
        }
        Optional<String> key = gitOnPath(env.getOrDefault("PATH", "")).flatMap(GitSystemConfig::key);
        if (key.isEmpty()) {
            return;
        }
        Path cache = cacheDir.resolve(FILE);
        Optional<String> known = read(cache, key.get());
        if (known.isPresent()) {
            fs.setGitSystemConfig(known.get().equals(NONE) ? null : new File(known.get()));
            return;
        }
        File found = fs.getGitSystemConfig(); // JGit's own discovery, once
        write(cache, key.get(), found == null ? NONE : found.getPath());
    }

    /** The first {@code git} on {@code path}, as JGit and a shell find it. */
    static Optional<Path> gitOnPath(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path git = Path.of(dir, "git");
                if (Files.isRegularFile(git) && Files.isExecutable(git)) {
                    return Optional.of(git);
                }
            }
        }
        return Optional.empty();
    }

    /** The git binary's path, and the real file's size, modification time and inode. */
    private static Optional<String> key(Path git) {
        try {
            BasicFileAttributes a = Files.readAttributes(git, BasicFileAttributes.class);
            return Optional.of(git + "\t" + git.toRealPath() + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\t" + a.fileKey());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path cache, String key) {
        try {
            List<String> lines = Files.readAllLines(cache, StandardCharsets.UTF_8);
            if (lines.size() == 2 && lines.get(0).equals(key) && !lines.get(1).isEmpty()) {
                return Optional.of(lines.get(1));
            }
        } catch (IOException | RuntimeException e) {
            // missing or unreadable: found again
        }
        return Optional.empty();
    }

    /** Replaced atomically, so a concurrent reader sees the old or the new answer, never half of one. */
    private static void write(Path cache, String key, String value) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(cache.getParent(), "." + FILE, ".tmp");
            Files.writeString(tmp, key + "\n" + value + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs the next run the discovery
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }
}
