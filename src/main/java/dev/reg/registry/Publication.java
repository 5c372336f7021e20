package dev.reg.registry;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a writing command publishes: this clone only, or a shared remote first ({@code --push
 * [REMOTE]}). A value the CLI builds from its options and hands to {@link Registry#publishing}, so
 * no service knows about command-line options.
 *
 * @param remote the remote's name or URL; empty: this clone only
 * @param env the environment the remote is reached with (git credential helpers run in it)
 */
public record Publication(Optional<String> remote, Map<String, String> env) {
    public Publication {
        Objects.requireNonNull(remote, "remote");
        env = Map.copyOf(env);
    }

    /** This clone only: the commit and tags are published here, as without {@code --push}. */
    public static Publication local() {
        return new Publication(Optional.empty(), Map.of());
    }

    /** The remote {@code nameOrUrl} first, in one atomic push; this clone changes only once it accepted. */
    public static Publication remote(String nameOrUrl, Map<String, String> env) {
        return new Publication(Optional.of(nameOrUrl), env);
    }

    public boolean isRemote() {
        return remote.isPresent();
    }
}
