package dev.reg.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Whole-file writes that readers see either before or after, never half-written. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, new java.io.ByteArrayInputStream(content), false);
    }

    /**
     * Streams {@code content} to a temporary file beside {@code target}, syncs it and renames it
     * over the target; {@code executable} adds the execute bits a Git executable file has.
     */
    public static void write(Path target, java.io.InputStream content, boolean executable) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".reg-tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = content.read(buf)) >= 0; ) {
                    java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        ch.write(bb);
                    }
                }
                ch.force(true);
            }
            // createTempFile makes the file private; give it the target's permissions, or a new file's usual ones.
            try {
                java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                        ? Files.getPosixFilePermissions(target)
                        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
                perms = new java.util.HashSet<>(perms);
                // the mode follows Git's: an executable file gets the execute bits, a regular file loses them
                for (var x : java.util.List.of(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE,
                        java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
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
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
