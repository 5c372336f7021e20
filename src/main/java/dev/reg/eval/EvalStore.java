package dev.reg.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.BadInputException;
import dev.reg.git.CommitHistory;
import dev.reg.git.GitId;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Registry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eval runs of a registry, under {@code registry/evals/}: a run is {@code <id>.json}, or for a
 * large run a folder {@code <id>/} with {@code run.json} (the header) and {@code cases.jsonl}.
 * Reads headers without reading cases, and streams cases on demand.
 */
public final class EvalStore {
    public static final String FOLDER = RegistryLayout.EVALS;
    public static final String RUN_FILE = RegistryLayout.RUN_HEADER;
    public static final String CASES_FILE = RegistryLayout.RUN_CASES;

    private final RegistryView view;
    private final CommitHistory history;
    private final GitId historyTip;

    /**
     * The runs in {@code view}, listed newest first by the history of {@code historyTip} (null:
     * by id only).
     */
    public EvalStore(RegistryView view, CommitHistory history, GitId historyTip) {
        this.view = view;
        this.history = history;
        this.historyTip = historyTip;
    }

    /** The runs in the registry as committed at HEAD. */
    public static EvalStore atHead(Registry registry) {
        return of(registry, registry.head());
    }

    /** The runs in {@code view} of {@code registry}; a work tree's runs are ordered by HEAD's history. */
    public static EvalStore of(Registry registry, RegistryView view) {
        return new EvalStore(view, registry.history(), view.commit().or(registry::headCommit).orElse(null));
    }

    public static void checkId(String id) {
        RegistryLayout.requireRunId(id);
    }

    public static String filePath(String id) {
        return RegistryLayout.runFile(id);
    }

    public static String folderPath(String id) {
        return RegistryLayout.runFolder(id);
    }

    /** Which view the runs are read from. */
    public RegistryView view() {
        return view;
    }

    /** The run with this id, if the registry has it. */
    public Optional<EvalRunInfo> find(String id) {
        checkId(id);
        String file = filePath(id);
        if (view.isFile(file)) {
            return Optional.of(readHeader(file, file, false, id));
        }
        String header = folderPath(id) + "/" + RUN_FILE;
        if (view.isFile(header)) {
            return Optional.of(readHeader(header, folderPath(id), true, id));
        }
        return Optional.empty();
    }

    /** The run with this id; a clear error when there is none. */
    public EvalRunInfo load(String id) {
        return find(id).orElseThrow(() -> new BadInputException("no eval run '" + id + "' in " + view.describe() + " (neither "
                + filePath(id) + " nor " + folderPath(id) + "/" + RUN_FILE + " exists; 'reg eval list' shows the runs)"));
    }

    /**
     * Every run, newest first: the run committed last on this branch first (a run in the work tree
     * but not yet committed before any), then by id. A run's {@code created} cannot order them: it is
     * when the tool ran, and most formats do not record it.
     */
    public List<EvalRunInfo> list() {
        List<EvalRunInfo> out = new ArrayList<>();
        for (var e : view.children(FOLDER).entrySet()) {
            RegistryLayout.runIdOf(e.getKey(), e.getValue() == RegistryView.EntryKind.FOLDER).flatMap(this::find).ifPresent(out::add);
        }
        Map<String, Integer> age = commitAge();
        out.sort(Comparator.comparingInt((EvalRunInfo r) -> age.getOrDefault(r.id(), -1)).thenComparing(EvalRunInfo::id, Comparator.reverseOrder()));
        return out;
    }

    /**
     * Each committed run's age: 0 for the runs the newest commit touching {@link #FOLDER} added, 1
     * for the commit before, and so on, following the history Git simplifies to that folder.
     */
    private Map<String, Integer> commitAge() {
        Map<String, Integer> age = new HashMap<>();
        if (historyTip == null) {
            return age;
        }
        int n = 0;
        for (CommitHistory.CommitInfo c : history.commitsTouching(null, historyTip, FOLDER)) {
            int commitAge = n++;
            for (String p : history.pathsChangedBy(c.id(), FOLDER)) {
                String rest = p.substring(FOLDER.length() + 1);
                int slash = rest.indexOf('/');
                RegistryLayout.runIdOf(slash >= 0 ? rest.substring(0, slash) : rest, slash >= 0).ifPresent(id -> age.putIfAbsent(id, commitAge));
            }
        }
        return age;
    }

    /** Streams the run's rows; close the reader when done. */
    public CaseReader openCases(EvalRunInfo run) {
        if (run.large()) {
            String cases = run.path() + "/" + CASES_FILE;
            return CaseReader.ofLines(view.open(cases), cases);
        }
        return CaseReader.ofDocument(view.open(run.path()), run.path());
    }

    /** Reads the header fields of a run document, stopping at its cases. */
    private EvalRunInfo readHeader(String file, String path, boolean large, String expectedId) {
        String display = file;
        try (JsonParser p = EvalJson.FACTORY.createParser(view.open(file))) {
            p.setCodec(EvalJson.MAPPER);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadInputException(display + ": not a JSON object");
            }
            ObjectNode header = EvalJson.MAPPER.createObjectNode();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("cases")) {
                    break;
                }
                JsonNode v = p.readValueAsTree();
                header.set(f, v);
            }
            EvalRunInfo info = EvalJson.readHeader(header, display, path, large);
            if (!info.id().equals(expectedId)) {
                throw new BadInputException(display + ": id: the file says '" + info.id() + "' but is stored as '" + expectedId + "'");
            }
            return info;
        } catch (IOException e) {
            throw new BadInputException(display + ": not a readable eval run: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
