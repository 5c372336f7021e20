package dev.reg.cli;

import dev.reg.cli.render.Terminal;
import dev.reg.BadInputException;
import dev.reg.registry.Registry;
import dev.reg.util.Plural;
import dev.reg.validate.ReportFormats;
import dev.reg.validate.TextStyle;
import dev.reg.validate.ValidateRequest;
import dev.reg.validate.ValidationReport;
import dev.reg.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate", description = {"Check every registry rule a pull request must pass: schemas, versions, checksums,"
        + " changelog, links, gates, ledgers, ADRs.", "Exit 0 when there is no error (warnings allowed), 1 with errors."})
final class ValidateCommand extends BaseCommand {
    enum Format { text, json, github, sarif }

    @Option(names = "--base", paramLabel = "REV", description = "Check what the commits since REV (its merge base with HEAD)"
            + " change, as committed, and versions against it, e.g. origin/main.")
    String base;

    @Option(names = "--remote", paramLabel = "REMOTE", description = "With --base: also check that every version the change"
            + " adds is tagged on REMOTE (a configured remote or a URL) with this clone's tag (REG031, REG032); one ls-remote.")
    String remote;

    @Option(names = "--staged", description = "Check the index (what the next commit holds) against HEAD: for pre-commit hooks.")
    boolean staged;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, github (workflow annotations) or sarif (SARIF 2.1.0).")
    Format format;

    @Option(names = "--step-summary", paramLabel = "FILE", defaultValue = "${env:GITHUB_STEP_SUMMARY}",
            description = "With --format github, append a Markdown summary to FILE (default: $GITHUB_STEP_SUMMARY when set).")
    Path stepSummary;

    @Override
    public Integer call() {
        ValidationReport report;
        try (Registry registry = openRegistry()) {
            report = new Validator(registry).validate(new ValidateRequest(Optional.ofNullable(base), staged, Optional.ofNullable(remote),
                    remoteSettings()));
        }
        switch (format) {
            case json:
                term().json(ReportFormats.json(report));
                break;
            case sarif:
                term().json(ReportFormats.sarif(report, RegCommand.version()));
                break;
            case github:
                term().out().print(ReportFormats.githubAnnotations(report));
                term().out().println("reg validate: " + Plural.of(report.errors(), "error") + ", " + Plural.of(report.warnings(), "warning") + " ("
                        + ReportFormats.scope(report) + ")");
                appendSummary(ReportFormats.githubSummary(report));
                break;
            default:
                term().out().print(ReportFormats.text(report, style()));
        }
        term().out().flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.NO;
    }

    private TextStyle style() {
        Terminal t = term();
        return t.color() ? new TextStyle(t::red, t::yellow, t::bold, t::green) : TextStyle.PLAIN;
    }

    private void appendSummary(String markdown) {
        if (stepSummary == null || stepSummary.toString().isEmpty()) {
            return;
        }
        Path file = dir().resolve(stepSummary);
        try {
            Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new BadInputException("cannot append the job summary to " + file + ": " + e.getMessage());
        }
    }
}
