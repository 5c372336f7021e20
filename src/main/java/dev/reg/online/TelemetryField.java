package dev.reg.online;

/**
 * Parts of an event that a sink may not need decoded ({@link EventSink#reads()}). Every line is
 * still parsed in full and the type of every known field checked; a part a sink does not read is
 * only not turned into Java values (no strings made, no embedding numbers converted), which is most
 * of the cost of reading. Numbers, flags, scores and timestamps are always decoded.
 */
public enum TelemetryField {
    EVENT_ID, JOURNEY, MODEL, PROMPT_VERSION, DATASET_VERSION, DECISION, SEVERITY, ARM, RELEASE, EMBEDDING,
    /** Top-level fields outside the telemetry format. */
    EXTRAS
}
