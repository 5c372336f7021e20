package dev.reg.cli;

import dev.reg.cli.render.EvalText;
import dev.reg.BadInputException;
import dev.reg.eval.CaseReader;
import dev.reg.eval.EvalCase;
import dev.reg.eval.EvalJson;
import dev.reg.eval.EvalRunInfo;
import dev.reg.eval.EvalStore;
import dev.reg.eval.ImportFormat;
import dev.reg.eval.ImportRequest;
import dev.reg.eval.ImportResult;
import dev.reg.eval.ImportService;
import dev.reg.registry.Registry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "eval", description = "Eval runs: import tools' results, list and show them.",
        subcommands = {EvalCommand.Import.class, EvalCommand.ListRuns.class, EvalCommand.Show.class})
final class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: import, list or show");
    }

    @Command(name = "import", description = "Import a tool's results as a reg.eval-run/1 run under registry/evals/, committed all or nothing.")
    static final class Import extends BaseCommand {
        @Mixin
        PushOption push = new PushOption();

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--format", paramLabel = "FORMAT", description = "promptfoo, promptfoo-jsonl, junit, jsonl or csv (default: from the file name)")
        String format;

        @Option(names = {"-w", "--workflow"}, paramLabel = "WORKFLOW", description = "the run measured this workflow's composite at HEAD")
        String workflow;

        @Option(names = "--component", paramLabel = "KIND/NAME@VERSION", description = "a component version the run measured (repeatable)")
        List<String> components = new ArrayList<>();

        @Option(names = "--provider", paramLabel = "ID|LABEL", description = "promptfoo: import the rows of this provider (id or label)")
        String provider;

        @Option(names = "--prompt", paramLabel = "ID|LABEL", description = "promptfoo JSON/JSONL: import the rows of this prompt (id or label)")
        String prompt;

        @Option(names = "--map", paramLabel = "FIELD=COLUMN", description = "CSV: read FIELD (id, pass, score.exact, slice.domain, …) from COLUMN (repeatable)")
        Map<String, String> mapping = new LinkedHashMap<>();

        @Option(names = "--metric", paramLabel = "NAME=TYPE[,higher|lower][,MIN..MAX]", description = "declare a metric's type, direction and scale (repeatable)")
        List<String> metrics = new ArrayList<>();

        @Option(names = "--tool-version", paramLabel = "VERSION", description = "the tool's version, when the file does not record it")
        String toolVersion;

        @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "1g", description = "largest input accepted, e.g. 500m, 4g (default ${DEFAULT-VALUE})")
        String maxSize;

        @Option(names = "--json", description = "print the run's metadata as JSON")
        boolean json;

        @Override
        public Integer call() {
            ImportFormat f = format == null ? null : ImportFormat.parse(format);
            ImportRequest req = new ImportRequest(dir().resolve(file), f, workflow, components, provider, prompt, mapping, metrics, toolVersion,
                    parseSize(maxSize));
            try (Registry registry = openRegistry()) {
                ImportService service = new ImportService(registry);
                publish(registry, push, json, () -> service.importRun(req), r -> {
                    r.warnings().forEach(term()::notice);
                    if (json) {
                        term().json(EvalJson.describe(r));
                    } else {
                        EvalText.imported(term(), r);
                    }
                });
            }
            return ExitCodes.OK;
        }

        static long parseSize(String s) {
            var m = java.util.regex.Pattern.compile("([0-9]{1,12})([kmgt]?)").matcher(s.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new BadInputException("--max-size " + s + ": expected a size such as 500m or 4g");
            }
            long n = Long.parseLong(m.group(1));
            int shift = switch (m.group(2)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                case "t" -> 40;
                default -> 0;
            };
            return n << shift;
        }
    }

    @Command(name = "list", description = "List the eval runs, newest first.")
    static final class ListRuns extends BaseCommand {

        @Option(names = {"-w", "--workflow"}, paramLabel = "WORKFLOW", description = "only runs of this workflow")
        String workflow;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() {
            try (Registry registry = openRegistry()) {
                List<EvalRunInfo> runs = EvalStore.of(registry, registry.workTree()).list().stream()
                        .filter(r -> workflow == null || workflow.equals(r.subject().workflow())).toList();
                if (json) {
                    term().json(runs.stream().map(EvalJson::describe).toList());
                    return ExitCodes.OK;
                }
                EvalText.list(term(), runs);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show an eval run: source, subject, metrics, counts, and optionally its rows.")
    static final class Show extends BaseCommand {

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--cases", paramLabel = "N", description = "also print the first N rows (case x trial)")
        int cases;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() {
            try (Registry registry = openRegistry()) {
                EvalStore store = EvalStore.of(registry, registry.workTree());
                EvalRunInfo r = store.load(id);
                List<String> rows = new ArrayList<>();
                if (cases > 0) {
                    try (CaseReader reader = store.openCases(r)) {
                        while (reader.hasNext() && rows.size() < cases) {
                            EvalCase c = reader.next();
                            rows.add(EvalJson.caseLine(c));
                        }
                    }
                }
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("run", EvalJson.describe(r));
                    if (cases > 0) {
                        List<Object> parsed = new ArrayList<>();
                        for (String line : rows) {
                            try {
                                parsed.add(EvalJson.MAPPER.readTree(line));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                        o.put("cases", parsed);
                    }
                    term().json(o);
                    return ExitCodes.OK;
                }
                EvalText.show(term(), r, rows);
            }
            return ExitCodes.OK;
        }
    }
}
