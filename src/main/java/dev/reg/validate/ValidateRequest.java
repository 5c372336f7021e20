package dev.reg.validate;

import dev.reg.git.remote.RemoteSettings;
import java.util.Optional;

/**
 * What to validate.
 *
 * @param base compare with this revision (a branch, tag or commit): the commits since its merge
 *     base with HEAD are checked — HEAD as committed, only the paths they change — and versions
 *     are checked against the merge base
 * @param staged validate the index (what the next commit will hold) instead of the work tree,
 *     against HEAD unless a base is given: what a pre-commit hook needs
 * @param remote with a base, also check that each version new since it is tagged on this remote
 *     (a configured remote or a URL) with the same tag as here: REG031, REG032
 * @param remoteSettings how to reach the remote (the user's ssh and credential setup)
 */
public record ValidateRequest(Optional<String> base, boolean staged, Optional<String> remote, RemoteSettings remoteSettings) {
    public ValidateRequest(Optional<String> base, boolean staged) {
        this(base, staged, Optional.empty(), null);
    }

    public static ValidateRequest full() {
        return new ValidateRequest(Optional.empty(), false);
    }
}
