package dev.reg.git;

import java.util.Optional;

/**
 * The result of a writing service and, when it was published to a remote, what the push did.
 *
 * @param value what the service returned; null when, after a lost race, the remote already had it
 *     ({@link PushReport#alreadyDone()} says so)
 */
public record Published<T>(T value, Optional<PushReport> push) {
    public static <T> Published<T> local(T value) {
        return new Published<>(value, Optional.empty());
    }

    /** True when nothing was published because the remote already had the same change. */
    public boolean alreadyDone() {
        return push.flatMap(PushReport::alreadyDone).isPresent();
    }
}
