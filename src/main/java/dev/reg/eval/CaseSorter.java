package dev.reg.eval;

import dev.reg.BadInputException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Puts imported rows in the stored order — case id, then trial — with bounded memory: rows are
 * sorted in chunks, spilled to files in {@code tmp}, and merged. The merge is where duplicate
 * (id, trial) pairs and case-id collisions are caught, and where trials are numbered for tools
 * that do not number repeats.
 */
final class CaseSorter implements CaseSink {
    /** Rows held before a chunk is spilled; with typical rows a chunk is a few megabytes. */
    static final int CHUNK_ROWS = 20_000;
    private static final long CHUNK_CHARS = 8L * 1024 * 1024;

    private final Path tmp;
    private final boolean numberTrials;
    private final MetricCatalog metrics;
    private final List<Entry> buffer = new ArrayList<>();
    private long bufferChars;
    private final List<Path> spills = new ArrayList<>();
    private long rows;
    private long passed;
    private long failed;
    private long errored;
    private long skipped;
    private long noVerdict;

    private record Entry(String id, long order, String test, String location, String tail) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::id).thenComparingLong(Entry::order);

    CaseSorter(Path tmp, boolean numberTrials, MetricCatalog metrics) {
        this.tmp = tmp;
        this.numberTrials = numberTrials;
        this.metrics = metrics;
    }

    @Override
    public void accept(EvalCase row, long order, String test, String location) {
        if (!numberTrials && (order < 1 || order > Integer.MAX_VALUE)) {
            throw new BadInputException(location + ": trial " + order + " is out of range (a whole number from 1)");
        }
        rows++;
        if (row.errored()) {
            errored++;
        } else if (row.skipped()) {
            skipped++;
        } else if (Boolean.TRUE.equals(row.pass())) {
            passed++;
        } else if (Boolean.FALSE.equals(row.pass())) {
            failed++;
        } else {
            noVerdict++;
        }
        metrics.observe(row);
        String tail = EvalJson.tailAfterTrial(row);
        buffer.add(new Entry(row.id(), order, test, location, tail));
        bufferChars += tail.length() + row.id().length() + location.length() + 64;
        if (buffer.size() >= CHUNK_ROWS || bufferChars >= CHUNK_CHARS) {
            spill();
        }
    }

    long rows() {
        return rows;
    }

    private void spill() {
        buffer.sort(ORDER);
        try {
            Path f = Files.createTempFile(tmp, "chunk-", ".bin");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f), 1 << 16))) {
                for (Entry e : buffer) {
                    write(out, e);
                }
            }
            spills.add(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
        bufferChars = 0;
    }

    /** Writes the sorted rows to {@code casesFile} as JSON lines and returns the run's counts. */
    RunSummary finish(Path casesFile) {
        List<Source> sources = new ArrayList<>();
        try {
            if (spills.isEmpty()) {
                buffer.sort(ORDER);
                sources.add(new ListSource(buffer));
            } else {
                if (!buffer.isEmpty()) {
                    spill();
                }
                for (Path p : spills) {
                    sources.add(new FileSource(p));
                }
            }
            PriorityQueue<Source> queue = new PriorityQueue<>((a, b) -> ORDER.compare(a.head(), b.head()));
            for (Source s : sources) {
                if (s.advance()) {
                    queue.add(s);
                }
            }
            long cases = 0;
            int maxTrials = 0;
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(casesFile, StandardCharsets.UTF_8), 1 << 16)) {
                Entry groupFirst = null;
                Entry previous = null;
                int trial = 0;
                while (!queue.isEmpty()) {
                    Source s = queue.poll();
                    Entry e = s.head();
                    if (s.advance()) {
                        queue.add(s);
                    }
                    boolean newCase = previous == null || !previous.id().equals(e.id());
                    if (newCase) {
                        cases++;
                        groupFirst = e;
                        trial = 0;
                    }
                    if (numberTrials) {
                        if (!Objects.equals(groupFirst.test(), e.test())) {
                            throw new BadInputException("case id '" + EvalJson.printable(e.id()) + "' names two different tests: "
                                    + groupFirst.location() + " (" + groupFirst.test() + ") and " + e.location() + " (" + e.test()
                                    + "); repeats of one test share an id, different tests need different ids");
                        }
                        if (!newCase && previous.order() == e.order()) {
                            throw new BadInputException("case '" + EvalJson.printable(e.id()) + "' appears twice at one position: "
                                    + previous.location() + " and " + e.location());
                        }
                        trial++;
                    } else {
                        if (!newCase && previous.order() == e.order()) {
                            throw new BadInputException("duplicate case '" + EvalJson.printable(e.id()) + "' trial " + e.order() + ": "
                                    + previous.location() + " and " + e.location());
                        }
                        trial = (int) e.order();
                    }
                    maxTrials = Math.max(maxTrials, trial);
                    w.write("{\"id\":");
                    w.write(EvalJson.quote(e.id()));
                    w.write(",\"trial\":");
                    w.write(Integer.toString(trial));
                    w.write(e.tail());
                    w.write('\n');
                    previous = e;
                }
            }
            return new RunSummary(rows, cases, maxTrials, passed, failed, errored, skipped, noVerdict);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Source s : sources) {
                s.close();
            }
        }
    }

    private static void write(DataOutputStream out, Entry e) throws IOException {
        writeString(out, e.id());
        out.writeLong(e.order());
        out.writeBoolean(e.test() != null);
        if (e.test() != null) {
            writeString(out, e.test());
        }
        writeString(out, e.location());
        writeString(out, e.tail());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private interface Source extends AutoCloseable {
        Entry head();

        boolean advance();

        @Override
        void close();
    }

    private static final class ListSource implements Source {
        private final List<Entry> list;
        private int next;
        private Entry head;

        ListSource(List<Entry> list) {
            this.list = list;
        }

        @Override
        public Entry head() {
            return head;
        }

        @Override
        public boolean advance() {
            if (next >= list.size()) {
                return false;
            }
            head = list.get(next++);
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static final class FileSource implements Source {
        private final DataInputStream in;
        private Entry head;

        FileSource(Path p) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 1 << 16));
        }

        @Override
        public Entry head() {
            return head;
        }

        @Override
        public boolean advance() {
            try {
                String id;
                try {
                    id = readString(in);
                } catch (EOFException e) {
                    return false;
                }
                long order = in.readLong();
                String test = in.readBoolean() ? readString(in) : null;
                head = new Entry(id, order, test, readString(in), readString(in));
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // a temporary file; it is deleted with its folder
            }
        }
    }
}
