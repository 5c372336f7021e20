package dev.reg.online;

/** Receives each event as it is read. The event object is reused: it is valid only during the call. */
@FunctionalInterface
public interface EventSink {
    void accept(TelemetryEvent event);
}
