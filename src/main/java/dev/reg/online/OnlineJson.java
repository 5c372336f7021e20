package dev.reg.online;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.BadInputException;
import dev.reg.stats.Estimate;
import java.io.UncheckedIOException;
import java.util.List;

/** Shared JSON plumbing of the online readouts: numbers that are undefined are written null, never NaN. */
final class OnlineJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OnlineJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String text, String name) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw BadInputException.at(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "invalid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The workflow and the gate file a readout was judged against, after the readout's own fields:
     * {@code "workflow"} and {@code "gate_file": {"path", "commit", "read_from": "HEAD", "section", "section_present"}}.
     */
    static String write(ObjectNode readout, GateSource g) {
        readout.put("workflow", g.workflow());
        ObjectNode x = readout.putObject("gate_file");
        x.put("path", g.file());
        x.put("commit", g.commit());
        x.put("read_from", "HEAD");
        x.put("section", g.section());
        x.put("section_present", g.sectionPresent());
        return write(readout);
    }

    /**
     * A readout as recorded in the registry: its own fields, then the release it judged ({@code release},
     * null when none) and when it was recorded ({@code recorded}), then the workflow and the gate file.
     */
    static String recorded(ObjectNode readout, GateSource g, Integer release, String recorded) {
        if (release == null) {
            readout.putNull("release");
        } else {
            readout.put("release", release.intValue());
        }
        readout.put("recorded", recorded);
        return write(readout, g);
    }

    /** {@code o.name = x}, or null when x is NaN or infinite. */
    static void num(ObjectNode o, String name, double x) {
        if (Double.isFinite(x)) {
            o.put(name, x);
        } else {
            o.putNull(name);
        }
    }

    static void num(ObjectNode o, String name, Double x) {
        if (x == null) {
            o.putNull(name);
        } else {
            num(o, name, x.doubleValue());
        }
    }

    /** {@code {"value","low","high","method"}} plus df for a t interval; null without an estimate. */
    static void estimate(ObjectNode o, String name, Estimate e) {
        if (e == null) {
            o.putNull(name);
            return;
        }
        ObjectNode x = o.putObject(name);
        num(x, "value", e.value());
        num(x, "low", e.low());
        num(x, "high", e.high());
        x.put("method", e.method());
        if (Double.isFinite(e.standardError())) {
            x.put("standard_error", e.standardError());
        }
        if (e.df() != null) {
            num(x, "df", e.df());
        }
    }

    /** The inputs of a read with their sizes and digests, and the lines skipped. */
    static void inputs(ObjectNode o, ReadResult read) {
        inputArray(o.putArray("inputs"), read.inputs());
        skipped(o, read.skipped(), read.skippedSamples());
    }

    /** Each file's name, arm, size, sha256, compression and counts. */
    static void inputArray(ArrayNode in, List<InputSummary> inputs) {
        for (InputSummary s : inputs) {
            ObjectNode i = in.addObject();
            i.put("name", s.name());
            if (s.arm() != null) {
                i.put("arm", s.arm().label());
            }
            i.put("bytes", s.bytes());
            if (s.sha256() != null) {
                i.put("sha256", s.sha256());
            }
            i.put("gzip", s.gzip());
            i.put("lines", s.lines());
            i.put("events", s.events());
            i.put("skipped", s.skipped());
        }
    }

    static void skipped(ObjectNode o, long count, List<SkippedLine> samples) {
        ObjectNode s = o.putObject("skipped");
        s.put("count", count);
        ArrayNode lines = s.putArray("lines");
        for (SkippedLine l : samples) {
            lines.addObject().put("file", l.file()).put("line", l.line()).put("reason", l.reason());
        }
    }
}
