package dev.reg.git;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Ref lookups the way C git does them: a binary search in the sorted, memory-mapped
 * {@code packed-refs} file, with loose ref files taking precedence. JGit parses the whole
 * packed-refs file into objects on the first lookup, which in a registry of 100,000 tags costs
 * more than the rest of a reading command; this answers one ref or one prefix without doing so.
 * {@link #open} returns empty when the repository is not a plain files-backend repository with a
 * sorted, fully-peeled packed-refs (reftable, linked work trees, old formats): callers then use JGit.
 */
final class PackedRefs {
    /** A ref with the object it names and, for an annotated tag, the object it peels to (null otherwise). */
    record Entry(String name, ObjectId id, ObjectId peeled) {
        ObjectId target() {
            return peeled != null ? peeled : id;
        }
    }

    private final Path gitDir;
    private final ByteBuffer buf;
    private final int base;

    private PackedRefs(Path gitDir, ByteBuffer buf, int base) {
        this.gitDir = gitDir;
        this.buf = buf;
        this.base = base;
    }

    static Optional<PackedRefs> open(Path gitDir) {
        try {
            if (Files.exists(gitDir.resolve("commondir")) || Files.exists(gitDir.resolve("reftable"))) {
                return Optional.empty();
            }
            Path file = gitDir.resolve("packed-refs");
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(new PackedRefs(gitDir, ByteBuffer.allocate(0), 0));
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
                int end = lineEnd(map, 0);
                String header = end > 0 && map.get(0) == '#' ? ascii(map, 0, end) : "";
                // without these traits the file may be unsorted, or tags may lack their peeled line
                if (!header.startsWith("# pack-refs with:") || !header.contains(" sorted") || !header.contains(" fully-peeled")) {
                    return Optional.empty();
                }
                return Optional.of(new PackedRefs(gitDir, map, Math.min(end + 1, (int) size)));
            }
        } catch (NoSuchFileException e) {
            return Optional.of(new PackedRefs(gitDir, ByteBuffer.allocate(0), 0));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The ref {@code name}: its loose file if there is one, else its packed entry. Empty when
     * neither exists; {@code null} when it is something this reader leaves to JGit (a symbolic ref).
     */
    Optional<Entry> exact(String name) throws IOException {
        Optional<ObjectId> loose = loose(gitDir.resolve(name));
        if (loose == null) {
            return null;
        }
        if (loose.isPresent()) {
            // a loose ref carries no peeled id: the caller peels it through the object database
            return Optional.of(new Entry(name, loose.get(), null));
        }
        int at = search(name);
        if (at < buf.limit()) {
            Entry e = entryAt(at);
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The refs whose names start with {@code prefix}, in name order; loose refs override packed ones. */
    List<Entry> prefix(String prefix) throws IOException {
        TreeMap<String, Entry> out = new TreeMap<>();
        for (int at = search(prefix); at < buf.limit(); at = nextRecord(at)) {
            Entry e = entryAt(at);
            if (!e.name().startsWith(prefix)) {
                break;
            }
            out.put(e.name(), e);
        }
        int slash = prefix.lastIndexOf('/');
        Path dir = gitDir.resolve(prefix.substring(0, slash + 1));
        addLoose(dir, prefix.substring(0, slash + 1), prefix, out);
        return new ArrayList<>(out.values());
    }

    private void addLoose(Path dir, String dirRef, String prefix, TreeMap<String, Entry> out) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = dirRef + p.getFileName();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (name.startsWith(prefix) || prefix.startsWith(name + "/")) {
                        addLoose(p, name + "/", prefix, out);
                    }
                } else if (name.startsWith(prefix) && !name.endsWith(".lock")) {
                    Optional<ObjectId> id = loose(p);
                    if (id == null) {
                        throw new IOException("symbolic ref " + name);
                    }
                    id.ifPresent(i -> out.put(name, new Entry(name, i, null)));
                }
            }
        }
    }

    /** The id in a loose ref file; empty if there is none; null for a symbolic ref or anything unexpected. */
    private static Optional<ObjectId> loose(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
        return ObjectId.isId(s) ? Optional.of(ObjectId.fromString(s)) : null;
    }

    /** Offset of the first record whose name is not less than {@code key}, or the limit. */
    private int search(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int lo = base;
        int hi = buf.limit();
        while (lo < hi) {
            int rec = recordStart(lo + (hi - lo) / 2);
            if (compareName(rec, k) < 0) {
                lo = nextRecord(rec);
            } else {
                hi = rec;
            }
        }
        return lo;
    }

    private int recordStart(int pos) {
        while (pos > base && buf.get(pos - 1) != '\n') {
            pos--;
        }
        if (pos > base && buf.get(pos) == '^') {
            pos--;
            while (pos > base && buf.get(pos - 1) != '\n') {
                pos--;
            }
        }
        return pos;
    }

    private int nextRecord(int rec) {
        int next = lineEnd(buf, rec) + 1;
        if (next < buf.limit() && buf.get(next) == '^') {
            next = lineEnd(buf, next) + 1;
        }
        return Math.min(next, buf.limit());
    }

    private int compareName(int rec, byte[] key) {
        int i = nameStart(rec);
        int end = lineEnd(buf, rec);
        for (int j = 0; j < key.length; j++, i++) {
            if (i >= end) {
                return -1;
            }
            int c = Integer.compare(buf.get(i) & 0xff, key[j] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return i < end ? 1 : 0;
    }

    private int nameStart(int rec) {
        int i = rec;
        while (buf.get(i) != ' ') {
            i++;
        }
        return i + 1;
    }

    private Entry entryAt(int rec) {
        int nameAt = nameStart(rec);
        int end = lineEnd(buf, rec);
        ObjectId id = ObjectId.fromString(ascii(buf, rec, nameAt - 1));
        ObjectId peeled = null;
        int next = end + 1;
        if (next < buf.limit() && buf.get(next) == '^') {
            peeled = ObjectId.fromString(ascii(buf, next + 1, lineEnd(buf, next)));
        }
        return new Entry(new String(bytes(buf, nameAt, end), StandardCharsets.UTF_8), id, peeled);
    }

    private static int lineEnd(ByteBuffer b, int from) {
        int i = from;
        while (i < b.limit() && b.get(i) != '\n') {
            i++;
        }
        return i;
    }

    private static String ascii(ByteBuffer b, int from, int to) {
        return new String(bytes(b, from, to), StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(ByteBuffer b, int from, int to) {
        byte[] out = new byte[to - from];
        b.get(from, out);
        return out;
    }
}
