package dev.reg.git;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refs by name, wherever they are read from: the local repository ({@link RefReader}: packed-refs
 * and loose refs) or a remote's ref advertisement ({@code dev.reg.git.remote.RemoteRegistrySource}:
 * ls-remote). Every state reg reads from names (versions, latest, release numbers) comes from here,
 * so the same services answer for a clone and for a remote without one.
 */
public interface RefSource {
    /** Full names of the refs starting with {@code prefix}, in name order. */
    List<String> refNames(String prefix);

    /** The refs starting with {@code prefix}, in name order, with the commit each peels to. */
    Map<String, GitId> refsPeeled(String prefix);

    boolean refExists(String name);

    /** The commit HEAD points at, empty on an unborn branch. */
    Optional<GitId> head();

    /** Resolves a revision (a full ref name always; locally also {@code main}, {@code HEAD~1}, an id) to its commit. */
    Optional<GitId> resolveCommit(String revision);

    /** Reads the tag object behind {@code refName}; empty when the ref does not exist. */
    Optional<TagInfo> readTag(String refName);

    /**
     * Says that the refs starting with {@code prefix} will be read soon, so a remote source starts
     * listing them now and the listing overlaps the reads in between.
     */
    default void expectRefs(String prefix) {
    }

    /** Says that the tags {@code refNames} are about to be read, so a remote source fetches their objects in one go. */
    default void prefetchTags(Collection<String> refNames) {
    }
}
