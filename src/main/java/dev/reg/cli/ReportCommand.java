package dev.reg.cli;

import dev.reg.registry.Registry;
import dev.reg.report.Report;
import dev.reg.report.ReportData;
import dev.reg.report.ReportHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", description = {"One self-contained HTML file of the registry at HEAD, for reading offline: the release timeline"
        + " (shipped, held, bad, rollbacks, freezes), each gate metric across releases with 95%% intervals and its bar, canary readouts"
        + " against their bars, drift levels over time, the ADR index and each release's memo. Charts are inline SVG with a data"
        + " table under each; nothing is fetched when the page opens. A report only reads: it never commits.",
    "Without --out the file goes to .git/reg-report/report.html of the registry: never into the tracked tree, never in 'git status'."})
final class ReportCommand extends BaseCommand {
    @Parameters(paramLabel = "WORKFLOW", arity = "0..*", description = "workflows to report (default: every workflow of registry.yaml at HEAD)")
    List<String> workflows = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "write DIR/report.html (created if needed)")
    Path out;

    @Option(names = "--json", description = "print the data behind the report as JSON instead of writing the page")
    boolean json;

    @Override
    public Integer call() {
        try (Registry registry = openRegistry()) {
            Report report = ReportData.collect(registry, workflows);
            if (json) {
                term().json(report);
                return ExitCodes.OK;
            }
            Path dir = out != null ? dir().resolve(out) : registry.gitDir().resolve("reg-report");
            Path file = ReportHtml.write(report, dir.toAbsolutePath().normalize());
            term().out().println("wrote " + file + " (" + kilobytes(file) + " KB)");
            if (!report.findings().isEmpty()) {
                term().notice(report.findings().size() + (report.findings().size() == 1 ? " finding" : " findings")
                        + " (see the report's Findings section): " + report.findings().get(0).file() + ": " + report.findings().get(0).message()
                        + (report.findings().size() > 1 ? " …" : ""));
            }
        }
        return ExitCodes.OK;
    }

    private static long kilobytes(Path file) {
        try {
            return (Files.size(file) + 1023) / 1024;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
