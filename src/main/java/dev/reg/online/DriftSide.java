package dev.reg.online;

import dev.reg.BadInputException;
import java.time.Duration;
import java.util.Set;

/**
 * One pass over one side of a drift comparison: the categories, the rates and the embeddings, the
 * same for the reference and the current set; what happens to numeric values is the subclass's.
 */
abstract class DriftSide implements EventSink, DriftFields.Visitor {
    final DriftFields fields = new DriftFields();
    final CategoryCounts categories;
    final RateAccumulator rates;
    final EmbeddingSum embedding;

    DriftSide(String side, Duration window) {
        categories = new CategoryCounts(side);
        rates = new RateAccumulator(fields, window);
        embedding = new EmbeddingSum(side);
    }

    @Override
    public void accept(TelemetryEvent e) {
        fields.visit(e, this);
        rates.add(e);
        embedding.add(e);
    }

    @Override
    public Set<TelemetryField> reads() {
        return DriftFields.READS;
    }

    @Override
    public void categorical(String field, String value) {
        categories.add(field, value);
    }

    /** Sums embeddings of one fixed length, across files. */
    static final class EmbeddingSum {
        private final String side;
        double[] sum;
        long n;
        private String firstAt;

        EmbeddingSum(String side) {
            this.side = side;
        }

        /** Adds the event's embedding, if it has one. */
        void add(TelemetryEvent e) {
            int len = e.embeddingLength();
            if (len < 0) {
                return;
            }
            if (sum == null) {
                sum = new double[len];
                firstAt = e.file() + ":" + e.line();
            } else if (len != sum.length) {
                throw BadInputException.at(e.file(), (int) Math.min(Integer.MAX_VALUE, e.line()), "embedding has " + len + " values, but "
                        + side + "'s first embedding (" + firstAt + ") has " + sum.length);
            }
            for (int i = 0; i < len; i++) {
                sum[i] += e.embedding(i);
            }
            n++;
        }
    }
}
