package dev.reg.git;

import dev.reg.util.AtomicFiles;
import dev.reg.util.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Finishes or discards the changes whose process died (see {@link ChangeLock}, {@link Journal}): a
 * change whose commit was published gets the work tree and index it still owed; one that was not
 * has every file it brought into the work tree removed. Either way the temporary files it left,
 * its ref locks and its index lock go, and nothing reg created is left outside a published change.
 */
final class Recovery {
    private Recovery() {
    }

    static Optional<String> run(GitStore store) {
        Path gitDir = store.gitDir();
        List<String> done = new ArrayList<>();
        try {
            for (Path dir : ChangeLock.abandoned(gitDir, ChangeLock.CHANGE)) {
                done.add(recover(store, dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover an interrupted change in " + ChangeLock.regDir(gitDir) + ": " + e.getMessage(), e);
        }
        for (Path dir : ChangeLock.abandoned(gitDir, ChangeLock.SCRATCH)) {
            FileTrees.deleteQuietly(dir); // temporary work of a dead process: never part of the repository
        }
        return done.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", done));
    }

    private static String recover(GitStore store, Path dir) throws IOException {
        Path workTree = store.workTree();
        Journal journal = Journal.read(dir);
        ChangeLock lock = ChangeLock.adopt(dir, store.repository().getIndexFile().toPath());
        try {
            Map<String, List<String>> writes = journal.records("write", 2);
            Map<String, List<String>> deletes = journal.records("delete", 1);
            Set<String> touched = new TreeSet<>(writes.keySet());
            touched.addAll(deletes.keySet());
            touched.addAll(journal.values("create"));
            for (String path : touched) {
                for (Path tmp : AtomicFiles.temporaryFilesOf(workTree.resolve(path))) {
                    Files.deleteIfExists(tmp);
                }
            }
            removeRefLocks(store, dir, journal);
            String commit = journal.value("commit");
            String branch = journal.value("branch");
            String message;
            if (journal.isEmpty()) {
                // killed before its first record or after its last: nothing was half-done
                message = "removed the lock and temporary files of an interrupted reg command; none of its changes were half-done";
            } else if (commit != null && branch != null && store.refs().branchContains(branch, ObjectId.fromString(commit))) {
                message = complete(store, lock, ObjectId.fromString(commit), journal, writes, deletes);
            } else {
                removeCreated(workTree, journal);
                message = "discarded an interrupted change that was never published; the repository is as before it";
            }
            lock.release();
            return message;
        } catch (IOException | RuntimeException e) {
            ChangeLock.forget(dir); // left for the next attempt
            throw e;
        }
    }

    /**
     * Writes what the published change still owed the work tree and index. A file that already
     * holds what the change wrote is done; one that still holds what it had before is written; one
     * that holds anything else was edited by the user since, and is kept as it is.
     */
    private static String complete(GitStore store, ChangeLock lock, ObjectId commit, Journal journal,
            Map<String, List<String>> writes, Map<String, List<String>> deletes) throws IOException {
        Path workTree = store.workTree();
        Set<String> keep = new TreeSet<>();
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, List<String>> w : writes.entrySet()) {
            String now = Journal.workTreeBlob(workTree.resolve(w.getKey()));
            if (now.equals(w.getValue().get(1))) {
                keep.add(w.getKey());
            } else if (!now.equals(w.getValue().get(0))) {
                keep.add(w.getKey());
                kept.add(w.getKey());
            }
        }
        for (Map.Entry<String, List<String>> d : deletes.entrySet()) {
            String now = Journal.workTreeBlob(workTree.resolve(d.getKey()));
            if (!now.equals(Journal.NONE) && !now.equals(d.getValue().get(0))) {
                keep.add(d.getKey());
                kept.add(d.getKey());
            }
        }
        // the dead change's index lock, if it still holds it, covers the rest; otherwise take one
        ChangeLock working = lock.holdsIndexLock() ? lock : ChangeLock.acquire(store.gitDir(), store.repository().getIndexFile().toPath());
        try {
            Change.syncWorkTree(store, working, commit, writes.keySet(), deletes.keySet(), journal.values("folder"), keep);
        } finally {
            if (working != lock) {
                working.release();
            }
        }
        return "completed an interrupted change: commit " + commit.abbreviate(10).name()
                + " was published; the work tree and index are now up to date"
                + (kept.isEmpty() ? "" : " (kept your later edits of " + String.join(", ", kept) + "; the committed version is in HEAD)");
    }

    /**
     * Removes the files an unpublished change brought into the work tree, and the folders it made
     * for them once empty. A file whose fingerprint changed since was edited by the user and stays.
     */
    static void removeCreated(Path workTree, Journal journal) {
        try {
            Map<String, List<String>> created = journal.records("created", 1);
            for (String path : journal.values("create")) {
                Path file = workTree.resolve(path);
                for (Path tmp : AtomicFiles.temporaryFilesOf(file)) {
                    Files.deleteIfExists(tmp);
                }
                List<String> fingerprint = created.get(path);
                // no fingerprint: the process died between creating the file and recording it, so it is untouched
                if (fingerprint == null || Journal.fingerprint(file).equals(fingerprint.get(0))) {
                    Files.deleteIfExists(file);
                }
            }
            List<String> folders = new ArrayList<>(journal.values("mkdir"));
            java.util.Collections.reverse(folders);
            for (String f : folders) {
                try {
                    Files.deleteIfExists(workTree.resolve(f));
                } catch (DirectoryNotEmptyException e) {
                    // holds something that is not reg's: it stays
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes the ref locks the dead change's ref transaction left: a lock of a ref it was
     * publishing, taken after the change began, that is empty or holds the id it was writing; and a
     * {@code packed-refs.lock} that names one of its new objects. Any other lock is someone else's.
     */
    private static void removeRefLocks(GitStore store, Path dir, Journal journal) throws IOException {
        Path common = store.repository().getCommonDirectory().toPath();
        Path marker = dir.resolve("lock");
        FileTime began = Files.exists(marker, LinkOption.NOFOLLOW_LINKS) ? Files.getLastModifiedTime(marker, LinkOption.NOFOLLOW_LINKS)
                : FileTime.fromMillis(0);
        Map<String, List<String>> refs = journal.records("ref", 1);
        Set<String> ids = new TreeSet<>();
        refs.values().forEach(v -> ids.add(v.get(0)));
        for (Map.Entry<String, List<String>> r : refs.entrySet()) {
            Path lock = common.resolve(r.getKey() + ".lock");
            if (Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(lock).compareTo(began) >= 0) {
                String content = Files.readString(lock, StandardCharsets.UTF_8).trim();
                if (content.isEmpty() || content.equals(r.getValue().get(0))) {
                    Files.deleteIfExists(lock);
                }
            }
        }
        Path packed = common.resolve("packed-refs.lock");
        if (!ids.isEmpty() && Files.isRegularFile(packed, LinkOption.NOFOLLOW_LINKS)) {
            String content = Files.readString(packed, StandardCharsets.ISO_8859_1);
            if (ids.stream().anyMatch(content::contains)) {
                Files.deleteIfExists(packed);
            }
        }
    }
}
