package dev.reg.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Whole-file writes that readers see either before or after, never half-written. */
public final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".reg-tmp";
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9]+" + Pattern.quote(TEMP_SUFFIX));

    private AtomicFiles() {
    }

    /** Whether {@code name} (a file name) is one of the temporary files {@link #write} makes: never part of a change. */
    public static boolean isTemporary(String name) {
        return TEMPORARY.matcher(name).matches();
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, new java.io.ByteArrayInputStream(content), false);
    }

    /**
     * Streams {@code content} to a temporary file beside {@code target} ({@code .<name>.<n>.reg-tmp}),
     * syncs it and renames it over the target; {@code executable} adds the execute bits a Git
     * executable file has. A process killed on the way leaves at most that temporary file, which
     * {@link #temporaryFilesOf} finds.
     */
    public static void write(Path target, InputStream content, boolean executable) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = content.read(buf)) >= 0; ) {
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        ch.write(bb);
                    }
                }
                Faults.check("fsync " + target.getFileName());
                ch.force(true);
            }
            // createTempFile makes the file private; give it the target's permissions, or a new file's usual ones.
            try {
                Set<PosixFilePermission> perms = Files.exists(target)
                        ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--");
                perms = new HashSet<>(perms);
                // the mode follows Git's: an executable file gets the execute bits, a regular file loses them
                for (PosixFilePermission x : List.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE)) {
                    if (executable) {
                        perms.add(x);
                    } else {
                        perms.remove(x);
                    }
                }
                Files.setPosixFilePermissions(tmp, perms);
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: nothing to carry over
            }
            Faults.check("rename " + target.getFileName());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The temporary files {@link #write} may have left beside {@code target} when it was killed. */
    public static List<Path> temporaryFilesOf(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        Pattern name = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "[0-9]+" + Pattern.quote(TEMP_SUFFIX));
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + globSafe(target.getFileName().toString()) + ".*" + TEMP_SUFFIX)) {
            for (Path p : ds) {
                if (name.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** A file name as a glob that matches it literally (the exact check is the pattern above). */
    private static String globSafe(String name) {
        return name.replaceAll("[\\\\*?\\[\\]{}]", "?");
    }
}
