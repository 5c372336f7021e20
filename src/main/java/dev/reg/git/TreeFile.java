package dev.reg.git;

import org.eclipse.jgit.lib.FileMode;

/** An entry of a Git tree: its object (a blob, or a tree for a folder) and its mode bits. */
public record TreeFile(GitId blob, int mode) {
    public boolean isRegularFile() {
        return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    public boolean isSymlink() {
        return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_SYMLINK;
    }

    public boolean isTree() {
        return (mode & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
    }
}
