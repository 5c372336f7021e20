package dev.reg.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reg.BadInputException;
import dev.reg.git.GitStore;
import dev.reg.registry.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The eval runs of a registry, under {@code registry/evals/}: a run is {@code <id>.json}, or for a
 * large run a folder {@code <id>/} with {@code run.json} (the header) and {@code cases.jsonl}.
 * Reads headers without reading cases, and streams cases on demand.
 */
public final class EvalStore {
    public static final String FOLDER = "registry/evals";
    public static final String RUN_FILE = "run.json";
    public static final String CASES_FILE = "cases.jsonl";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

    private final Registry registry;

    public EvalStore(Registry registry) {
        this.registry = registry;
    }

    public static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
            throw new BadInputException("'" + (id == null ? "" : EvalJson.printable(id)) + "' is not an eval run id (lowercase letters, digits, '.', '_', '-')");
        }
    }

    public static String filePath(String id) {
        return FOLDER + "/" + id + ".json";
    }

    public static String folderPath(String id) {
        return FOLDER + "/" + id;
    }

    /** The run with this id, if the registry has it. */
    public Optional<EvalRunInfo> find(String id) {
        checkId(id);
        Path root = registry.root();
        Path file = root.resolve(filePath(id));
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(readHeader(file, filePath(id), filePath(id), false, id));
        }
        Path run = root.resolve(folderPath(id)).resolve(RUN_FILE);
        if (Files.isRegularFile(run, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(readHeader(run, folderPath(id) + "/" + RUN_FILE, folderPath(id), true, id));
        }
        return Optional.empty();
    }

    /** The run with this id; a clear error when there is none. */
    public EvalRunInfo load(String id) {
        return find(id).orElseThrow(() -> new BadInputException("no eval run '" + id + "' (neither " + filePath(id) + " nor "
                + folderPath(id) + "/" + RUN_FILE + " exists; 'reg eval list' shows the runs)"));
    }

    /**
     * Every run, newest first: the run committed last on this branch first (a run in the work tree
     * but not yet committed before any), then by id. A run's {@code created} cannot order them: it is
     * when the tool ran, and most formats do not record it.
     */
    public List<EvalRunInfo> list() {
        Path dir = registry.root().resolve(FOLDER);
        List<EvalRunInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                String id = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? name
                        : name.endsWith(".json") ? name.substring(0, name.length() - 5) : null;
                if (id != null && ID.matcher(id).matches()) {
                    find(id).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        GitStore git = registry.git();
        Map<String, Integer> age = new HashMap<>();
        Optional<ObjectId> head = git.head();
        if (head.isEmpty()) {
            return age;
        }
        int n = 0;
        for (GitStore.CommitInfo c : git.commitsTouching(null, head.get(), FOLDER)) {
            Optional<ObjectId> parent = git.resolveCommit(c.id().name() + "^");
            Collection<String> paths = parent.isPresent() ? git.changedPaths(parent.get(), c.id(), List.of(FOLDER))
                    : git.listFiles(c.id(), FOLDER).keySet().stream().map(p -> FOLDER + "/" + p).toList();
            for (String p : paths) {
                String rest = p.substring(FOLDER.length() + 1);
                int slash = rest.indexOf('/');
                String id = slash >= 0 ? rest.substring(0, slash) : rest.endsWith(".json") ? rest.substring(0, rest.length() - 5) : null;
                if (id != null) {
                    age.putIfAbsent(id, n);
                }
            }
            n++;
        }
        return age;
    }

    /** Streams the run's rows; close the reader when done. */
    public CaseReader openCases(EvalRunInfo run) {
        Path root = registry.root();
        if (run.large()) {
            return CaseReader.ofLines(root.resolve(run.path()).resolve(CASES_FILE), run.path() + "/" + CASES_FILE);
        }
        return CaseReader.ofDocument(root.resolve(run.path()), run.path());
    }

    /** Reads the header fields of a run document, stopping at its cases. */
    private static EvalRunInfo readHeader(Path file, String display, String path, boolean large, String expectedId) {
        try (JsonParser p = EvalJson.FACTORY.createParser(Files.newInputStream(file))) {
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
