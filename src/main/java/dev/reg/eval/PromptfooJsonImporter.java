package dev.reg.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * promptfoo's {@code -o results.json}: streams {@code results.results[]} one row at a time and
 * reads the small parts around it (version, stats, metadata.promptfooVersion), skipping the rest.
 * When every row was imported, the file's own counts must agree with the rows. The run's time is
 * when promptfoo ran the eval ({@code results.timestamp}).
 */
final class PromptfooJsonImporter implements Importer {
    private final String provider;
    private final String prompt;

    PromptfooJsonImporter(String provider, String prompt) {
        this.provider = provider;
        this.prompt = prompt;
    }

    @Override
    public String name() {
        return "promptfoo-json/1";
    }

    @Override
    public boolean numbersTrials() {
        return true;
    }

    @Override
    public ToolInfo read(Path file, String display, CaseSink sink) {
        PromptfooRows rows = new PromptfooRows(new PromptfooChoice(provider, prompt, false));
        String version = null;
        String timestamp = null;
        String evaluationCreatedAt = null;
        JsonNode stats = null;
        boolean sawRows = false;
        JsonParser p = null;
        try {
            p = EvalJson.FACTORY.createParser(Files.newInputStream(file));
            p.setCodec(EvalJson.MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInputException(display + ":" + p.currentLocation().getLineNr()
                        + ": not promptfoo results: expected a JSON object (the output of promptfoo eval -o results.json)");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("results") && p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        JsonToken t = p.nextToken();
                        if (inner.equals("results")) {
                            if (t != JsonToken.START_ARRAY) {
                                throw new BadInputException(display + ":" + p.currentLocation().getLineNr() + ": results.results: expected a list of rows");
                            }
                            sawRows = true;
                            long index = 0;
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                String where = display + ":" + p.currentLocation().getLineNr() + ": results.results[" + index + "]";
                                JsonNode row = p.readValueAsTree();
                                rows.accept(row, where, sink);
                                index++;
                            }
                        } else if (inner.equals("version")) {
                            int v = p.getValueAsInt(-1);
                            if (v != 2 && v != 3) {
                                throw new BadInputException(display + ":" + p.currentLocation().getLineNr() + ": results.version " + p.getText()
                                        + " is not supported (reg reads promptfoo results versions 2 and 3)");
                            }
                        } else if (inner.equals("stats")) {
                            stats = p.readValueAsTree();
                        } else if (inner.equals("timestamp") && t == JsonToken.VALUE_STRING) {
                            timestamp = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (field.equals("metadata") && p.currentToken() == JsonToken.START_OBJECT) {
                    JsonNode m = p.readValueAsTree();
                    if (m.path("promptfooVersion").isTextual()) {
                        version = m.get("promptfooVersion").asText();
                    }
                    evaluationCreatedAt = m.path("evaluationCreatedAt").asText(null);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new BadInputException(display + ":" + p.currentLocation().getLineNr() + ": unexpected content after the JSON document");
            }
        } catch (IOException e) {
            throw JsonInput.failure(e, display, p);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // read-only; nothing to flush
                }
            }
        }
        if (!sawRows) {
            throw new BadInputException(display + ": not promptfoo results: there is no results.results list of rows");
        }
        Map<String, String> chosen = rows.choice.resolve(display);
        if (rows.choice.keepsAll() && stats != null) {
            check(display, stats, "successes", rows.successes);
            check(display, stats, "failures", rows.failures);
            check(display, stats, "errors", rows.errors);
        }
        String created = EvalJson.instant(timestamp);
        return new ToolInfo("promptfoo", version, created != null ? created : EvalJson.instant(evaluationCreatedAt), chosen);
    }

    private static void check(String display, JsonNode stats, String field, long counted) {
        JsonNode v = stats.get(field);
        if (v != null && v.isIntegralNumber() && v.asLong() != counted) {
            throw new BadInputException(display + ": results.stats." + field + " says " + v.asLong() + " but the rows hold " + counted
                    + "; the file is incomplete or was edited");
        }
    }
}
