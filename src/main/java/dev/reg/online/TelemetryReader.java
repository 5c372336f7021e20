package dev.reg.online;

import dev.reg.BadInputException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Streams telemetry files (JSON Lines, plain or gzip) into an {@link EventSink}, one reused event at
 * a time: memory does not grow with the number of events. Gzip is recognised by its magic bytes, not
 * the file name. A malformed line is a {@link BadInputException} naming file and line, unless the
 * skip budget of {@link ReadOptions} lets it be skipped and counted. Each file's sha256 is computed
 * from its bytes while they are read, so a readout can name its inputs without a second read; the
 * reading, hashing and inflating run on a thread of their own ({@link LineChunks}) while this one
 * parses.
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
        EventParser parser = new EventParser(event, sink.reads());
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
        if (!Files.exists(input.path())) {
            throw BadInputException.at(name, 0, "not found");
        }
        long size;
        try {
            size = Files.size(input.path());
        } catch (IOException x) {
            throw BadInputException.at(name, 0, "cannot be read: " + x.getMessage());
        }
        parser.startFile();
        event.file = name;
        event.inputArm = input.arm();
        long lines = 0;
        long events = 0;
        try (LineChunks chunks = new LineChunks(input, options.hash())) {
            while (true) {
                LineChunks.Chunk c = chunks.take();
                for (int i = 0; i < c.count; i++) {
                    if (line(c.buf, c.starts[i], c.ends[i], c.firstLine + i, parser, event, skips, sink)) {
                        events++;
                    }
                }
                lines = c.firstLine + c.count - 1;
                if (c.error != null) {
                    throw failure(name, c.firstLine, c.error);
                }
                if (c.last) {
                    return new InputSummary(name, input.arm(), size, c.sha256, c.gzip, lines, events, skips.count - skippedBefore);
                }
                chunks.recycle(c);
            }
        }
    }

    private static BadInputException failure(String name, long line, IOException x) {
        int at = (int) Math.min(Integer.MAX_VALUE, line);
        if (x instanceof NoSuchFileException) {
            return BadInputException.at(name, 0, "not found");
        }
        if (x instanceof LineChunks.LineTooLong) {
            return BadInputException.at(name, at, x.getMessage() + "; expected one event per line");
        }
        if (x instanceof ZipException) {
            return BadInputException.at(name, at, "not a valid gzip file: " + x.getMessage());
        }
        if (x instanceof EOFException) {
            return BadInputException.at(name, at, "the gzip stream ends early (a truncated .gz file)");
        }
        return BadInputException.at(name, 0, "cannot be read: " + x.getMessage());
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

}
