package dev.reg.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.reg.registry.RegistryView;
import dev.reg.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The eval runs under {@code registry/evals/}: {@code <id>.json}, or a folder {@code <id>/} with
 * {@code run.json}. Only what validation needs: whether a run exists, and which metrics the runs
 * declare, read by streaming each run up to its {@code metrics} so a large run costs little memory.
 */
final class EvalRuns {
    static final String FOLDER = "registry/evals";
    private final RegistryView snapshot;
    private Set<String> metrics;
    private int runs;

    EvalRuns(RegistryView snapshot) {
        this.snapshot = snapshot;
    }

    /** Where run {@code id} is stored, if it exists. */
    java.util.Optional<String> find(String id) {
        if (id == null || id.isEmpty() || id.contains("/") || id.contains("\\") || id.startsWith(".")) {
            return java.util.Optional.empty();
        }
        String single = FOLDER + "/" + id + ".json";
        if (snapshot.kind(single) == RegistryView.EntryKind.FILE) {
            return java.util.Optional.of(single);
        }
        String folder = FOLDER + "/" + id + "/run.json";
        return snapshot.kind(folder) == RegistryView.EntryKind.FILE ? java.util.Optional.of(folder) : java.util.Optional.empty();
    }

    boolean exists(String id) {
        return find(id).isPresent();
    }

    /** How many eval runs there are (after {@link #declaredMetrics()} has read them). */
    int count() {
        declaredMetrics();
        return runs;
    }

    /** Every metric name any eval run declares in its {@code metrics}. */
    Set<String> declaredMetrics() {
        if (metrics != null) {
            return metrics;
        }
        metrics = new TreeSet<>();
        for (Map.Entry<String, RegistryView.EntryKind> e : snapshot.children(FOLDER).entrySet()) {
            String name = e.getKey();
            String path = null;
            if (e.getValue() == RegistryView.EntryKind.FILE && name.endsWith(".json")) {
                path = FOLDER + "/" + name;
            } else if (e.getValue() == RegistryView.EntryKind.FOLDER
                    && snapshot.kind(FOLDER + "/" + name + "/run.json") == RegistryView.EntryKind.FILE) {
                path = FOLDER + "/" + name + "/run.json";
            }
            if (path != null) {
                runs++;
                readMetrics(path);
            }
        }
        return metrics;
    }

    private void readMetrics(String path) {
        try (InputStream in = snapshot.open(path); JsonParser p = new JsonFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("metrics")) {
                    p.skipChildren();
                    continue;
                }
                if (value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        metrics.add(p.currentName());
                        p.nextToken();
                        p.skipChildren();
                    }
                } else if (value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            if (k.equals("name") && p.currentToken() == JsonToken.VALUE_STRING) {
                                metrics.add(p.getText());
                            }
                            p.skipChildren();
                        }
                    }
                }
                return; // the metrics are all this reads; the cases that follow can be huge
            }
        } catch (IOException | BadInputException e) {
            // an unreadable run declares nothing; the eval commands report broken runs
        }
    }
}
