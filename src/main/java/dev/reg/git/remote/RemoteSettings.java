package dev.reg.git.remote;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.util.FS;

/**
 * Where reg finds what C git and OpenSSH use to reach a remote: the home and {@code .ssh} folders
 * (config, known_hosts, identity files), the environment handed to {@code git credential} and read
 * for {@code SSH_AUTH_SOCK}, and an inactivity timeout. {@link #fromSystem()} is the user's own
 * setup; tests point it at generated keys and helpers.
 *
 * @param home the user's home folder ({@code ~} in ssh config)
 * @param sshDirectory the folder holding {@code config}, {@code known_hosts} and identity files
 * @param environment the environment of {@code git credential} and the source of {@code SSH_AUTH_SOCK}
 * @param timeoutSeconds seconds without progress before a network read gives up; 0 waits forever
 */
public record RemoteSettings(Path home, Path sshDirectory, Map<String, String> environment, int timeoutSeconds) {
    /** Two minutes of silence from a server is a dead connection, not a slow one. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;

    public RemoteSettings {
        environment = Map.copyOf(environment);
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeout must be >= 0");
        }
    }

    /** The current user's home, {@code ~/.ssh} and environment, as {@code git} and {@code ssh} would see them. */
    public static RemoteSettings fromSystem() {
        Path home = FS.DETECTED.userHome().toPath();
        return new RemoteSettings(home, home.resolve(".ssh"), System.getenv(), DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * The setup of a user whose environment is {@code env} (a command's, not necessarily this
     * process's): {@code HOME} and its {@code .ssh}, else the detected home.
     */
    public static RemoteSettings fromEnvironment(Map<String, String> env) {
        String h = env.get("HOME");
        Path home = h == null || h.isBlank() ? FS.DETECTED.userHome().toPath() : Path.of(h);
        return new RemoteSettings(home, home.resolve(".ssh"), env, DEFAULT_TIMEOUT_SECONDS);
    }

    public RemoteSettings withTimeoutSeconds(int seconds) {
        return new RemoteSettings(home, sshDirectory, environment, seconds);
    }

    /** The ssh agent socket from the environment, as OpenSSH reads it. */
    Optional<String> agentSocket() {
        String sock = environment.get("SSH_AUTH_SOCK");
        return sock == null || sock.isBlank() ? Optional.empty() : Optional.of(sock);
    }
}
