package dev.reg.online;

import java.time.Duration;
import java.util.List;

/**
 * The result of a drift check (DESIGN.md section 2, "Online"): per field PSI, KL and JS with its
 * level, the embedding's cosine distance, the rates against the reference, and the overall level.
 * {@link DriftJson} writes it as {@code reg.drift/1}.
 *
 * @param current the current files read
 */
public record DriftReadout(DriftSpec spec, DriftProfile reference, ReadResult current, List<FieldDrift> fields, EmbeddingDrift embedding,
        List<RateDrift> rates, RateWindow window, Level level) {
    public DriftReadout {
        fields = List.copyOf(fields);
        rates = List.copyOf(rates);
    }

    /**
     * One field on both sides.
     *
     * @param edges numeric: the reference's merged edges; null for categorical
     * @param bins the bins' labels: {@code (-inf, e1]} ... or the categories
     * @param psi PSI, NaN when a side has no events
     * @param note why the level is unknown, or null
     */
    public record FieldDrift(String field, boolean numeric, long nReference, long nCurrent, double[] edges, List<String> bins,
            long[] referenceCounts, long[] currentCounts, double psi, double kl, double js, Level level, String note) {
        public FieldDrift {
            bins = List.copyOf(bins);
        }
    }

    /** The cosine distance between the mean reference and the mean current embedding. */
    public record EmbeddingDrift(int dimension, long nReference, long nCurrent, double cosineDistance, Level level) {
    }

    /** A rate of the current window against the reference's. */
    public record RateDrift(String metric, long nReference, double reference, long nCurrent, double current) {
        public double difference() {
            return current - reference;
        }
    }

    /**
     * Which current events the rates cover.
     *
     * @param length the window, or null for all current events
     * @param fromMillis start (inclusive) in epoch millis, or null without timestamps
     * @param toMillis the latest current event, or null without timestamps
     * @param untimed events without a timestamp, left out of a window
     */
    public record RateWindow(Duration length, Long fromMillis, Long toMillis, long untimed) {
    }

    public FieldDrift field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst().orElse(null);
    }
}
