package dev.reg.online;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;

/**
 * Reads one line of telemetry JSON into the reused {@link TelemetryEvent} with Jackson's streaming
 * parser, checking the type of every known field. A line that is not one JSON object, or whose known
 * fields have the wrong type, a non-finite number or an embedding of another length than the file's
 * first, is a {@link BadLine} with the reason.
 */
final class EventParser {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100)
                    .maxStringLength(16 * 1024 * 1024).build())
            .build();

    private final TelemetryEvent e;
    private final boolean[] wanted = new boolean[TelemetryField.values().length];
    private int fileEmbeddingLength;
    private long fileEmbeddingLine;

    /** Why a line was refused; no stack trace, as a skip budget may make thousands of them. */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String reason) {
            super(reason, null, false, false);
        }
    }

    EventParser(TelemetryEvent e, java.util.Set<TelemetryField> reads) {
        this.e = e;
        for (TelemetryField f : reads) {
            wanted[f.ordinal()] = true;
        }
    }

    /** A new file: its first embedding sets the length the rest must have. */
    void startFile() {
        fileEmbeddingLength = -1;
        fileEmbeddingLine = 0;
    }

    void parse(byte[] buf, int off, int len, long line) throws BadLine {
        e.reset();
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadLine("expected a JSON object (one event per line)");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                field(p, p.currentName(), p.nextToken(), line);
            }
            if (t != JsonToken.END_OBJECT) {
                throw new BadLine("truncated JSON: the line ends in the middle of the event");
            }
            if (p.nextToken() != null) {
                throw new BadLine("more than one JSON value on the line");
            }
        } catch (JsonProcessingException x) {
            throw new BadLine(jsonReason(x));
        } catch (IOException x) {
            throw new BadLine("unreadable: " + x.getMessage());
        }
    }

    private void field(JsonParser p, String name, JsonToken t, long line) throws IOException, BadLine {
        if (t == JsonToken.VALUE_NULL) {
            return; // null is absent, like a missing field
        }
        switch (name) {
            case "timestamp" -> {
                requireString(t, name);
                long ms = IsoTimestamps.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                if (ms == IsoTimestamps.INVALID) {
                    throw new BadLine("timestamp: expected an ISO-8601 date-time with offset, e.g. 2025-09-30T14:05:00Z, found \""
                            + clip(p.getText()) + "\"");
                }
                e.timestamp = ms;
                e.hasTimestamp = true;
            }
            case "event_id" -> e.eventId = string(p, t, name, TelemetryField.EVENT_ID);
            case "journey" -> e.journey = string(p, t, name, TelemetryField.JOURNEY);
            case "model" -> e.model = string(p, t, name, TelemetryField.MODEL);
            case "prompt_version" -> e.promptVersion = string(p, t, name, TelemetryField.PROMPT_VERSION);
            case "dataset_version" -> e.datasetVersion = string(p, t, name, TelemetryField.DATASET_VERSION);
            case "decision" -> e.decision = string(p, t, name, TelemetryField.DECISION);
            case "severity" -> e.severity = string(p, t, name, TelemetryField.SEVERITY);
            case "arm" -> e.arm = string(p, t, name, TelemetryField.ARM);
            case "release" -> {
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_STRING) {
                    throw wrongType(name, "a release number", t);
                }
                e.release = wanted[TelemetryField.RELEASE.ordinal()] ? p.getText() : null;
            }
            case "latency_ms" -> e.latencyMs = number(p, t, name);
            case "cost_usd" -> e.costUsd = number(p, t, name);
            case "success" -> e.success = bool(t, name) ? 1 : 0;
            case "pass" -> e.pass = bool(t, name) ? 1 : 0;
            case "guardrail", "guardrails" -> {
                requireObject(t, name);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String flag = p.currentName();
                    JsonToken v = p.nextToken();
                    if (v != JsonToken.VALUE_NULL) {
                        e.putGuardrail(flag, bool(v, "guardrail." + flag));
                    }
                }
            }
            case "scores" -> {
                requireObject(t, name);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String score = p.currentName();
                    JsonToken v = p.nextToken();
                    if (v != JsonToken.VALUE_NULL) {
                        e.putScore(score, number(p, v, "scores." + score));
                    }
                }
            }
            case "embedding" -> embedding(p, t, line);
            default -> {
                if (!wanted[TelemetryField.EXTRAS.ordinal()]) {
                    p.skipChildren();
                    return;
                }
                switch (t) {
                    case VALUE_STRING -> e.putExtra(name, p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> e.putExtra(name, number(p, t, name));
                    case VALUE_TRUE -> e.putExtra(name, Boolean.TRUE);
                    case VALUE_FALSE -> e.putExtra(name, Boolean.FALSE);
                    default -> p.skipChildren(); // unknown structured fields are ignored
                }
            }
        }
    }

    private void embedding(JsonParser p, JsonToken t, long line) throws IOException, BadLine {
        if (t != JsonToken.START_ARRAY) {
            throw wrongType("embedding", "a list of numbers", t);
        }
        int n = 0;
        boolean decode = wanted[TelemetryField.EMBEDDING.ordinal()];
        JsonToken v;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
            if (v == null) {
                throw new BadLine("truncated JSON: the line ends inside the embedding");
            }
            if (decode) {
                e.putEmbedding(n, number(p, v, "embedding[" + n + "]"));
            } else if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
                throw wrongType("embedding[" + n + "]", "a number", v);
            }
            n++;
        }
        if (fileEmbeddingLength < 0) {
            fileEmbeddingLength = n;
            fileEmbeddingLine = line;
        } else if (n != fileEmbeddingLength) {
            throw new BadLine("embedding has " + n + " values, but this file's first embedding (line " + fileEmbeddingLine + ") has "
                    + fileEmbeddingLength + "; an embedding has one fixed length per file");
        }
        e.embeddingLength = decode ? n : -1;
    }

    private static double number(JsonParser p, JsonToken t, String name) throws IOException, BadLine {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongType(name, "a number", t);
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new BadLine(name + ": " + clip(p.getText()) + " is not a finite number");
        }
        return d + 0.0;
    }

    private static boolean bool(JsonToken t, String name) throws BadLine {
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw wrongType(name, "true or false", t);
    }

    private String string(JsonParser p, JsonToken t, String name, TelemetryField field) throws IOException, BadLine {
        requireString(t, name);
        return wanted[field.ordinal()] ? p.getText() : null;
    }

    private static void requireString(JsonToken t, String name) throws BadLine {
        if (t != JsonToken.VALUE_STRING) {
            throw wrongType(name, "a string", t);
        }
    }

    private static void requireObject(JsonToken t, String name) throws BadLine {
        if (t != JsonToken.START_OBJECT) {
            throw wrongType(name, "an object", t);
        }
    }

    private static BadLine wrongType(String name, String expected, JsonToken t) {
        return new BadLine(name + ": expected " + expected + ", found " + describe(t));
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            default -> String.valueOf(t);
        };
    }

    private static String jsonReason(JsonProcessingException x) {
        String m = String.valueOf(x.getOriginalMessage());
        if (x instanceof JsonEOFException || m.startsWith("Unexpected end-of-input")) {
            return "truncated JSON: the line ends in the middle of a value";
        }
        if (m.contains("'NaN'") || m.contains("Infinity")) {
            return "invalid JSON: NaN and Infinity are not JSON numbers";
        }
        m = m.lines().findFirst().orElse(m);
        int hint = m.indexOf(": enable `");
        return "invalid JSON: " + (hint > 0 ? m.substring(0, hint) : m);
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
