package dev.reg.online;

import java.util.EnumSet;
import java.util.Set;

/** Receives each event as it is read. The event object is reused: it is valid only during the call. */
@FunctionalInterface
public interface EventSink {
    void accept(TelemetryEvent event);

    /**
     * The parts of an event this sink reads; the others read as absent (null, no embedding, no
     * extras). All of them unless a sink says otherwise.
     */
    default Set<TelemetryField> reads() {
        return EnumSet.allOf(TelemetryField.class);
    }

    /** A sink that reads only {@code reads} (beyond numbers, flags, scores and timestamps). */
    static EventSink reading(Set<TelemetryField> reads, java.util.function.Consumer<TelemetryEvent> accept) {
        Set<TelemetryField> copy = reads.isEmpty() ? EnumSet.noneOf(TelemetryField.class) : EnumSet.copyOf(reads);
        return new EventSink() {
            @Override
            public void accept(TelemetryEvent event) {
                accept.accept(event);
            }

            @Override
            public Set<TelemetryField> reads() {
                return copy;
            }
        };
    }
}
