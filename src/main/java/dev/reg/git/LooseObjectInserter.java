package dev.reg.git;

import dev.reg.util.Faults;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.CoreConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PackParser;

/**
 * Writes objects as Git loose objects (zlib of {@code "<type> <size>\0"} and the content, named by
 * its SHA-1), with the temporary file in the change's own folder. JGit's inserter puts its
 * temporary files into {@code .git/objects/} under random names shared by every JGit program, so a
 * killed reg would leave files (megabytes for a dataset) that no later run could safely tell apart
 * from another program's; here every unfinished object is inside the change's folder, which
 * recovery removes. Each object is synced before it is renamed into place, before any ref names it.
 */
final class LooseObjectInserter extends ObjectInserter {
    private final Repository repo;
    private final Path objects;
    private final Path tempDir;
    private final int level;
    private final byte[] buf = new byte[64 * 1024];

    LooseObjectInserter(Repository repo, Path tempDir) {
        this.repo = repo;
        this.objects = repo.getObjectDatabase() instanceof org.eclipse.jgit.internal.storage.file.ObjectDirectory od
                ? od.getDirectory().toPath() : repo.getDirectory().toPath().resolve(Constants.OBJECTS);
        this.tempDir = tempDir;
        this.level = repo.getConfig().get(CoreConfig.KEY).getCompression();
    }

    @Override
    public ObjectId insert(int type, byte[] data, int off, int len) throws IOException {
        return insert(type, len, new ByteArrayInputStream(data, off, len));
    }

    @Override
    public ObjectId insert(int type, long len, InputStream in) throws IOException {
        Path tmp = Files.createTempFile(tempDir, "object-", ".tmp");
        try {
            MessageDigest sha1 = Constants.newMessageDigest();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Deflater deflater = new Deflater(level);
                try {
                    OutputStream z = new DeflaterOutputStream(Channels.newOutputStream(ch), deflater, 64 * 1024);
                    byte[] header = (Constants.typeString(type) + " " + len + "\0").getBytes(StandardCharsets.US_ASCII);
                    sha1.update(header);
                    z.write(header);
                    for (long left = len; left > 0; ) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                        if (n < 0) {
                            throw new EOFException("the content ended " + left + " bytes short of its announced size " + len);
                        }
                        sha1.update(buf, 0, n);
                        z.write(buf, 0, n);
                        left -= n;
                    }
                    ((DeflaterOutputStream) z).finish();
                    z.flush();
                } finally {
                    deflater.end();
                }
                Faults.check("fsync object");
                ch.force(true);
            }
            ObjectId id = ObjectId.fromRaw(sha1.digest());
            if (repo.getObjectDatabase().has(id)) {
                return id;
            }
            String name = id.name();
            Path target = objects.resolve(name.substring(0, 2)).resolve(name.substring(2));
            Files.createDirectories(target.getParent());
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: Git's read-only bit is a courtesy only
            }
            Faults.check("rename object");
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // written meanwhile by someone else: the same content under the same name
            }
            return id;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public PackParser newPackParser(InputStream in) {
        throw new UnsupportedOperationException("reg writes loose objects only");
    }

    @Override
    public ObjectReader newReader() {
        return repo.newObjectReader();
    }

    @Override
    public void flush() {
        // every object is in place (synced and renamed) when insert returns
    }

    @Override
    public void close() {
        // nothing held between objects
    }
}
