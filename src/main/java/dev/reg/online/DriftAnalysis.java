package dev.reg.online;

import dev.reg.BadInputException;
import dev.reg.online.DriftProfile.FieldProfile;
import dev.reg.online.DriftReadout.EmbeddingDrift;
import dev.reg.online.DriftReadout.FieldDrift;
import dev.reg.online.DriftReadout.RateDrift;
import dev.reg.online.DriftReadout.RateWindow;
import dev.reg.stats.Divergences;
import dev.reg.stats.Numbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Drift of current telemetry against a reference (DESIGN.md section 2, "Online"), by definitions
 * fixed so that any tool recomputes the same numbers: numeric fields in ten bins cut at the
 * reference's deciles (type 7, equal edges merged), categorical fields over the categories seen on
 * either side; PSI and KL with a share of 0 taken as 0.0001, the Jensen-Shannon distance (base 2)
 * on the raw shares; the embedding's cosine distance between mean vectors; rates over a window.
 * The current side is read in one streaming pass; the reference is a {@link DriftProfile}, built
 * from files by {@link ReferenceProfiler} or read back from a recorded one.
 */
public final class DriftAnalysis {
    private DriftAnalysis() {
    }

    /** Profiles the reference files, then compares the current files with them. */
    public static DriftReadout run(List<TelemetryInput> reference, List<TelemetryInput> current, DriftSpec spec, ReadOptions options) {
        return compare(ReferenceProfiler.profile(reference, options), current, spec, options);
    }

    /** Compares the current files with a reference profile. */
    public static DriftReadout compare(DriftProfile reference, List<TelemetryInput> current, DriftSpec spec, ReadOptions options) {
        if (current.isEmpty()) {
            throw new BadInputException("no current files given");
        }
        CurrentPass pass = new CurrentPass(reference, spec);
        ReadResult read = TelemetryReader.read(current, options, pass);
        pass.categoryCounts = pass.categories.counts();
        List<FieldDrift> fields = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(DriftFields.ORDER);
        reference.fields().forEach(f -> names.add(f.field()));
        names.addAll(pass.categoryCounts.keySet());
        names.addAll(pass.numeric.keySet());
        names.addAll(pass.unbinned.keySet());
        for (String name : names) {
            fields.add(field(spec, name, reference.field(name), pass));
        }
        EmbeddingDrift embedding = embedding(spec, reference, pass.embedding);
        List<RateDrift> rates = new ArrayList<>();
        Map<String, double[]> sums = pass.rates.sums();
        TreeSet<String> metrics = new TreeSet<>(DriftFields.ORDER);
        reference.rates().forEach(r -> metrics.add(r.metric()));
        metrics.addAll(sums.keySet());
        for (String m : metrics) {
            DriftProfile.RateProfile ref = reference.rate(m);
            double[] s = sums.get(m);
            rates.add(new RateDrift(m, ref == null ? 0 : ref.n(), ref == null ? Double.NaN : ref.mean(), s == null ? 0 : (long) s[1],
                    s == null ? Double.NaN : s[0] / s[1]));
        }
        Level level = Level.UNKNOWN;
        for (FieldDrift f : fields) {
            level = level.worst(f.level());
        }
        if (embedding != null) {
            level = level.worst(embedding.level());
        }
        RateWindow window = new RateWindow(spec.window(), pass.rates.from(), pass.rates.to(), pass.rates.untimed());
        return new DriftReadout(spec, reference, read, fields, embedding, rates, window, level);
    }

    private static FieldDrift field(DriftSpec spec, String name, FieldProfile ref, CurrentPass cur) {
        boolean numeric = ref != null ? ref.numeric() : cur.numeric.containsKey(name) || cur.unbinned.containsKey(name);
        List<String> bins = new ArrayList<>();
        long[] r;
        long[] c;
        double[] edges = null;
        if (numeric) {
            if (ref == null) {
                long n = cur.unbinned.get(name)[0];
                return new FieldDrift(name, true, 0, n, null, List.of(), new long[0], new long[0], Double.NaN, Double.NaN, Double.NaN, Level.UNKNOWN,
                        "no reference values: no bins to compare with");
            }
            edges = ref.edges();
            r = ref.counts();
            c = cur.numeric.getOrDefault(name, new long[r.length]);
            for (int i = 0; i <= edges.length; i++) {
                bins.add(binLabel(edges, i));
            }
        } else {
            TreeMap<String, long[]> both = new TreeMap<>();
            if (ref != null) {
                for (int i = 0; i < ref.categories().size(); i++) {
                    both.computeIfAbsent(ref.categories().get(i), k -> new long[2])[0] = ref.counts()[i];
                }
            }
            cur.categoryCounts.getOrDefault(name, new TreeMap<>()).forEach((k, v) -> both.computeIfAbsent(k, x -> new long[2])[1] = v);
            r = new long[both.size()];
            c = new long[both.size()];
            int i = 0;
            for (Map.Entry<String, long[]> e : both.entrySet()) {
                bins.add(e.getKey());
                r[i] = e.getValue()[0];
                c[i++] = e.getValue()[1];
            }
        }
        long nr = sum(r);
        long nc = sum(c);
        if (nr == 0 || nc == 0) {
            return new FieldDrift(name, numeric, nr, nc, edges, bins, r, c, Double.NaN, Double.NaN, Double.NaN, Level.UNKNOWN,
                    "no " + (nr == 0 ? "reference" : "current") + " events carry " + name);
        }
        double[] rs = shares(r, nr);
        double[] cs = shares(c, nc);
        double psi = Divergences.psi(rs, cs);
        double kl = Divergences.kl(rs, cs);
        double js = Divergences.jensenShannonDistance(rs, cs);
        Level level;
        String note = null;
        if (nr < spec.minEvents() || nc < spec.minEvents()) {
            level = Level.UNKNOWN;
            note = "fewer than " + spec.minEvents() + " events (reference " + nr + ", current " + nc + ")";
        } else {
            level = Level.of(psi, spec.psi()).worst(Level.of(js, spec.js()));
        }
        return new FieldDrift(name, numeric, nr, nc, edges, bins, r, c, psi, kl, js, level, note);
    }

    private static EmbeddingDrift embedding(DriftSpec spec, DriftProfile reference, DriftSide.EmbeddingSum cur) {
        DriftProfile.EmbeddingProfile ref = reference.embedding();
        if (ref == null && cur.n == 0) {
            return null;
        }
        if (ref == null || cur.n == 0) {
            return new EmbeddingDrift(ref == null ? cur.sum.length : ref.dimension(), ref == null ? 0 : ref.n(), cur.n, Double.NaN, Level.UNKNOWN);
        }
        double[] m = ReferenceProfiler.mean(cur.sum, cur.n);
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < m.length; i++) {
            dot += ref.mean()[i] * m[i];
            a += ref.mean()[i] * ref.mean()[i];
            b += m[i] * m[i];
        }
        double d = a == 0 || b == 0 ? Double.NaN : 1 - dot / (Math.sqrt(a) * Math.sqrt(b));
        Level level = ref.n() < spec.minEvents() || cur.n < spec.minEvents() || Double.isNaN(d) ? Level.UNKNOWN : Level.of(d, spec.embedding());
        return new EmbeddingDrift(m.length, ref.n(), cur.n, d, level);
    }

    static String binLabel(double[] edges, int i) {
        String lo = i == 0 ? "-inf" : Numbers.brief(edges[i - 1]);
        return i == edges.length ? "(" + lo + ", inf)" : "(" + lo + ", " + Numbers.brief(edges[i]) + "]";
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }

    private static double[] shares(long[] counts, long n) {
        double[] s = new double[counts.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (double) counts[i] / n;
        }
        return s;
    }

    /** One pass over the current events, binned with the reference's edges. */
    private static final class CurrentPass extends DriftSide {
        final DriftProfile reference;
        final Map<String, long[]> numeric = new HashMap<>();
        final Map<String, long[]> unbinned = new HashMap<>();
        final Map<String, FieldProfile> numericProfiles = new HashMap<>();
        Map<String, TreeMap<String, Long>> categoryCounts;

        CurrentPass(DriftProfile reference, DriftSpec spec) {
            super("the current set", spec.window());
            this.reference = reference;
            reference.fields().stream().filter(FieldProfile::numeric).forEach(f -> numericProfiles.put(f.field(), f));
        }

        @Override
        public void accept(TelemetryEvent e) {
            if (e.embeddingLength() >= 0 && reference.embedding() != null && e.embeddingLength() != reference.embedding().dimension()) {
                throw BadInputException.at(e.file(), (int) Math.min(Integer.MAX_VALUE, e.line()), "embedding has " + e.embeddingLength()
                        + " values, but the reference's have " + reference.embedding().dimension());
            }
            super.accept(e);
        }

        @Override
        public void numeric(String field, double value) {
            FieldProfile p = numericProfiles.get(field);
            if (p == null) {
                unbinned.computeIfAbsent(field, k -> new long[1])[0]++;
                return;
            }
            numeric.computeIfAbsent(field, k -> new long[p.counts().length])[p.bin(value)]++;
        }
    }
}
