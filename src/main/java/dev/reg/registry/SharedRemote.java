package dev.reg.registry;

import dev.reg.git.remote.FetchResult;
import dev.reg.git.remote.RemoteSettings;
import dev.reg.git.remote.RemoteTagReport;
import dev.reg.git.remote.Remotes;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code reg fetch} and {@code reg verify --remote}: the registry's repository against the shared
 * remote. The remote is a configured one ({@code origin}, the default) or a URL; the branch is the
 * one checked out unless one is given ({@code main} on a detached HEAD).
 */
public final class SharedRemote {
    /** The remote a command uses when none is named, as {@code git fetch} does without an upstream. */
    public static final String DEFAULT_REMOTE = "origin";

    private SharedRemote() {
    }

    /** Fetches the branch and every reg tag; a local tag that differs from the remote's is left alone and reported. */
    public static FetchResult fetch(Path dir, RemoteSettings settings, Optional<String> remote, Optional<String> branch) {
        try (Remotes remotes = Remotes.open(dir, settings)) {
            return remotes.fetch(remotes.resolve(remote.orElse(DEFAULT_REMOTE)), branch(remotes, branch));
        }
    }

    /** Local and remote reg tags compared, and the remote's version tags that are not on its branch. */
    public static RemoteTagReport verify(Path dir, RemoteSettings settings, Optional<String> remote, Optional<String> branch) {
        try (Remotes remotes = Remotes.open(dir, settings)) {
            return remotes.checkTags(remotes.resolve(remote.orElse(DEFAULT_REMOTE)), branch(remotes, branch));
        }
    }

    private static String branch(Remotes remotes, Optional<String> branch) {
        return branch.or(remotes::currentBranch).orElse("main");
    }
}
