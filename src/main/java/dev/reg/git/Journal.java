package dev.reg.git;

import dev.reg.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.ObjectId;

/**
 * {@code .git/reg/transaction}: what a change in flight still owes the work tree and index once its
 * refs are published. Written before the ref transaction and removed after the work tree is
 * updated, so a process killed at any instant leaves either nothing or a record to finish from.
 */
final class Journal {
    private final Path gitDir;
    private final Path file;

    Journal(Path gitDir) {
        this.gitDir = gitDir;
        this.file = gitDir.resolve("reg").resolve("transaction");
    }

    /** The blob id of a work-tree file as it is now, or "none"; recovery never overwrites a file changed after this. */
    private static String workTreeBlob(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "none";
        }
        try (var in = Files.newInputStream(file)) { // streamed: the file may be larger than the heap
            return new org.eclipse.jgit.lib.ObjectInserter.Formatter()
                    .idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB, Files.size(file), in).name();
        }
    }

    /**
     * Records that this process holds the index lock before any object is written, so a kill
     * before {@link #begin} leaves a record whose dead pid lets recovery remove the stale lock.
     */
    void start(String branch) throws IOException {
        AtomicFiles.write(file, ("pid " + ProcessHandle.current().pid() + "\nbranch " + branch + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void begin(ObjectId commit, String branch, DirCache index, CommitRequest req, Path workTree) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("pid ").append(ProcessHandle.current().pid()).append('\n');
        sb.append("commit ").append(commit.name()).append('\n');
        sb.append("branch ").append(branch).append('\n');
        for (String f : req.folders()) {
            sb.append("folder ").append(f).append('\n');
        }
        for (String w : GitStore.writtenPaths(req)) {
            sb.append("write ").append(workTreeBlob(workTree.resolve(w))).append(' ').append(w).append('\n');
        }
        for (String d : req.deletes()) {
            sb.append("delete ").append(workTreeBlob(workTree.resolve(d))).append(' ').append(d).append('\n');
        }
        sb.append("lock ").append(branch).append('\n');
        for (var t : req.tags()) {
            sb.append("lock ").append(t.refName()).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    void end() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> recover(GitStore store) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            long pid = -1;
            String commit = null;
            String branch = null;
            List<String> folders = new ArrayList<>();
            List<String> writes = new ArrayList<>();
            List<String> deletes = new ArrayList<>();
            List<String> changedSince = new ArrayList<>();
            List<String> locks = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int sp = line.indexOf(' ');
                if (sp < 0) {
                    continue;
                }
                String key = line.substring(0, sp);
                String value = line.substring(sp + 1);
                switch (key) {
                    case "pid" -> pid = Long.parseLong(value);
                    case "commit" -> commit = value;
                    case "branch" -> branch = value;
                    case "folder" -> folders.add(value);
                    case "write", "delete" -> {
                        int sp2 = value.indexOf(' ');
                        String path = value.substring(sp2 + 1);
                        (key.equals("write") ? writes : deletes).add(path);
                        if (!workTreeBlob(store.workTree().resolve(path)).equals(value.substring(0, sp2))) {
                            changedSince.add(path);
                        }
                    }
                    case "lock" -> locks.add(value);
                    default -> { }
                }
            }
            if (pid > 0 && pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.empty(); // still running: its own business
            }
            FileTime started = Files.getLastModifiedTime(file);
            if (commit == null && branch != null) {
                // killed while preparing: nothing was published, only its index lock may be left
                removeStaleLock(gitDir.resolve("index.lock"), started);
                end();
                return Optional.of("discarded an interrupted change that was never published; the repository is as before it");
            }
            if (commit == null || branch == null) {
                end();
                return Optional.of("removed an unreadable transaction record (" + file + ")");
            }
            removeStaleLock(gitDir.resolve("index.lock"), started);
            removeStaleLock(gitDir.resolve("packed-refs.lock"), started);
            for (String ref : locks) {
                removeStaleLock(gitDir.resolve(ref + ".lock"), started);
            }
            ObjectId id = ObjectId.fromString(commit);
            if (store.branchContains(branch, id)) {
                store.completeFromJournal(id, writes, deletes, folders, changedSince);
                end();
                return Optional.of("completed an interrupted change: commit " + id.abbreviate(10).name()
                        + " was published; the work tree and index are now up to date"
                        + (changedSince.isEmpty() ? "" : " (kept your later edits of " + String.join(", ", changedSince)
                                + "; the committed version is in HEAD)"));
            }
            end();
            return Optional.of("discarded an interrupted change that was never published; the repository is as before it");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover from " + file + ": " + e.getMessage(), e);
        }
    }

    /** A lock left by the dead process: at least as old as its transaction record (it was taken first or during). */
    private static void removeStaleLock(Path lock, FileTime started) throws IOException {
        if (Files.exists(lock)) {
            // Allow for file-system time granularity; locks taken well after the crashed run belong to someone else.
            if (Files.getLastModifiedTime(lock).compareTo(FileTime.fromMillis(started.toMillis() + 5_000)) <= 0) {
                Files.deleteIfExists(lock);
            }
        }
    }
}
