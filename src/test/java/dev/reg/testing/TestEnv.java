package dev.reg.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps every test away from the machine's Git configuration: JGit reads a private
 * {@code .gitconfig} (fixed identity, branch {@code main}, no signing) through its
 * {@link SystemReader}, and C {@code git} and child JVMs get the same file through HOME,
 * {@code GIT_CONFIG_NOSYSTEM} and {@code user.home}.
 */
public final class TestEnv {
    public static final String USER_NAME = "Reg Test";
    public static final String USER_EMAIL = "reg-test@example.com";
    private static Path home;

    private TestEnv() {
    }

    /** Installs the isolation once per JVM; idempotent. */
    public static synchronized Path home() {
        if (home != null) {
            return home;
        }
        try {
            home = Files.createTempDirectory("reg-test-home");
            Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = " + USER_NAME + "\n\temail = " + USER_EMAIL + "\n"
                    + "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgSign = false\n[tag]\n\tgpgSign = false\n"
                    + "[core]\n\tautocrlf = false\n[protocol \"file\"]\n\tallow = always\n");
            Path userConfig = home.resolve(".gitconfig");
            Path jgitConfig = home.resolve(".config/jgit/config");
            Files.createDirectories(jgitConfig.getParent());
            SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
                @Override
                public FileBasedConfig openUserConfig(Config parent, FS fs) {
                    return new FileBasedConfig(parent, userConfig.toFile(), fs);
                }

                @Override
                public FileBasedConfig openSystemConfig(Config parent, FS fs) {
                    return emptyConfig(parent, fs);
                }

                @Override
                public FileBasedConfig openJGitConfig(Config parent, FS fs) {
                    // JGit caches file-system timing here; a private file keeps it out of the machine's ~/.config/jgit
                    return new FileBasedConfig(parent, jgitConfig.toFile(), fs);
                }

                @Override
                public String getenv(String variable) {
                    if (variable.startsWith("GIT_")) {
                        return null;
                    }
                    return super.getenv(variable);
                }
            });
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileBasedConfig emptyConfig(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // nothing: the machine's system and JGit configuration stay out of tests
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }

    /** Environment for child processes (C git, reg in another JVM) that sees only the private config. */
    public static void isolate(Map<String, String> env) {
        Path h = home();
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("HOME", h.toString());
        env.put("XDG_CONFIG_HOME", h.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("NO_COLOR", "1");
    }
}
