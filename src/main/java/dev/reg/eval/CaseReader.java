package dev.reg.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams a stored run's rows in their stored order (case id, then trial), one at a time, checking
 * each and the order itself: gates merge runs on that order, so a hand-edited run out of order is
 * refused rather than misread.
 */
public final class CaseReader implements Iterator<EvalCase>, AutoCloseable {
    private final String display;
    private final JsonParser parser;
    private final BufferedReader lines;
    private EvalCase next;
    private EvalCase last;
    private long index;
    private boolean done;

    private CaseReader(String display, JsonParser parser, BufferedReader lines) {
        this.display = display;
        this.parser = parser;
        this.lines = lines;
    }

    /** Rows of the {@code cases} array of a single-file run. */
    static CaseReader ofDocument(java.io.InputStream in, String display) {
        try {
            JsonParser p = EvalJson.FACTORY.createParser(in);
            p.setCodec(EvalJson.MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.close();
                throw new BadInputException(display + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                if (f.equals("cases")) {
                    if (t != JsonToken.START_ARRAY) {
                        p.close();
                        throw new BadInputException(display + ": cases: expected a list");
                    }
                    return new CaseReader(display, p, null);
                }
                p.skipChildren();
            }
            p.close();
            throw new BadInputException(display + ": no cases");
        } catch (IOException e) {
            throw new BadInputException(display + ": cannot be read: " + e.getMessage());
        }
    }

    /** Rows of a large run's cases.jsonl. */
    static CaseReader ofLines(java.io.InputStream in, String display) {
        return new CaseReader(display, null, new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public EvalCase next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        EvalCase c = next;
        next = null;
        return c;
    }

    /** The next row without consuming it, or null at the end. */
    public EvalCase peek() {
        return hasNext() ? next : null;
    }

    private EvalCase read() {
        if (done) {
            return null;
        }
        EvalCase c = readRow();
        done = c == null;
        return c;
    }

    private EvalCase readRow() {
        try {
            JsonNode node;
            String where;
            if (parser != null) {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.END_ARRAY || t == null) {
                    return null;
                }
                where = display + ":" + parser.currentLocation().getLineNr() + ": cases[" + index + "]";
                node = parser.readValueAsTree();
            } else {
                String line = lines.readLine();
                if (line == null) {
                    return null;
                }
                where = display + ":" + (index + 1);
                node = EvalJson.LINE_READER.readTree(line);
            }
            index++;
            EvalCase c = EvalJson.readCase(node, where, 0);
            if (last != null) {
                int cmp = last.id().compareTo(c.id());
                if (cmp > 0 || (cmp == 0 && last.trial() >= c.trial())) {
                    throw new BadInputException(where + ": case '" + c.id() + "' trial " + c.trial()
                            + " is out of order (rows are stored sorted by case id, then trial)");
                }
            }
            last = c;
            return c;
        } catch (IOException e) {
            throw new BadInputException(display + ": unreadable at row " + (index + 1) + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
            if (lines != null) {
                lines.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
