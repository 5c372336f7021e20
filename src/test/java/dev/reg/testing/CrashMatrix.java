package dev.reg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.reg.util.Faults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Kills a writing command at every point where it changes the disk, one point at a time, and
 * checks what a kill -9 there leaves once {@code reg recover} has run: the repository is exactly
 * as before or exactly as a run that was not killed leaves it, holds no leftover file, and takes
 * the next write.
 *
 * <p>The command runs in this JVM. The points are enumerated by running it once with a
 * {@link Faults#watch watcher} that records them; then, for each point, the command runs on a
 * fresh copy of the fixture until the watcher reaches that point, copies the repository as it is
 * on disk at that instant (hard links kept: reg's index lock is one) and stops the command. A
 * process killed there would have left exactly those files, so recovery runs on the copy.
 */
public final class CrashMatrix {
    private static final Pattern LOOSE_OBJECT = Pattern.compile("objects/[0-9a-f]{2}/[0-9a-f]{38}");

    private CrashMatrix() {
    }

    /** A next write for most matrices: a new ADR, which any registry takes. */
    public static RegCli.Result newAdr(Path repo) {
        return RegCli.run(repo, "adr", "new", "Written after the crash");
    }

    /** Stops the command at the chosen point, as a kill would; errors pass through every catch of reg's. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed(String point) {
            super("killed at " + point, null, false, false);
        }
    }

    /**
     * What a user or Git could see of a repository (git status follows from the work tree and the
     * index). Loose objects are left out: unreferenced ones are Git's garbage, not reg's leftovers.
     */
    record State(Map<String, String> workTree, TreeSet<String> workTreeFolders, TreeSet<String> gitFiles, List<String> index,
            TreeSet<String> refs, String headTree) {
    }

    /** The result of one matrix: the points it killed the command at. */
    public record Report(List<String> points, int asBefore, int updated) {
    }

    /**
     * Runs the matrix for {@code command} (called {@code name} in the report) on copies of {@code original}, in {@code scratchDir}.
     *
     * @param command runs the writing command in the repository it is given and returns its result (exit 0 expected unkilled)
     * @param nextWrite a writing command that must succeed after recovery
     */
    public static Report run(String name, Path original, Path scratchDir, Function<Path, RegCli.Result> command,
            Function<Path, RegCli.Result> nextWrite) {
        Path scratch = memoryBacked(scratchDir);
        try {
            Path fixture = scratch.resolve("fixture");
            copy(original, fixture);
            Report r = run(fixture, scratch, command, nextWrite, capture(fixture));
            System.out.println("crash matrix: " + name + ": " + r.points().size() + " points, " + r.asBefore() + " as before, "
                    + r.updated() + " fully updated");
            assertTrue(r.asBefore() > 0 && r.updated() > 0, name + ": kills land both before and after publishing");
            return r;
        } finally {
            if (!scratch.equals(scratchDir)) {
                delete(scratch);
            }
        }
    }

    /**
     * A scratch folder in memory (tmpfs) where the system has one: the matrix copies a repository
     * twice per point, and on a busy disk that, not reg, is what takes the time. Kills look the same there.
     */
    private static Path memoryBacked(Path fallback) {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            try {
                return Files.createTempDirectory(shm, "reg-crash-matrix-");
            } catch (IOException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static Report run(Path fixture, Path scratch, Function<Path, RegCli.Result> command, Function<Path, RegCli.Result> nextWrite,
            State before) {
        Path reference = scratch.resolve("reference");
        copy(fixture, reference);
        List<String> points = new ArrayList<>();
        Faults.watch(points::add);
        RegCli.Result unkilled;
        try {
            unkilled = command.apply(reference);
        } finally {
            Faults.watch(null);
        }
        assertEquals(0, unkilled.exit(), unkilled.all());
        State after = capture(reference);
        assertTrue(!after.headTree().equals(before.headTree()), "the command changes the repository");

        int asBefore = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String where = "killed at point " + (i + 1) + " of " + points.size() + " (" + points.get(i) + ", after "
                    + points.subList(Math.max(0, i - 8), i) + ")";
            Path work = scratch.resolve("work-" + i);
            Path crashed = scratch.resolve("crashed-" + i);
            copy(fixture, work);
            int target = i;
            int[] passed = {0};
            Faults.watch(p -> {
                if (passed[0]++ == target) {
                    copy(work, crashed);
                    throw new Killed(p);
                }
            });
            try {
                command.apply(work);
                fail(where + ": the command did not pass that point again");
            } catch (Killed expected) {
                // the disk as the kill left it is in `crashed`
            } finally {
                Faults.watch(null);
            }
            delete(work);
            try {
                if (checkRecovered(crashed, before, after, nextWrite, where)) {
                    asBefore++;
                }
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
            delete(crashed);
        }
        delete(reference);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + points.size() + " kill points were not recovered:\n" + String.join("\n", failures));
        }
        return new Report(List.copyOf(points), asBefore, points.size() - asBefore);
    }

    /** Recovers the killed repository and checks it; true when it is as before, false when fully updated. */
    private static boolean checkRecovered(Path crashed, State before, State after, Function<Path, RegCli.Result> nextWrite, String where) {
        RegCli.Result recovered = RegCli.run(crashed, "recover");
        assertEquals(0, recovered.exit(), where + ": " + recovered.all());
        State now = capture(crashed);
        boolean asBefore = now.headTree().equals(before.headTree()) && now.refs().equals(before.refs());
        if (asBefore) {
            assertSame(before, now, where + ": the repository is not as before");
        } else {
            assertSame(after, now, where + ": the repository is not as a complete run leaves it");
            assertTrue(recovered.err().contains("completed an interrupted change")
                    || recovered.err().contains("none of its changes were half-done") || recovered.out().contains("nothing to recover"),
                    where + ": " + recovered.all());
            assertTrue(!recovered.err().contains("kept your later edits"), where + ": reg never calls its own writes the user's: "
                    + recovered.err());
        }
        GitCli.Result fsck = GitCli.run(crashed, "fsck", "--no-dangling", "--no-progress");
        assertEquals(0, fsck.exit(), where + ": " + fsck.err() + fsck.out());
        RegCli.Result next = nextWrite.apply(crashed);
        assertEquals(0, next.exit(), where + ": the next write: " + next.all());
        return asBefore;
    }

    /** Fails naming what differs, entry by entry. */
    private static void assertSame(State expected, State actual, String message) {
        List<String> diff = new ArrayList<>();
        diffMaps("work tree", expected.workTree(), actual.workTree(), diff);
        diffSets("work-tree folder", expected.workTreeFolders(), actual.workTreeFolders(), diff);
        diffSets(".git file", expected.gitFiles(), actual.gitFiles(), diff);
        diffSets("index entry", new TreeSet<>(expected.index()), new TreeSet<>(actual.index()), diff);
        diffSets("ref", expected.refs(), actual.refs(), diff);
        if (!expected.headTree().equals(actual.headTree())) {
            diff.add("HEAD's tree " + actual.headTree() + ", expected " + expected.headTree());
        }
        if (!diff.isEmpty()) {
            fail(message + ":\n  " + String.join("\n  ", diff));
        }
    }

    private static void diffMaps(String what, Map<String, String> expected, Map<String, String> actual, List<String> diff) {
        diffSets(what + " file", new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()), diff);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (actual.containsKey(e.getKey()) && !actual.get(e.getKey()).equals(e.getValue())) {
                diff.add(what + " file with other content: " + e.getKey());
            }
        }
    }

    private static void diffSets(String what, TreeSet<String> expected, TreeSet<String> actual, List<String> diff) {
        for (String x : actual) {
            if (!expected.contains(x)) {
                diff.add("extra " + what + ": " + x);
            }
        }
        for (String x : expected) {
            if (!actual.contains(x)) {
                diff.add("missing " + what + ": " + x);
            }
        }
    }

    static State capture(Path repo) {
        Map<String, String> files = new TreeMap<>();
        TreeSet<String> folders = new TreeSet<>();
        TreeSet<String> gitFiles = new TreeSet<>();
        try (Stream<Path> s = Files.walk(repo)) {
            for (Path p : s.toList()) {
                String rel = repo.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()) {
                    continue;
                }
                if (rel.equals(".git") || rel.startsWith(".git/")) {
                    String g = rel.substring(Math.min(rel.length(), 5));
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !LOOSE_OBJECT.matcher(g).matches()) {
                        gitFiles.add(g);
                    }
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(rel);
                } else {
                    files.put(rel, sha256(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> index = new ArrayList<>();
        TreeSet<String> refs = new TreeSet<>();
        String headTree;
        try (Repository r = new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).setMustExist(true).build();
                RevWalk rw = new RevWalk(r)) {
            DirCache dc = DirCache.read(r);
            for (int i = 0; i < dc.getEntryCount(); i++) {
                var e = dc.getEntry(i);
                index.add(e.getPathString() + " " + e.getFileMode() + " " + e.getObjectId().name() + " " + e.getStage());
            }
            for (Ref ref : r.getRefDatabase().getRefs()) {
                refs.add(ref.getName());
            }
            var head = r.resolve(Constants.HEAD);
            headTree = head == null ? "" : rw.parseCommit(head).getTree().name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new State(files, folders, gitFiles, index, refs, headTree);
    }

    /** Copies a folder as it is on disk, keeping hard links between the files it copies. */
    public static void copy(Path from, Path to) {
        Map<Object, Path> linked = new HashMap<>();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    Files.createDirectories(target);
                } else if (a.isRegularFile() && a.fileKey() != null && linked.containsKey(a.fileKey())) {
                    Files.createLink(target, linked.get(a.fileKey()));
                } else {
                    Files.copy(p, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
                    if (a.isRegularFile() && a.fileKey() != null) {
                        linked.put(a.fileKey(), target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
