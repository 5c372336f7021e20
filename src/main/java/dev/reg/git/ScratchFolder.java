package dev.reg.git;

import dev.reg.util.FileTrees;
import java.nio.file.Path;

/**
 * A folder for one command's temporary files ({@code .git/reg/scratch-<pid>-<start>-<n>/}): removed
 * when closed or, if the process dies first, by the next recovery, so a kill leaves nothing behind.
 */
public final class ScratchFolder implements AutoCloseable {
    private final Path dir;

    ScratchFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        ChangeLock.forget(dir);
        FileTrees.deleteQuietly(dir);
    }
}
