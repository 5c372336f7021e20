package dev.reg.online;

import dev.reg.BadInputException;
import dev.reg.registry.ContentHasher;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams telemetry files (JSON Lines, plain or gzip) into an {@link EventSink}, one reused event at
 * a time: memory does not grow with the number of events. Gzip is recognised by its magic bytes, not
 * the file name. A malformed line is a {@link BadInputException} naming file and line, unless the
 * skip budget of {@link ReadOptions} lets it be skipped and counted. Each file's sha256 is computed
 * from its bytes while they are read, so a readout can name its inputs without a second read.
 */
public final class TelemetryReader {
    /** Skipped lines a readout lists by file and line (the count covers them all). */
    public static final int SKIPPED_SAMPLES = 20;
    static final int MAX_LINE = 64 * 1024 * 1024;

    private TelemetryReader() {
    }

    public static ReadResult read(List<TelemetryInput> inputs, ReadOptions options, EventSink sink) {
        Skips skips = new Skips(options.skipBad());
        TelemetryEvent event = new TelemetryEvent();
        EventParser parser = new EventParser(event);
        List<InputSummary> summaries = new ArrayList<>();
        long events = 0;
        for (TelemetryInput input : inputs) {
            InputSummary s = readFile(input, options, parser, event, skips, sink);
            summaries.add(s);
            events += s.events();
        }
        return new ReadResult(summaries, events, skips.count, skips.samples);
    }

    /** The malformed lines skipped so far across one read, against the budget. */
    private static final class Skips {
        final long limit;
        long count;
        final List<SkippedLine> samples = new ArrayList<>();

        Skips(long limit) {
            this.limit = limit;
        }

        void skip(String file, long line, String reason) {
            if (count >= limit) {
                throw BadInputException.at(file, (int) Math.min(Integer.MAX_VALUE, line), limit == 0 ? reason
                        : reason + " (the budget of " + limit + " skipped malformed lines is used up)");
            }
            count++;
            if (samples.size() < SKIPPED_SAMPLES) {
                samples.add(new SkippedLine(file, line, reason));
            }
        }
    }

    private static InputSummary readFile(TelemetryInput input, ReadOptions options, EventParser parser, TelemetryEvent event, Skips skips,
            EventSink sink) {
        String name = input.name();
        long skippedBefore = skips.count;
        if (Files.isDirectory(input.path())) {
            throw BadInputException.at(name, 0, "is a directory; expected a telemetry file (JSON Lines, plain or .gz)");
        }
        MessageDigest md = options.hash() ? ContentHasher.newSha256() : null;
        long lineNo = 0;
        long events = 0;
        boolean gzip;
        long size;
        try (InputStream raw = Files.newInputStream(input.path())) {
            size = Files.size(input.path());
            InputStream counted = md == null ? raw : new DigestInputStream(raw, md);
            PushbackInputStream head = new PushbackInputStream(counted, 2);
            byte[] magic = head.readNBytes(2);
            head.unread(magic);
            gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            InputStream in = gzip ? new GZIPInputStream(head, 1 << 16) : head;
            parser.startFile();
            event.file = name;
            event.inputArm = input.arm();
            byte[] buf = new byte[1 << 20];
            int start = 0;
            int end = 0;
            int scan = 0;
            while (true) {
                int nl = indexOfNewline(buf, scan, end);
                if (nl >= 0) {
                    lineNo++;
                    if (line(buf, start, nl, lineNo, parser, event, skips, sink)) {
                        events++;
                    }
                    start = nl + 1;
                    scan = start;
                    continue;
                }
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                scan = end;
                if (end == buf.length) {
                    if (buf.length >= MAX_LINE) {
                        throw BadInputException.at(name, (int) Math.min(Integer.MAX_VALUE, lineNo + 1),
                                "line longer than " + (MAX_LINE >> 20) + " MB; expected one event per line");
                    }
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    if (end > start) {
                        lineNo++;
                        if (line(buf, start, end, lineNo, parser, event, skips, sink)) {
                            events++;
                        }
                    }
                    break;
                }
                end += n;
            }
            // the digest covers the whole file, also bytes after the end of the gzip stream
            counted.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (NoSuchFileException x) {
            throw BadInputException.at(name, 0, "not found");
        } catch (ZipException x) {
            throw BadInputException.at(name, (int) Math.min(Integer.MAX_VALUE, lineNo + 1), "not a valid gzip file: " + x.getMessage());
        } catch (EOFException x) {
            throw BadInputException.at(name, (int) Math.min(Integer.MAX_VALUE, lineNo + 1),
                    "the gzip stream ends early (a truncated .gz file)");
        } catch (IOException x) {
            throw BadInputException.at(name, 0, "cannot be read: " + x.getMessage());
        }
        return new InputSummary(name, input.arm(), size, md == null ? null : HexFormat.of().formatHex(md.digest()), gzip, lineNo, events,
                skips.count - skippedBefore);
    }

    /** Parses and delivers one line; false for a blank or skipped line. */
    private static boolean line(byte[] buf, int from, int to, long lineNo, EventParser parser, TelemetryEvent event, Skips skips,
            EventSink sink) {
        int end = to;
        while (end > from && isSpace(buf[end - 1])) {
            end--;
        }
        int start = from;
        while (start < end && isSpace(buf[start])) {
            start++;
        }
        if (start == end) {
            return false;
        }
        try {
            parser.parse(buf, start, end - start, lineNo);
        } catch (EventParser.BadLine bad) {
            skips.skip(event.file, lineNo, bad.getMessage());
            return false;
        }
        event.line = lineNo;
        sink.accept(event);
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    private static int indexOfNewline(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
