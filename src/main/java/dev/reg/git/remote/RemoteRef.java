package dev.reg.git.remote;

import org.eclipse.jgit.lib.ObjectId;

/**
 * One ref as the remote advertised it.
 *
 * @param name the full ref name ({@code refs/tags/prompt/x@1.2.0})
 * @param id the object the ref names (a tag object for an annotated tag)
 * @param peeled the commit an annotated tag points at; null for a branch or lightweight tag
 */
public record RemoteRef(String name, ObjectId id, ObjectId peeled) {
    /** The object reached after peeling tags: the commit a release or version is about. */
    public ObjectId target() {
        return peeled != null ? peeled : id;
    }

    public boolean annotatedTag() {
        return peeled != null;
    }
}
