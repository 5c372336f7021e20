package dev.reg.validate;

import java.util.Optional;

/**
 * What to validate.
 *
 * @param base compare with this revision (a branch, tag or commit): the commits since its merge
 *     base with HEAD are checked — HEAD as committed, only the paths they change — and versions
 *     are checked against the merge base
 * @param staged validate the index (what the next commit will hold) instead of the work tree,
 *     against HEAD unless a base is given: what a pre-commit hook needs
 */
public record ValidateRequest(Optional<String> base, boolean staged) {
    public static ValidateRequest full() {
        return new ValidateRequest(Optional.empty(), false);
    }
}
