package dev.reg.git;

import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The id of a Git object (a commit, tree, tag or blob) as code outside {@code git/} sees it: the
 * 40 hex digits, so no JGit type crosses the package boundary.
 */
public record GitId(String name) {
    public GitId {
        if (name == null || !ObjectId.isId(name)) {
            throw new IllegalArgumentException("not a Git object id: " + name);
        }
    }

    /** The first {@code n} hex digits, as {@code git log --abbrev} shows them. */
    public String abbreviate(int n) {
        return name.substring(0, Math.min(n, name.length()));
    }

    @Override
    public String toString() {
        return name;
    }

    public static GitId of(AnyObjectId id) {
        return new GitId(id.name());
    }

    public static GitId orNull(AnyObjectId id) {
        return id == null ? null : of(id);
    }

    public ObjectId objectId() {
        // from the Latin-1 bytes (a plain copy): ObjectId.fromString(String) builds a charset encoder for each id
        return ObjectId.fromString(name.getBytes(StandardCharsets.ISO_8859_1), 0);
    }

    public static ObjectId objectIdOrNull(GitId id) {
        return id == null ? null : id.objectId();
    }
}
