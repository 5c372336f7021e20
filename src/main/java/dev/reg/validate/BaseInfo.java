package dev.reg.validate;

import java.util.Set;
import dev.reg.git.GitId;

/**
 * The revision a change is validated against.
 *
 * @param revision as the user gave it ({@code origin/main})
 * @param mergeBase the commit the change started from: the merge base of the revision and HEAD
 * @param head the commit checked out (null on an unborn branch)
 * @param changed every path under the registry folders that the change touched
 * @param uncommitted the changed paths that are only staged, not committed (they cannot be in a rollback commit)
 */
record BaseInfo(String revision, GitId mergeBase, GitId head, Set<String> changed, Set<String> uncommitted) {
    BaseInfo {
        changed = Set.copyOf(changed);
        uncommitted = Set.copyOf(uncommitted);
    }
}
