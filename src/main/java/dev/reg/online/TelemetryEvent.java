package dev.reg.online;

import java.util.Arrays;

/**
 * One telemetry event as read from a line of JSON (DESIGN.md section 2, "Online"). A field missing
 * from the event is absent: numbers read NaN, flags {@link #ABSENT}, strings null; it never reads
 * as 0. Unknown top-level scalar fields are kept (for SLO conditions) and otherwise ignored.
 * <p>
 * The reader reuses one instance for every line, so nothing is allocated per event beyond the
 * parsed strings: an event is valid only while the {@link EventSink} that receives it runs.
 */
public final class TelemetryEvent {
    /** A flag (boolean field) that the event does not carry. */
    public static final int ABSENT = -1;

    String file;
    long line;
    Arm inputArm;
    long timestamp;
    boolean hasTimestamp;
    String eventId;
    String journey;
    String model;
    String promptVersion;
    String datasetVersion;
    String decision;
    String severity;
    String arm;
    String release;
    double latencyMs;
    double costUsd;
    int success;
    int pass;
    int guardrailCount;
    String[] guardrailNames = new String[8];
    boolean[] guardrailValues = new boolean[8];
    int scoreCount;
    String[] scoreNames = new String[8];
    double[] scoreValues = new double[8];
    int embeddingLength;
    double[] embedding = new double[16];
    int extraCount;
    String[] extraNames = new String[4];
    Object[] extraValues = new Object[4];

    TelemetryEvent() {
        reset();
    }

    void reset() {
        hasTimestamp = false;
        eventId = null;
        journey = null;
        model = null;
        promptVersion = null;
        datasetVersion = null;
        decision = null;
        severity = null;
        arm = null;
        release = null;
        latencyMs = Double.NaN;
        costUsd = Double.NaN;
        success = ABSENT;
        pass = ABSENT;
        guardrailCount = 0;
        scoreCount = 0;
        embeddingLength = -1;
        extraCount = 0;
    }

    /** The file the event came from, as its input is named. */
    public String file() {
        return file;
    }

    /** The event's 1-based line in its file. */
    public long line() {
        return line;
    }

    /** The arm of the event's input file (--control/--treatment), or null. */
    public Arm inputArm() {
        return inputArm;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** Milliseconds since the epoch; only when {@link #hasTimestamp()}. */
    public long timestampMillis() {
        return timestamp;
    }

    public String eventId() {
        return eventId;
    }

    public String journey() {
        return journey;
    }

    public String model() {
        return model;
    }

    public String promptVersion() {
        return promptVersion;
    }

    public String datasetVersion() {
        return datasetVersion;
    }

    public String decision() {
        return decision;
    }

    public String severity() {
        return severity;
    }

    /** The {@code arm} field as written, or null. */
    public String arm() {
        return arm;
    }

    /** The {@code release} field as written (a number's digits), or null. */
    public String release() {
        return release;
    }

    /** NaN when absent. */
    public double latencyMs() {
        return latencyMs;
    }

    /** NaN when absent. */
    public double costUsd() {
        return costUsd;
    }

    /** 1 true, 0 false, {@link #ABSENT}. */
    public int success() {
        return success;
    }

    /** 1 true, 0 false, {@link #ABSENT}. */
    public int pass() {
        return pass;
    }

    public int guardrailCount() {
        return guardrailCount;
    }

    public String guardrailName(int i) {
        return guardrailNames[i];
    }

    public boolean guardrailValue(int i) {
        return guardrailValues[i];
    }

    /** 1 hit, 0 no hit, {@link #ABSENT}. */
    public int guardrail(String name) {
        for (int i = 0; i < guardrailCount; i++) {
            if (guardrailNames[i].equals(name)) {
                return guardrailValues[i] ? 1 : 0;
            }
        }
        return ABSENT;
    }

    public int scoreCount() {
        return scoreCount;
    }

    public String scoreName(int i) {
        return scoreNames[i];
    }

    public double scoreValue(int i) {
        return scoreValues[i];
    }

    /** NaN when absent. */
    public double score(String name) {
        for (int i = 0; i < scoreCount; i++) {
            if (scoreNames[i].equals(name)) {
                return scoreValues[i];
            }
        }
        return Double.NaN;
    }

    /** The embedding's length, or -1 without one. */
    public int embeddingLength() {
        return embeddingLength;
    }

    /** Component i of the embedding. */
    public double embedding(int i) {
        return embedding[i];
    }

    /** Another top-level scalar: a String, Double or Boolean, or null when absent. */
    public Object extra(String name) {
        for (int i = 0; i < extraCount; i++) {
            if (extraNames[i].equals(name)) {
                return extraValues[i];
            }
        }
        return null;
    }

    void putGuardrail(String name, boolean value) {
        for (int i = 0; i < guardrailCount; i++) {
            if (guardrailNames[i].equals(name)) {
                guardrailValues[i] = value;
                return;
            }
        }
        if (guardrailCount == guardrailNames.length) {
            guardrailNames = Arrays.copyOf(guardrailNames, guardrailCount * 2);
            guardrailValues = Arrays.copyOf(guardrailValues, guardrailCount * 2);
        }
        guardrailNames[guardrailCount] = name;
        guardrailValues[guardrailCount++] = value;
    }

    void putScore(String name, double value) {
        for (int i = 0; i < scoreCount; i++) {
            if (scoreNames[i].equals(name)) {
                scoreValues[i] = value;
                return;
            }
        }
        if (scoreCount == scoreNames.length) {
            scoreNames = Arrays.copyOf(scoreNames, scoreCount * 2);
            scoreValues = Arrays.copyOf(scoreValues, scoreCount * 2);
        }
        scoreNames[scoreCount] = name;
        scoreValues[scoreCount++] = value;
    }

    void putEmbedding(int i, double v) {
        if (i == embedding.length) {
            embedding = Arrays.copyOf(embedding, i * 2);
        }
        embedding[i] = v;
    }

    void putExtra(String name, Object value) {
        for (int i = 0; i < extraCount; i++) {
            if (extraNames[i].equals(name)) {
                extraValues[i] = value;
                return;
            }
        }
        if (extraCount == extraNames.length) {
            extraNames = Arrays.copyOf(extraNames, extraCount * 2);
            extraValues = Arrays.copyOf(extraValues, extraCount * 2);
        }
        extraNames[extraCount] = name;
        extraValues[extraCount++] = value;
    }
}
