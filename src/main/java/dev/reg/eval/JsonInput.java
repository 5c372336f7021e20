package dev.reg.eval;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.TreeMap;

/** Shared plumbing of the JSON importers: strict UTF-8 lines, parse errors turned into file:line messages, canonical fingerprints. */
final class JsonInput {
    private JsonInput() {
    }

    /** A line reader that refuses malformed UTF-8 instead of replacing it. */
    static BufferedReader utf8Lines(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new java.io.InputStreamReader(in, decoder), 1 << 16);
    }

    /** Calls {@code row} with each non-blank line of a JSONL file, parsed, and its {@code file:line}. */
    static void eachLine(Path file, String display, java.util.function.BiConsumer<JsonNode, String> row) {
        try (BufferedReader r = utf8Lines(file)) {
            long lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (!line.isBlank()) {
                    String where = display + ":" + lineNo;
                    row.accept(parseLine(line, where), where);
                }
            }
        } catch (IOException e) {
            throw failure(e, display, null);
        }
    }

    /** Parses one JSONL line into a tree. */
    static JsonNode parseLine(String line, String where) {
        try {
            return EvalJson.LINE_READER.readTree(line);
        } catch (JsonProcessingException e) {
            boolean truncated = e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
            throw new BadInputException(where + (truncated ? ": truncated JSON: the line ends in the middle of a value" : ": invalid JSON: " + reason(e)));
        }
    }

    /** Turns a parse or read failure into a {@code file:line: reason} error. */
    static BadInputException failure(IOException e, String display, JsonParser p) {
        if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
            return new BadInputException(display + ": not UTF-8 text (malformed byte sequence)");
        }
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation loc = jpe.getLocation() != null ? jpe.getLocation() : p == null ? null : p.currentLocation();
            String at = loc == null ? display : display + ":" + loc.getLineNr();
            if (e instanceof JsonEOFException || String.valueOf(jpe.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
                return new BadInputException(at + ": truncated JSON: the file ends in the middle of a value");
            }
            return new BadInputException(at + ": invalid JSON: " + reason(jpe));
        }
        return new BadInputException(display + ": cannot be read: " + e.getMessage());
    }

    static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "unreadable";
        }
        m = m.lines().findFirst().orElse(m);
        int hint = m.indexOf(": enable `");
        return hint > 0 ? m.substring(0, hint) : m;
    }

    /** sha256 (first 12 hex digits) of a JSON value with object keys sorted: the same content gives the same print. */
    static String fingerprint(JsonNode... nodes) {
        MessageDigest md = dev.reg.registry.ContentHasher.newSha256();
        for (JsonNode n : nodes) {
            md.update(canonical(n).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 12);
    }

    static String canonical(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "null";
        }
        if (n.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            n.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            StringBuilder sb = new StringBuilder("{");
            sorted.forEach((k, v) -> {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(EvalJson.quote(k)).append(':').append(canonical(v));
            });
            return sb.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (JsonNode x : n) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(canonical(x));
            }
            return sb.append(']').toString();
        }
        return n.toString();
    }
}
