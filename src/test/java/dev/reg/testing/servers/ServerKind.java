package dev.reg.testing.servers;

import java.nio.file.Path;

/** The real Git servers remote tests run against, each on loopback. */
public enum ServerKind {
    /** C git's {@code git daemon} with receive-pack enabled: {@code git://}. */
    GIT_DAEMON,
    /** OpenSSH's sshd running git-upload-pack/git-receive-pack: {@code ssh://}, public-key auth. */
    SSH,
    /** C git's {@code git http-backend} behind a CGI server with Basic auth: smart {@code http://}. */
    HTTP;

    /** Starts a server of this kind, its repositories and generated keys under {@code dir}. */
    public GitServer start(Path dir) {
        return switch (this) {
            case GIT_DAEMON -> GitDaemonServer.start(dir);
            case SSH -> SshGitServer.start(dir);
            case HTTP -> HttpGitServer.start(dir);
        };
    }
}
