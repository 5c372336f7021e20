package dev.reg.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.codec.binary.Hex;

/**
 * sha256 of content files, streamed through a fixed buffer so a file of many gigabytes hashes in
 * constant memory, and the artifact digest built from them.
 */
public final class ContentHasher {
    private static final int BUFFER = 1 << 20;

    private ContentHasher() {
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    public static Sha256 hashFile(Path file, ProgressListener progress) {
        MessageDigest md = newSha256();
        ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                int n = buf.remaining();
                md.update(buf);
                buf.clear();
                progress.advance(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Sha256(Hex.encodeHexString(md.digest()));
    }

    public static Sha256 hashStream(InputStream in) throws IOException {
        return hashStream(in, ProgressListener.NONE);
    }

    public static Sha256 hashStream(InputStream in, ProgressListener progress) throws IOException {
        MessageDigest md = newSha256();
        byte[] buf = new byte[BUFFER];
        for (int n; (n = in.read(buf)) >= 0; ) {
            md.update(buf, 0, n);
            progress.advance(n);
        }
        return new Sha256(Hex.encodeHexString(md.digest()));
    }

    public static Sha256 hashBytes(byte[] bytes) {
        return new Sha256(Hex.encodeHexString(newSha256().digest(bytes)));
    }

    /**
     * The artifact digest: sha256 over the lines {@code path\0file-sha256\n}, sorted by path
     * (UTF-8 byte order), with the file hash in lowercase hex.
     */
    public static Sha256 digest(Map<String, Sha256> fileHashes) {
        SortedMap<byte[], String> lines = new TreeMap<>(java.util.Arrays::compareUnsigned);
        for (Map.Entry<String, Sha256> e : fileHashes.entrySet()) {
            lines.put(e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue().hex());
        }
        MessageDigest md = newSha256();
        for (Map.Entry<byte[], String> e : lines.entrySet()) {
            md.update(e.getKey());
            md.update((byte) 0);
            md.update(e.getValue().getBytes(StandardCharsets.US_ASCII));
            md.update((byte) '\n');
        }
        return new Sha256(Hex.encodeHexString(md.digest()));
    }
}
