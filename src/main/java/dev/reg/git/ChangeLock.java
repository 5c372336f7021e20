package dev.reg.git;

import dev.reg.RefusedException;
import dev.reg.util.Faults;
import dev.reg.util.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One reg change in flight and the Git index lock it holds. The change owns a folder
 * {@code .git/reg/change-<pid>-<start>-<n>/} (its journal and every temporary file it writes), and
 * takes {@code .git/index.lock} by creating it as a hard link to the folder's {@code lock} file: the
 * link is atomic and fails when the lock exists, as Git's own locking does, and afterwards the lock
 * is provably this change's. Recovery therefore removes an index lock only when it is the same file
 * as a dead change's marker, never another process's lock.
 */
final class ChangeLock {
    static final String CHANGE = "change-";
    static final String SCRATCH = "scratch-";
    private static final String MARKER = "lock";
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** Folders of changes running in this JVM: recovery leaves them alone although their pid is alive and ours. */
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Path indexLock;
    private boolean holdsIndexLock;

    private ChangeLock(Path dir, Path indexLock, boolean holdsIndexLock) {
        this.dir = dir;
        this.indexLock = indexLock;
        this.holdsIndexLock = holdsIndexLock;
    }

    /** Where reg keeps changes in flight and scratch folders. */
    static Path regDir(Path gitDir) {
        return gitDir.resolve("reg");
    }

    /**
     * Creates this process's change folder and takes the index lock.
     *
     * @throws RefusedException when another process holds the index lock
     */
    static ChangeLock acquire(Path gitDir, Path indexFile) {
        Path dir = newOwnedFolder(gitDir, CHANGE);
        Path marker = dir.resolve(MARKER);
        Path indexLock = indexLock(indexFile);
        try {
            Files.createFile(marker);
            Faults.check("link index.lock");
            try {
                Files.createLink(indexLock, marker);
            } catch (FileAlreadyExistsException e) {
                throw lockHeld(indexLock);
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links on this file system: take the lock as Git does; recovery cannot prove it ours, so it never removes it
                try {
                    Files.createFile(indexLock);
                } catch (FileAlreadyExistsException held) {
                    throw lockHeld(indexLock);
                }
            }
            return new ChangeLock(dir, indexLock, true);
        } catch (IOException | RuntimeException e) {
            forget(dir);
            FileTrees.deleteQuietly(dir);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Takes over a dead change's folder, and its index lock if it still holds it, to finish or discard the change. */
    static ChangeLock adopt(Path dir, Path indexFile) {
        Path indexLock = indexLock(indexFile);
        ACTIVE.add(dir.toAbsolutePath());
        return new ChangeLock(dir, indexLock, isSameFile(indexLock, dir.resolve(MARKER)));
    }

    /** A scratch folder for this process's temporary files, removed by its owner or, once the owner is dead, by recovery. */
    static Path newScratchFolder(Path gitDir) {
        return newOwnedFolder(gitDir, SCRATCH);
    }

    private static Path newOwnedFolder(Path gitDir, String kind) {
        try {
            Path reg = regDir(gitDir);
            Files.createDirectories(reg);
            Path dir = reg.resolve(kind + Owner.current().id() + "-" + SEQUENCE.incrementAndGet());
            ACTIVE.add(dir.toAbsolutePath());
            Files.createDirectory(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path indexLock(Path indexFile) {
        return indexFile.resolveSibling(indexFile.getFileName() + ".lock");
    }

    private static RefusedException lockHeld(Path indexLock) {
        return new RefusedException("another Git or reg process is writing this repository (" + indexLock
                + " exists); try again when it has finished, or, if no git or reg process is running, remove the stale lock: rm '"
                + indexLock + "'");
    }

    Path dir() {
        return dir;
    }

    boolean holdsIndexLock() {
        return holdsIndexLock;
    }

    /** Releases the index lock (if this change holds it) but keeps the folder, whose journal recovery still needs. */
    void releaseIndexLock() {
        if (holdsIndexLock && isSameFile(indexLock, dir.resolve(MARKER))) {
            try {
                Faults.check("delete index.lock");
                Files.deleteIfExists(indexLock);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        holdsIndexLock = false;
        forget(dir);
    }

    /** Releases the index lock and removes the change's folder: the change is over. */
    void release() {
        releaseIndexLock();
        Faults.check("delete change folder");
        FileTrees.deleteQuietly(dir);
    }

    static void forget(Path dir) {
        ACTIVE.remove(dir.toAbsolutePath());
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.exists(a, LinkOption.NOFOLLOW_LINKS) && Files.exists(b, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Folders under {@code .git/reg} of changes and scratch work whose process has died: theirs to clean up. */
    static List<Path> abandoned(Path gitDir, String kind) {
        Path reg = regDir(gitDir);
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(reg, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(reg, kind + "*")) {
            for (Path p : ds) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !ACTIVE.contains(p.toAbsolutePath())
                        && Owner.parse(p.getFileName().toString().substring(kind.length())).map(o -> !o.isAliveElsewhere()).orElse(true)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }

    /** The process that owns a folder: its pid and start time, so a reused pid is not mistaken for it. */
    record Owner(long pid, long startMillis) {
        static Owner current() {
            ProcessHandle me = ProcessHandle.current();
            return new Owner(me.pid(), me.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
        }

        String id() {
            return pid + "-" + startMillis;
        }

        /** From {@code <pid>-<start>-<n>}. */
        static Optional<Owner> parse(String text) {
            String[] parts = text.split("-");
            if (parts.length < 2) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Owner(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /**
         * Whether another running process is this owner. This process's own folders that are not
         * active are left over from a command that failed in this JVM, so they count as dead.
         */
        boolean isAliveElsewhere() {
            if (pid == ProcessHandle.current().pid()) {
                return false;
            }
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(h -> startMillis == 0 || h.info().startInstant().map(s -> s.toEpochMilli() == startMillis).orElse(true))
                    .orElse(false);
        }
    }
}
