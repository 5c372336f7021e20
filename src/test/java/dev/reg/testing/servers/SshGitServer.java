package dev.reg.testing.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * OpenSSH's sshd on 127.0.0.1, run as the current user with a generated config and host key, public
 * key authentication only ({@code AuthorizedKeysFile} in the temporary folder, {@code StrictModes
 * no}); sessions run git-upload-pack / git-receive-pack through the user's shell as with any Git host.
 *
 * <p>The client side is generated too: a key pair at {@code client-ssh/id_ed25519} (a default
 * identity file name, so a client finds it as OpenSSH would) and {@code client-ssh/known_hosts}
 * holding the server's host key for {@code [127.0.0.1]:port}.
 *
 * <p>Run as root (as the tests here are), sshd needs its privilege-separation folder
 * {@code /run/sshd}, created here when missing. Run as another user, sshd runs without privilege
 * separation and can only log that same user in, which is all these tests need.
 */
public final class SshGitServer extends ProcessGitServer {
    static final String SSHD = "/usr/sbin/sshd";

    private final Path clientKey;

    private SshGitServer(Path dir, int port, ServerProcess process) {
        super(dir, port, process);
        this.clientKey = this.dir.resolve("client-ssh").resolve("id_ed25519");
    }

    static SshGitServer start(Path dir) {
        return start(dir, true);
    }

    /**
     * An sshd that does not pass {@code GIT_PROTOCOL} to sessions (no {@code AcceptEnv}), as many
     * hosts are configured: every client then speaks protocol v0 over a stateful connection.
     */
    public static SshGitServer startWithoutProtocolV2(Path dir) {
        return start(dir, false);
    }

    private static SshGitServer start(Path dir, boolean protocolV2) {
        SshGitServer skeleton = new SshGitServer(dir, 0, null);
        Path d = skeleton.dir;
        Path hostKey = d.resolve("ssh_host_ed25519_key");
        Path clientKey = skeleton.clientKey;
        keygen(hostKey, "reg-test-host");
        keygen(clientKey, "reg-test-client");
        try {
            Files.copy(clientKey.resolveSibling("id_ed25519.pub"), d.resolve("authorized_keys"));
            if ("root".equals(System.getProperty("user.name"))) {
                Files.createDirectories(Path.of("/run/sshd")); // sshd refuses to start as root without it
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return onFreePort(port -> {
            Path config = d.resolve("sshd_config");
            try {
                Files.writeString(config, String.join("\n",
                        "Port " + port,
                        "ListenAddress 127.0.0.1",
                        "HostKey " + hostKey,
                        "PidFile none",
                        "AuthorizedKeysFile " + d.resolve("authorized_keys"),
                        "StrictModes no",
                        "PubkeyAuthentication yes",
                        "PasswordAuthentication no",
                        "KbdInteractiveAuthentication no",
                        "UsePAM no",
                        "PermitRootLogin prohibit-password",
                        "AllowUsers " + System.getProperty("user.name"),
                        protocolV2 ? "AcceptEnv GIT_PROTOCOL" : "AcceptEnv LANG",
                        // the session's git reads no system or user config of the machine, and the login shell sshd runs
                        // it through reads no ~/.bashrc of the machine's user (bash sources it for ssh commands; one that
                        // starts pyenv or nvm made every connection take seconds)
                        "SetEnv GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME=" + d,
                        "MaxStartups 64:30:128",
                        "LogLevel VERBOSE",
                        ""), StandardCharsets.UTF_8);
                Files.writeString(d.resolve("client-ssh").resolve("known_hosts"), "[127.0.0.1]:" + port + " "
                        + Files.readString(d.resolve("ssh_host_ed25519_key.pub")).strip() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ServerProcess p = ServerProcess.start(List.of(SSHD, "-D", "-e", "-f", config.toString()),
                    skeleton.serverEnvironment(), d.resolve("sshd.log"), port);
            return new SshGitServer(dir, port, p);
        });
    }

    private static void keygen(Path file, String comment) {
        try {
            Files.createDirectories(file.getParent());
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ssh-keygen failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ServerKind kind() {
        return ServerKind.SSH;
    }

    @Override
    public String url(String name) {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + repos.resolve(name);
    }

    /** The generated client private key (also in the client ssh folder under its default name). */
    public Path clientKey() {
        return clientKey;
    }

    public Path knownHosts() {
        return dir.resolve("client-ssh").resolve("known_hosts");
    }

    /** C git as a client: OpenSSH with the generated key and known_hosts only, never asking. */
    @Override
    protected Map<String, String> clientExtras() {
        return Map.of("GIT_SSH_COMMAND", "ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes -i " + clientKey
                + " -o UserKnownHostsFile=" + knownHosts() + " -o StrictHostKeyChecking=yes");
    }
}
