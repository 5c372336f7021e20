package dev.reg.eval;

import dev.reg.util.Plural;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.git.Change;
import dev.reg.git.CommitRequest;
import dev.reg.git.CommitResult;
import dev.reg.registry.RegistryView;
import dev.reg.git.ScratchFolder;
import dev.reg.registry.ContentHasher;
import dev.reg.registry.ProgressListener;
import dev.reg.registry.Registry;
import dev.reg.registry.Sha256;
import dev.reg.composite.ComponentVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import dev.reg.git.GitId;

/**
 * {@code reg eval import}: reads a tool's output with the matching importer, sorts and checks the
 * rows in bounded memory, and commits the normalised run under {@code registry/evals/} through
 * {@link GitStore#publish} — all or nothing. The run's id is derived from the file's sha256, the
 * importer and its options, and the subject, so importing the same file for the same subject again
 * finds the run already there and writes nothing.
 */
public final class ImportService {
    /** Runs with more rows than this, or a larger cases file, are stored as a folder with cases.jsonl. */
    static final int SINGLE_FILE_MAX_ROWS = 1000;
    static final long SINGLE_FILE_MAX_BYTES = 1L << 20;

    private final Registry registry;

    public ImportService(Registry registry) {
        this.registry = registry;
    }

    public ImportResult importRun(ImportRequest req) {
        Path file = req.file();
        String display = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        checkInput(file, display, req.maxBytes());
        GitId head = registry.headCommit().orElseThrow(() -> new BadInputException("the repository has no commits yet; run 'reg init' first"));
        // a run is evidence about HEAD as committed: its subject and whether it is already there are read at HEAD
        RegistryView atHead = registry.at(head, "HEAD as committed");
        // the commit the composite was read from is left out: the run's bytes depend only on the file and the subject
        RunSubject subject = new SubjectResolver(registry, atHead).resolve(req.workflow(), req.components()).withoutCommit();
        List<String> warnings = uncommittedComponents(subject);
        ImportFormat format = req.format() != null ? req.format() : ImportFormat.detect(file, display);
        Importer importer = importer(format, req);
        Map<String, MetricDef> declared = declaredMetrics(req.metrics());
        Sha256 sha = ContentHasher.hashFile(file, ProgressListener.NONE);
        if (req.provider() == null && req.prompt() == null) {
            // nothing to choose from the file: the id is known before reading it, and a re-import is found at once
            String known = runId(subject, importer.name(), options(format, req, Map.of()), sha);
            Optional<ImportResult> done = alreadyImported(atHead, known, warnings);
            if (done.isPresent()) {
                return done.get();
            }
            requireWritable(known);
        }

        try (ScratchFolder scratch = registry.publisher().newScratchFolder()) {
            Path tmp = scratch.dir();
            MetricCatalog catalog = new MetricCatalog(declared);
            CaseSorter sorter = new CaseSorter(tmp, importer.numbersTrials(), catalog);
            Importer.ToolInfo tool = importer.read(file, display, sorter);
            // the id needs what was chosen from the file by its id (a provider's label and id are one choice), known once it is read
            Map<String, String> options = options(format, req, tool.chosen());
            String id = runId(subject, importer.name(), options, sha);
            Optional<ImportResult> done = alreadyImported(atHead, id, warnings);
            if (done.isPresent()) {
                return done.get();
            }
            requireWritable(id);
            if (sorter.rows() == 0) {
                throw new BadInputException(display + ": no cases: an eval run needs at least one result");
            }
            Path runDir = tmp.resolve("run");
            Files.createDirectories(runDir);
            Path casesFile = runDir.resolve(EvalStore.CASES_FILE);
            RunSummary summary = sorter.finish(casesFile);
            String version = tool.version() != null ? tool.version() : req.toolVersion();
            RunSource source = new RunSource(tool.tool(), version, file.getFileName().toString(), sha, importer.name(), options);
            boolean large = summary.rows() > SINGLE_FILE_MAX_ROWS || Files.size(casesFile) > SINGLE_FILE_MAX_BYTES;
            String path = large ? EvalStore.folderPath(id) : EvalStore.filePath(id);
            EvalRunInfo run = new EvalRunInfo(id, tool.created(), source, subject, catalog.metrics(), summary, path, large);
            String message = commitMessage(run);
            CommitResult result;
            if (large) {
                Files.writeString(runDir.resolve(EvalStore.RUN_FILE), pretty(EvalJson.header(run)) + "\n", StandardCharsets.UTF_8);
                result = publishFolder(runDir, head, path, message);
            } else {
                byte[] doc = singleDocument(run, casesFile);
                result = registry.publish(new CommitRequest(head, List.of(), Map.of(path, doc), List.of(), message, List.of()));
            }
            return new ImportResult(run, true, result.commit().name(), warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run with this id when HEAD has it: importing the same file for the same subject again writes nothing. */
    private Optional<ImportResult> alreadyImported(RegistryView atHead, String id, List<String> warnings) {
        return EvalStore.of(registry, atHead).find(id).map(run -> new ImportResult(run, false, null, warnings));
    }

    /** Refuses before anything is written: no path of the run may pass through a link, nor be left uncommitted in the work tree. */
    private void requireWritable(String id) {
        registry.publisher().requireWritable(List.of(EvalStore.filePath(id), EvalStore.folderPath(id)));
        Path root = registry.root();
        if (Files.exists(root.resolve(EvalStore.filePath(id)), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(root.resolve(EvalStore.folderPath(id)), LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(EvalStore.folderPath(id) + "(.json) exists in the work tree but is not committed"
                    + " (left by an interrupted import, or written by hand); move it away and import again");
        }
    }

    /** The run is recorded against committed versions; say so when a component's folder has uncommitted changes. */
    private List<String> uncommittedComponents(RunSubject subject) {
        List<String> folders = subject.components().stream().map(c -> c.version().artifact().folder()).toList();
        List<String> changed = registry.status().uncommittedPaths(folders);
        if (changed.isEmpty()) {
            return List.of();
        }
        return List.of("the run is recorded against the committed component versions, but " + String.join(", ", changed)
                + (changed.size() == 1 ? " has" : " have") + " uncommitted changes; if the eval ran on them, bump the artifact and import again");
    }

    private static void checkInput(Path file, String display, long maxBytes) {
        if (!Files.exists(file)) {
            throw new BadInputException(display + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(display + ": not a regular file");
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new BadInputException(display + ": is " + size + " bytes; eval imports are limited to " + maxBytes
                        + " bytes (raise the limit with --max-size)");
            }
        } catch (IOException e) {
            throw new BadInputException(display + ": cannot be read: " + e.getMessage());
        }
    }

    /** Commits the run's folder; its files are part of the change, so a failure or kill before publishing removes them. */
    private CommitResult publishFolder(Path runDir, GitId head, String path, String message) {
        try (Change change = registry.publisher().startChange()) {
            for (String f : List.of(EvalStore.RUN_FILE, EvalStore.CASES_FILE)) {
                change.moveIn(path + "/" + f, runDir.resolve(f));
            }
            return change.publish(new CommitRequest(head, List.of(path), Map.of(), List.of(), message, List.of()));
        }
    }

    private static Importer importer(ImportFormat format, ImportRequest req) {
        if (req.provider() != null && format != ImportFormat.PROMPTFOO && format != ImportFormat.PROMPTFOO_JSONL && format != ImportFormat.JUNIT) {
            throw new BadInputException("--provider applies to promptfoo results only");
        }
        if (req.prompt() != null && format != ImportFormat.PROMPTFOO && format != ImportFormat.PROMPTFOO_JSONL) {
            throw new BadInputException("--prompt applies to promptfoo's JSON and JSONL results only"
                    + (format == ImportFormat.JUNIT ? " (its JUnit output does not name prompts)" : ""));
        }
        if (!req.mapping().isEmpty() && format != ImportFormat.CSV) {
            throw new BadInputException("--map applies to CSV only");
        }
        return switch (format) {
            case PROMPTFOO -> new PromptfooJsonImporter(req.provider(), req.prompt());
            case PROMPTFOO_JSONL -> new PromptfooJsonlImporter(req.provider(), req.prompt(), req.toolVersion());
            case JUNIT -> new JUnitImporter(req.provider());
            case JSONL -> new NativeJsonlImporter(null, req.toolVersion());
            case CSV -> new CsvImporter(req.mapping());
        };
    }

    /** The options that change what a file imports as, choices by their id; they are part of the run's id. */
    private static Map<String, String> options(ImportFormat format, ImportRequest req, Map<String, String> chosen) {
        Map<String, String> o = new TreeMap<>(chosen);
        o.put("format", format.label());
        req.mapping().forEach((k, v) -> o.put("map." + k, v));
        for (String m : req.metrics()) {
            int eq = m.indexOf('=');
            o.put("metric." + m.substring(0, Math.max(0, eq)), m.substring(eq + 1));
        }
        return o;
    }

    /** Parses {@code NAME=TYPE[,higher|lower][,MIN..MAX]}. */
    static Map<String, MetricDef> declaredMetrics(List<String> specs) {
        Map<String, MetricDef> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq < 1) {
                throw new BadInputException("--metric " + spec + ": expected NAME=TYPE[,higher|lower][,MIN..MAX], e.g. grounded_judge=score,higher,1..5");
            }
            String name = spec.substring(0, eq);
            EvalJson.metricName(name, "--metric", "name");
            String[] parts = spec.substring(eq + 1).split(",");
            MetricType type;
            try {
                type = MetricType.parse(parts[0].strip());
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--metric " + spec + ": " + e.getMessage());
            }
            Boolean higher = switch (type) {
                case LATENCY, COST, COUNT -> false;
                case CATEGORY -> null;
                default -> true;
            };
            Double lo = null;
            Double hi = null;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.equals("higher")) {
                    higher = true;
                } else if (p.equals("lower")) {
                    higher = false;
                } else if (p.matches("-?[0-9.]+\\.\\.-?[0-9.]+")) {
                    String[] r = p.split("\\.\\.");
                    lo = Double.parseDouble(r[0]);
                    hi = Double.parseDouble(r[1]);
                    if (!(lo < hi)) {
                        throw new BadInputException("--metric " + spec + ": the scale " + p + " is empty");
                    }
                } else {
                    throw new BadInputException("--metric " + spec + ": '" + p + "' is not higher, lower or a scale MIN..MAX");
                }
            }
            out.put(name, new MetricDef(name, type, lo, hi, higher, null));
        }
        return out;
    }

    static String runId(RunSubject subject, String importer, Map<String, String> options, Sha256 sha) {
        MessageDigest md = ContentHasher.newSha256();
        StringBuilder sb = new StringBuilder(EvalJson.FORMAT).append('\n').append(importer).append('\n');
        options.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        sb.append(sha).append('\n').append(subject.digest()).append('\n');
        for (ComponentVersion c : subject.components()) {
            sb.append(c.version()).append(' ').append(c.digest()).append('\n');
        }
        md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        String hex = java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
        return (subject.workflow() == null ? "run" : subject.workflow()) + "-" + hex;
    }

    private static String commitMessage(EvalRunInfo run) {
        RunSummary s = run.summary();
        return "eval: import " + run.id() + "\n\n"
                + run.source().tool() + (run.source().version() == null ? "" : " " + run.source().version()) + " " + run.source().file()
                + " (" + run.source().sha256() + ")\n"
                + Plural.of(s.cases(), "case") + ", " + Plural.of(s.rows(), "row") + ": " + s.passed() + " passed, " + s.failed() + " failed, " + s.errored()
                + " errored, " + s.skipped() + " skipped\n"
                + "subject: " + run.subject().composite() + " (" + run.subject().digest() + ")\n";
    }

    static String pretty(Object node) {
        try {
            DefaultIndenter indent = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                    .withObjectIndenter(indent).withArrayIndenter(indent);
            return EvalJson.MAPPER.writer(pp).writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single-file document: the header, then the cases one per line. */
    private static byte[] singleDocument(EvalRunInfo run, Path casesFile) throws IOException {
        String header = pretty(EvalJson.header(run));
        StringBuilder sb = new StringBuilder(header.substring(0, header.lastIndexOf('}')).stripTrailing());
        sb.append(",\n  \"cases\": [");
        try (BufferedReader r = Files.newBufferedReader(casesFile, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (String line; (line = r.readLine()) != null; ) {
                sb.append(first ? "\n    " : ",\n    ").append(line);
                first = false;
            }
        }
        sb.append("\n  ]\n}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
