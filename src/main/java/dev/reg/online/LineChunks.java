package dev.reg.online;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Reads a telemetry file on a thread of its own: raw bytes through sha256 and, when the file starts
 * with gzip's magic bytes, through gunzip, cut into chunks of whole lines. The reader parses one
 * chunk while the next is being inflated, hashed and cut, as {@code zcat | wc -l} overlaps its two
 * processes. A few chunks circulate between the threads, so memory stays a few megabytes.
 */
final class LineChunks implements AutoCloseable {
    private static final int CHUNK = 1 << 20;
    private static final int IN_FLIGHT = 3;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /** Whole lines: line i is bytes [starts[i], ends[i]) of buf, without its newline. */
    static final class Chunk {
        byte[] buf = new byte[CHUNK];
        int[] starts = new int[4096];
        int[] ends = new int[4096];
        int count;
        /** The number of the chunk's first line. */
        long firstLine;
        /** The last chunk of the file: its summary is set. */
        boolean last;
        IOException error;
        String sha256;
        boolean gzip;

        void add(int start, int end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count++] = end;
        }
    }

    private final TelemetryInput input;
    private final boolean hash;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final Thread thread;
    private volatile boolean closed;

    LineChunks(TelemetryInput input, boolean hash) {
        this.input = input;
        this.hash = hash;
        for (int i = 0; i < IN_FLIGHT; i++) {
            free.add(new Chunk());
        }
        thread = new Thread(this::produce, "reg-telemetry-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next chunk; the last one has {@code last} set (and error, if reading failed). */
    Chunk take() {
        try {
            return full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + input.name(), e);
        }
    }

    /** Gives a parsed chunk back for reuse. */
    void recycle(Chunk c) {
        free.offer(c);
    }

    @Override
    public void close() {
        closed = true;
        free.clear();
        full.clear();
        thread.interrupt();
    }

    private void produce() {
        long line = 1;
        Chunk c = next();
        if (c == null) {
            return;
        }
        try (InputStream raw = Files.newInputStream(input.path())) {
            MessageDigest md = hash ? dev.reg.registry.ContentHasher.newSha256() : null;
            InputStream counted = md == null ? raw : new DigestInputStream(raw, md);
            PushbackInputStream head = new PushbackInputStream(counted, 2);
            byte[] magic = head.readNBytes(2);
            head.unread(magic);
            boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            InputStream in = gzip ? new GZIPInputStream(head, 1 << 16) : head;
            int len = 0;
            while (true) {
                int n = in.readNBytes(c.buf, len, c.buf.length - len);
                len += n;
                boolean eof = len < c.buf.length;
                int start = 0;
                int nl;
                while ((nl = newline(c.buf, start, len)) >= 0) {
                    c.add(start, nl);
                    start = nl + 1;
                }
                if (eof) {
                    if (start < len) {
                        c.add(start, len);
                    }
                    counted.transferTo(java.io.OutputStream.nullOutputStream());
                    c.last = true;
                    c.gzip = gzip;
                    c.sha256 = md == null ? null : HexFormat.of().formatHex(md.digest());
                    c.firstLine = line;
                    send(c);
                    return;
                }
                if (c.count == 0) {
                    if (c.buf.length >= TelemetryReader.MAX_LINE) {
                        throw new LineTooLong(line);
                    }
                    c.buf = Arrays.copyOf(c.buf, c.buf.length * 2); // one line longer than the buffer
                    continue;
                }
                Chunk following = next();
                if (following == null) {
                    return;
                }
                len -= start;
                if (following.buf.length < Math.max(CHUNK, len * 2)) {
                    following.buf = new byte[Math.max(CHUNK, len * 2)];
                }
                System.arraycopy(c.buf, start, following.buf, 0, len);
                c.firstLine = line;
                line += c.count;
                send(c);
                c = following;
            }
        } catch (IOException e) {
            fail(c, line, e);
        } catch (RuntimeException | Error e) {
            // the reader waits for a chunk: whatever went wrong here must reach it
            fail(c, line, new IOException(e.toString(), e));
        }
    }

    private void fail(Chunk c, long line, IOException e) {
        c.error = e;
        c.last = true;
        c.firstLine = line + c.count;
        c.count = 0;
        send(c);
    }

    /** A line longer than {@link TelemetryReader#MAX_LINE}, at line {@code line}. */
    static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        LineTooLong(long line) {
            super("line longer than " + (TelemetryReader.MAX_LINE >> 20) + " MB");
            this.line = line;
        }
    }

    /** A free chunk, emptied; null once the reader closed. */
    private Chunk next() {
        try {
            while (!closed) {
                Chunk c = free.poll(100, TimeUnit.MILLISECONDS);
                if (c != null) {
                    c.count = 0;
                    c.last = false;
                    c.error = null;
                    return c;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void send(Chunk c) {
        try {
            while (!closed && !full.offer(c, 100, TimeUnit.MILLISECONDS)) {
                // the reader is busy; try again unless it has closed
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first '\n' in buf[from, to), or -1; eight bytes at a time (the has-zero-byte trick). */
    static int newline(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(buf, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long z = (w - 0x0101010101010101L) & ~w & 0x8080808080808080L;
            if (z != 0) {
                return i + (Long.numberOfTrailingZeros(z) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

}
