package dev.reg.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Refs under a name prefix, read the way C git reads them: a binary search of a sorted
 * {@code packed-refs} (mapped, never parsed whole) plus the loose ref files under the prefix's
 * folder. JGit parses all of packed-refs on first use, which at 100,000 tags costs more than the
 * whole rest of a command; this keeps reading by name proportional to the refs asked for.
 * Returns empty when the repository is not in the plain files format, so callers fall back to JGit.
 */
final class RefNameIndex {
    /** A ref as packed-refs or a loose file records it: its object and, for annotated tags, the peeled commit. */
    record Entry(ObjectId id, ObjectId peeled) {
    }

    private final Path commonDir;

    RefNameIndex(Path commonDir) {
        this.commonDir = commonDir;
    }

    /** {@code commonDir} null: refs are not plain files here (reftable), every lookup falls back to JGit. */
    Optional<Map<String, Entry>> byPrefix(String prefix) {
        if (commonDir == null) {
            return Optional.empty();
        }
        Map<String, Entry> out = new TreeMap<>();
        if (!readPacked(prefix, out)) {
            return Optional.empty();
        }
        readLoose(prefix, out);
        return Optional.of(out);
    }

    private boolean readPacked(String prefix, Map<String, Entry> out) {
        Path file = commonDir.resolve("packed-refs");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return true;
            }
            if (size > Integer.MAX_VALUE) {
                return false;
            }
            MappedByteBuffer buf = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            int start = 0;
            boolean sorted = false;
            if (buf.get(0) == '#') {
                int eol = lineEnd(buf, 0);
                String header = ascii(buf, 0, eol);
                sorted = header.startsWith("# pack-refs with:") && (" " + header.substring(17) + " ").contains(" sorted ");
                start = eol + 1;
            }
            byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
            int pos = sorted ? lowerBound(buf, start, (int) size, p) : start;
            while (pos < size) {
                int eol = lineEnd(buf, pos);
                if (buf.get(pos) == '^' || buf.get(pos) == '#') {
                    pos = eol + 1;
                    continue;
                }
                if (eol - pos < 42) {
                    return false; // not a format we know: let JGit read it
                }
                int cmp = comparePrefix(buf, pos + 41, eol, p);
                if (cmp == 0) {
                    String name = new String(bytes(buf, pos + 41, eol), StandardCharsets.UTF_8);
                    ObjectId id = ObjectId.fromString(ascii(buf, pos, pos + 40));
                    ObjectId peeled = null;
                    int next = eol + 1;
                    if (next < size && buf.get(next) == '^') {
                        int peol = lineEnd(buf, next);
                        peeled = ObjectId.fromString(ascii(buf, next + 1, next + 41));
                        next = peol + 1;
                    }
                    out.put(name, new Entry(id, peeled));
                    pos = next;
                } else if (cmp > 0 && sorted) {
                    break; // past every name with the prefix
                } else {
                    pos = eol + 1;
                }
            }
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offset of a line at or before the first ref line whose name is not less than {@code prefix}. */
    private static int lowerBound(MappedByteBuffer buf, int from, int to, byte[] prefix) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int start = lineStart(buf, lo, lo + (hi - lo) / 2);
            int line = start;
            while (line < hi && buf.get(line) == '^') {
                line = lineEnd(buf, line) + 1; // peeled lines belong to the ref above them
            }
            if (line >= hi) {
                hi = start;
                continue;
            }
            int eol = lineEnd(buf, line);
            if (eol - line < 42 || compareName(buf, line + 41, eol, prefix) < 0) {
                lo = eol + 1;
            } else {
                hi = start;
            }
        }
        return lo;
    }

    private static int lineStart(MappedByteBuffer buf, int from, int pos) {
        while (pos > from && buf.get(pos - 1) != '\n') {
            pos--;
        }
        return pos;
    }

    private static int lineEnd(MappedByteBuffer buf, int pos) {
        int n = buf.limit();
        while (pos < n && buf.get(pos) != '\n') {
            pos++;
        }
        return pos;
    }

    /** Compares a ref name (bytes [from, to)) with {@code key} in unsigned byte order. */
    private static int compareName(MappedByteBuffer buf, int from, int to, byte[] key) {
        int n = Math.min(to - from, key.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(buf.get(from + i) & 0xff, key[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(to - from, key.length);
    }

    /** 0 when the name starts with the prefix, otherwise its order relative to the prefix. */
    private static int comparePrefix(MappedByteBuffer buf, int from, int to, byte[] prefix) {
        int n = Math.min(to - from, prefix.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(buf.get(from + i) & 0xff, prefix[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return to - from >= prefix.length ? 0 : -1;
    }

    private void readLoose(String prefix, Map<String, Entry> out) {
        int slash = prefix.lastIndexOf('/');
        Path dir = commonDir.resolve(slash < 0 ? "" : prefix.substring(0, slash));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String name = commonDir.relativize(f).toString().replace('\\', '/');
                if (!name.startsWith(prefix) || name.endsWith(".lock")) {
                    continue;
                }
                String content = Files.readString(f, StandardCharsets.US_ASCII).trim();
                if (content.length() == 40 && ObjectId.isId(content)) {
                    out.put(name, new Entry(ObjectId.fromString(content), null)); // a loose ref wins over its packed copy
                }
            }
        } catch (NoSuchFileException e) {
            // the folder went away while listing: no loose refs there
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(MappedByteBuffer buf, int from, int to) {
        byte[] b = new byte[to - from];
        buf.get(from, b);
        return b;
    }

    private static String ascii(MappedByteBuffer buf, int from, int to) {
        return new String(bytes(buf, from, to), StandardCharsets.US_ASCII);
    }
}
