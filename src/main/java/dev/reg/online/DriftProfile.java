package dev.reg.online;

import java.util.Arrays;
import java.util.List;

/**
 * What drift needs to know about a reference set, without its events: per field the bins (numeric
 * fields: the merged type-7 decile edges; categorical fields: the categories) with their counts, the
 * mean embedding, and the rates. A drift check against a recorded reference reads only this
 * ({@link DriftJson#profile} / {@link DriftJson#readProfile}).
 *
 * @param inputs the reference files it was computed from
 */
public record DriftProfile(List<InputSummary> inputs, long events, List<FieldProfile> fields, EmbeddingProfile embedding, List<RateProfile> rates) {
    public DriftProfile {
        inputs = List.copyOf(inputs);
        fields = List.copyOf(fields);
        rates = List.copyOf(rates);
    }

    /**
     * One field's reference distribution.
     *
     * @param rawEdges numeric: the 10th..90th percentiles before equal ones were merged; null for categorical
     * @param edges numeric: the merged, strictly increasing edges e1..ek of bins (-inf,e1], (e1,e2], ..., (ek,inf); null for categorical
     * @param categories categorical: the categories in order; null for numeric
     * @param counts reference events per bin (k+1 for numeric, one per category)
     */
    public record FieldProfile(String field, boolean numeric, long n, double[] rawEdges, double[] edges, List<String> categories, long[] counts) {
        public FieldProfile {
            categories = categories == null ? null : List.copyOf(categories);
        }

        /** The bin of a numeric value: the number of edges below it. */
        public int bin(double v) {
            int i = Arrays.binarySearch(edges, v);
            if (i >= 0) {
                return i; // a value equal to an edge lies in the bin that edge closes
            }
            return -i - 1;
        }
    }

    /** The mean of the reference embeddings. */
    public record EmbeddingProfile(long n, double[] mean) {
        public int dimension() {
            return mean.length;
        }
    }

    /** A rate or mean of the reference: a score's mean, the refusal rate, a guardrail's hit rate. */
    public record RateProfile(String metric, long n, double mean) {
    }

    public FieldProfile field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst().orElse(null);
    }

    public RateProfile rate(String metric) {
        return rates.stream().filter(r -> r.metric().equals(metric)).findFirst().orElse(null);
    }
}
