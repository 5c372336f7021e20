package dev.reg.online;

import dev.reg.BadInputException;
import dev.reg.online.DriftProfile.EmbeddingProfile;
import dev.reg.online.DriftProfile.FieldProfile;
import dev.reg.online.DriftProfile.RateProfile;
import dev.reg.stats.ExactQuantiles;
import dev.reg.stats.ValueCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link DriftProfile} of reference telemetry in bounded memory. One streaming pass
 * counts the categories, the embeddings and the rates, and counts each numeric field's distinct
 * values ({@link ExactQuantiles}); fields with few distinct values (whole milliseconds, cents,
 * judge scores) get their exact deciles and bin counts from that pass alone. A field with more than
 * {@link #MAX_DISTINCT} distinct values costs further passes over the reference files: up to four
 * to pin its deciles exactly, and one to count its bins. The memory is a few megabytes per field
 * and at most {@link #COLLECT_LIMIT} values held at once, however many events there are.
 */
public final class ReferenceProfiler {
    /** Deciles: the edges of the ten numeric bins. */
    static final double[] DECILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    /** Distinct values per numeric field counted exactly in the first pass. */
    public static final int MAX_DISTINCT = 1 << 16;
    /** Values the refinement passes may hold at once, all fields together (32 MB). */
    public static final long COLLECT_LIMIT = 4_000_000;

    private ReferenceProfiler() {
    }

    public static DriftProfile profile(List<TelemetryInput> reference, ReadOptions options) {
        return profile(reference, options, MAX_DISTINCT, COLLECT_LIMIT);
    }

    static DriftProfile profile(List<TelemetryInput> reference, ReadOptions options, int maxDistinct, long collectLimit) {
        if (reference.isEmpty()) {
            throw new BadInputException("no reference files given");
        }
        FirstPass first = new FirstPass(maxDistinct, collectLimit);
        ReadResult read = TelemetryReader.read(reference, options, first);
        if (read.events() == 0) {
            throw BadInputException.at(reference.get(0).name(), 0, "the reference has no events");
        }
        ReadOptions again = new ReadOptions(options.skipBad(), false);
        DriftFields fields = first.fields;
        // fields with too many distinct values: narrow down their deciles pass by pass
        List<String> pending = first.numeric.entrySet().stream().filter(e -> e.getValue().valueCounts() == null).map(Map.Entry::getKey).toList();
        if (!pending.isEmpty()) {
            long share = Math.max(1 << 16, collectLimit / pending.size());
            pending.forEach(f -> first.numeric.get(f).collectLimit(share));
        }
        List<String> refining = pending.stream().filter(f -> first.numeric.get(f).needsPass()).toList();
        while (!refining.isEmpty()) {
            Map<String, ExactQuantiles> active = new HashMap<>();
            refining.forEach(f -> active.put(f, first.numeric.get(f)));
            ReadResult r = TelemetryReader.read(reference, again, EventSink.reading(Set.of(), e -> fields.visit(e, new NumericOnly((f, v) -> {
                ExactQuantiles q = active.get(f);
                if (q != null) {
                    q.addInPass(v);
                }
            }))));
            sameEvents(read, r, reference);
            active.values().forEach(ExactQuantiles::endPass);
            refining = refining.stream().filter(f -> first.numeric.get(f).needsPass()).toList();
        }
        Map<String, FieldProfile> numeric = new TreeMap<>();
        Map<String, long[]> binning = new HashMap<>();
        for (Map.Entry<String, ExactQuantiles> e : first.numeric.entrySet()) {
            ExactQuantiles q = e.getValue();
            double[] raw = q.quantiles();
            double[] edges = merge(raw);
            long[] counts = new long[edges.length + 1];
            FieldProfile p = new FieldProfile(e.getKey(), true, q.count(), raw, edges, null, counts);
            ValueCounts vc = q.valueCounts();
            if (vc != null) {
                vc.forEach((value, c) -> counts[p.bin(value)] += c);
            } else {
                binning.put(e.getKey(), counts);
            }
            numeric.put(e.getKey(), p);
        }
        if (!binning.isEmpty()) {
            ReadResult r = TelemetryReader.read(reference, again, EventSink.reading(Set.of(), e -> fields.visit(e, new NumericOnly((f, v) -> {
                long[] counts = binning.get(f);
                if (counts != null) {
                    counts[numeric.get(f).bin(v)]++;
                }
            }))));
            sameEvents(read, r, reference);
        }
        List<FieldProfile> all = new ArrayList<>(numeric.values());
        first.categories.counts().forEach((field, cats) -> {
            List<String> names = new ArrayList<>(cats.keySet());
            long[] counts = cats.values().stream().mapToLong(Long::longValue).toArray();
            all.add(new FieldProfile(field, false, java.util.Arrays.stream(counts).sum(), null, null, names, counts));
        });
        all.sort((a, b) -> DriftFields.ORDER.compare(a.field(), b.field()));
        EmbeddingProfile embedding = first.embedding.n == 0 ? null : new EmbeddingProfile(first.embedding.n, mean(first.embedding.sum, first.embedding.n));
        List<RateProfile> rates = new ArrayList<>();
        first.rates.sums().forEach((metric, s) -> rates.add(new RateProfile(metric, (long) s[1], s[0] / s[1])));
        rates.sort((a, b) -> DriftFields.ORDER.compare(a.metric(), b.metric()));
        return new DriftProfile(read.inputs(), read.events(), all, embedding, rates);
    }

    /** Equal deciles merged: strictly increasing edges. */
    static double[] merge(double[] raw) {
        double[] out = new double[raw.length];
        int k = 0;
        for (double x : raw) {
            if (k == 0 || x != out[k - 1]) {
                out[k++] = x;
            }
        }
        return Arrays.copyOf(out, k);
    }

    static double[] mean(double[] sum, long n) {
        double[] m = new double[sum.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = sum[i] / n;
        }
        return m;
    }

    private static void sameEvents(ReadResult first, ReadResult again, List<TelemetryInput> files) {
        if (first.events() != again.events()) {
            throw BadInputException.at(files.get(0).name(), 0, "the reference files changed while they were read (" + first.events() + " events, then "
                    + again.events() + ")");
        }
    }

    /** Passes the numeric fields of an event on; ignores the categorical ones. */
    private record NumericOnly(java.util.function.ObjDoubleConsumer<String> numeric) implements DriftFields.Visitor {
        @Override
        public void categorical(String field, String value) {
        }

        @Override
        public void numeric(String field, double value) {
            this.numeric.accept(field, value);
        }
    }

    /** Everything one pass over the reference learns. */
    private static final class FirstPass extends DriftSide {
        final Map<String, ExactQuantiles> numeric = new HashMap<>();
        final int maxDistinct;
        final long collectLimit;

        FirstPass(int maxDistinct, long collectLimit) {
            super("the reference", null);
            this.maxDistinct = maxDistinct;
            this.collectLimit = collectLimit;
        }

        @Override
        public void numeric(String field, double value) {
            numeric.computeIfAbsent(field, k -> new ExactQuantiles(DECILES, maxDistinct, collectLimit)).add(value);
        }
    }
}
