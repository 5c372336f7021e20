package dev.reg.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.BadInputException;
import dev.reg.online.DriftProfile.EmbeddingProfile;
import dev.reg.online.DriftProfile.FieldProfile;
import dev.reg.online.DriftProfile.RateProfile;
import dev.reg.online.DriftReadout.FieldDrift;
import dev.reg.online.DriftReadout.RateDrift;
import dev.reg.stats.LinearQuantile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drift as JSON: the readout as {@code reg.drift/1} (DESIGN's {@code fields} with field, type, psi,
 * kl, js and level, {@code embedding} with cosine_distance and level, and {@code level}; then the
 * bins, rates, window and inputs), and the reference profile as {@code reg.drift-profile/1}, which
 * reads back exactly ({@link #readProfile}) so a later check needs only the profile.
 */
public final class DriftJson {
    public static final String FORMAT = "reg.drift/1";
    public static final String PROFILE_FORMAT = "reg.drift-profile/1";

    private DriftJson() {
    }

    public static String render(DriftReadout r) {
        return OnlineJson.write(tree(r));
    }

    /** The readout with the workflow and the gate file its thresholds came from. */
    public static String render(DriftReadout r, GateSource gate) {
        return OnlineJson.write(tree(r), gate);
    }

    /** The readout as {@code reg drift --record} commits it: with the release whose traffic it watched and when. */
    public static String recorded(DriftReadout r, GateSource gate, Integer release, String at) {
        return OnlineJson.recorded(tree(r), gate, release, at);
    }

    static ObjectNode tree(DriftReadout r) {
        ObjectNode o = OnlineJson.object();
        o.put("format", FORMAT);
        ArrayNode fields = o.putArray("fields");
        for (FieldDrift f : r.fields()) {
            ObjectNode x = fields.addObject();
            x.put("field", f.field());
            x.put("type", f.numeric() ? "numeric" : "categorical");
            OnlineJson.num(x, "psi", f.psi());
            OnlineJson.num(x, "kl", f.kl());
            OnlineJson.num(x, "js", f.js());
            x.put("level", f.level().label());
            x.put("n_reference", f.nReference());
            x.put("n_current", f.nCurrent());
            if (f.edges() != null) {
                doubles(x.putArray("edges"), f.edges());
            }
            ArrayNode bins = x.putArray("bins");
            for (int i = 0; i < f.bins().size(); i++) {
                ObjectNode b = bins.addObject();
                b.put("bin", f.bins().get(i));
                b.put("reference", f.referenceCounts()[i]);
                b.put("current", f.currentCounts()[i]);
                OnlineJson.num(b, "reference_share", f.nReference() == 0 ? Double.NaN : (double) f.referenceCounts()[i] / f.nReference());
                OnlineJson.num(b, "current_share", f.nCurrent() == 0 ? Double.NaN : (double) f.currentCounts()[i] / f.nCurrent());
            }
            if (f.note() != null) {
                x.put("note", f.note());
            }
        }
        if (r.embedding() == null) {
            o.putNull("embedding");
        } else {
            ObjectNode e = o.putObject("embedding");
            OnlineJson.num(e, "cosine_distance", r.embedding().cosineDistance());
            e.put("level", r.embedding().level().label());
            e.put("dimension", r.embedding().dimension());
            e.put("n_reference", r.embedding().nReference());
            e.put("n_current", r.embedding().nCurrent());
        }
        o.put("level", r.level().label());
        ArrayNode rates = o.putArray("rates");
        for (RateDrift d : r.rates()) {
            ObjectNode x = rates.addObject();
            x.put("metric", d.metric());
            OnlineJson.num(x, "reference", d.reference());
            OnlineJson.num(x, "current", d.current());
            OnlineJson.num(x, "difference", d.difference());
            x.put("n_reference", d.nReference());
            x.put("n_current", d.nCurrent());
        }
        ObjectNode w = o.putObject("window");
        if (r.window().length() == null) {
            w.putNull("length");
        } else {
            w.put("length", Durations.format(r.window().length()));
        }
        time(w, "from", r.window().fromMillis());
        time(w, "to", r.window().toMillis());
        w.put("untimed", r.window().untimed());
        ObjectNode t = o.putObject("thresholds");
        t.putObject("psi").put("yellow", r.spec().psi().yellow()).put("red", r.spec().psi().red());
        t.putObject("js").put("yellow", r.spec().js().yellow()).put("red", r.spec().js().red());
        t.putObject("embedding").put("yellow", r.spec().embedding().yellow()).put("red", r.spec().embedding().red());
        t.put("min_events", r.spec().minEvents());
        ObjectNode ref = o.putObject("reference");
        ref.put("events", r.reference().events());
        OnlineJson.inputArray(ref.putArray("inputs"), r.reference().inputs());
        OnlineJson.inputs(o, r.current());
        return o;
    }

    /** The reference profile, to record and to read back with {@link #readProfile}. */
    public static String profile(DriftProfile p) {
        ObjectNode o = OnlineJson.object();
        o.put("format", PROFILE_FORMAT);
        o.put("quantiles", LinearQuantile.METHOD);
        o.put("events", p.events());
        OnlineJson.inputArray(o.putArray("inputs"), p.inputs());
        ArrayNode fields = o.putArray("fields");
        for (FieldProfile f : p.fields()) {
            ObjectNode x = fields.addObject();
            x.put("field", f.field());
            x.put("type", f.numeric() ? "numeric" : "categorical");
            x.put("n", f.n());
            if (f.numeric()) {
                doubles(x.putArray("raw_edges"), f.rawEdges());
                doubles(x.putArray("edges"), f.edges());
            } else {
                ArrayNode c = x.putArray("categories");
                f.categories().forEach(c::add);
            }
            ArrayNode counts = x.putArray("counts");
            for (long c : f.counts()) {
                counts.add(c);
            }
        }
        if (p.embedding() == null) {
            o.putNull("embedding");
        } else {
            ObjectNode e = o.putObject("embedding");
            e.put("n", p.embedding().n());
            doubles(e.putArray("mean"), p.embedding().mean());
        }
        ArrayNode rates = o.putArray("rates");
        for (RateProfile r : p.rates()) {
            rates.addObject().put("metric", r.metric()).put("n", r.n()).put("mean", r.mean());
        }
        return OnlineJson.write(o);
    }

    /** Reads a recorded reference profile back; {@code name} names it in errors. */
    public static DriftProfile readProfile(String text, String name) {
        JsonNode o = OnlineJson.parse(text, name);
        if (!PROFILE_FORMAT.equals(o.path("format").asText())) {
            throw BadInputException.at(name, 0, "not a drift reference profile: expected format " + PROFILE_FORMAT);
        }
        List<InputSummary> inputs = new ArrayList<>();
        for (JsonNode i : o.path("inputs")) {
            inputs.add(new InputSummary(i.path("name").asText(), Arm.parse(i.path("arm").asText(null)), i.path("bytes").asLong(),
                    i.path("sha256").asText(null), i.path("gzip").asBoolean(), i.path("lines").asLong(), i.path("events").asLong(),
                    i.path("skipped").asLong()));
        }
        List<FieldProfile> fields = new ArrayList<>();
        for (JsonNode f : o.path("fields")) {
            String field = f.path("field").asText();
            boolean numeric = "numeric".equals(f.path("type").asText());
            long[] counts = longs(f.path("counts"));
            long n = 0;
            for (long c : counts) {
                n += c;
            }
            if (n != f.path("n").asLong()) {
                throw BadInputException.at(name, 0, field + ": the counts add up to " + n + ", not n = " + f.path("n").asLong());
            }
            if (numeric) {
                double[] edges = doubles(f.path("edges"));
                for (int i = 1; i < edges.length; i++) {
                    if (!(edges[i] > edges[i - 1])) {
                        throw BadInputException.at(name, 0, field + ": edges must increase strictly");
                    }
                }
                if (counts.length != edges.length + 1) {
                    throw BadInputException.at(name, 0, field + ": " + edges.length + " edges need " + (edges.length + 1) + " counts, found "
                            + counts.length);
                }
                fields.add(new FieldProfile(field, true, n, doubles(f.path("raw_edges")), edges, null, counts));
            } else {
                List<String> cats = new ArrayList<>();
                f.path("categories").forEach(c -> cats.add(c.asText()));
                if (cats.size() != counts.length) {
                    throw BadInputException.at(name, 0, field + ": " + cats.size() + " categories but " + counts.length + " counts");
                }
                fields.add(new FieldProfile(field, false, n, null, null, cats, counts));
            }
        }
        JsonNode e = o.path("embedding");
        EmbeddingProfile embedding = e.isObject() ? new EmbeddingProfile(e.path("n").asLong(), doubles(e.path("mean"))) : null;
        List<RateProfile> rates = new ArrayList<>();
        for (JsonNode r : o.path("rates")) {
            rates.add(new RateProfile(r.path("metric").asText(), r.path("n").asLong(), r.path("mean").asDouble()));
        }
        return new DriftProfile(inputs, o.path("events").asLong(), fields, embedding, rates);
    }

    private static void time(ObjectNode o, String name, Long millis) {
        if (millis == null) {
            o.putNull(name);
        } else {
            o.put(name, Instant.ofEpochMilli(millis).toString());
        }
    }

    private static void doubles(ArrayNode a, double[] values) {
        for (double v : values) {
            a.add(v);
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    private static long[] longs(JsonNode a) {
        long[] d = new long[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asLong();
        }
        return d;
    }
}
