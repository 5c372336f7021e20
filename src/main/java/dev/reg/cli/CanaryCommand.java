package dev.reg.cli;

import dev.reg.BadInputException;
import dev.reg.cli.render.OnlineWriteText;
import dev.reg.monitor.MonitorService;
import dev.reg.online.Arm;
import dev.reg.online.CanaryJUnit;
import dev.reg.online.CanaryJson;
import dev.reg.online.CanaryPlan;
import dev.reg.online.CanaryPlanJson;
import dev.reg.online.CanaryReadout;
import dev.reg.online.CanaryRequest;
import dev.reg.online.CanaryText;
import dev.reg.online.OnlineService;
import dev.reg.online.Verdict;
import dev.reg.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "canary", subcommands = CanaryCommand.Plan.class,
        customSynopsis = {"reg canary WORKFLOW (--control FILE --treatment FILE | --events FILE)",
            "       [--control-release N --treatment-release M] [--skip-bad N] [--junit FILE] [--json] [--record [--apply]]",
            "       reg canary plan WORKFLOW [--control FILE]... [--skip-bad N] [--json]"},
        description = {"The online A/B readout of a canary against the bars pre-registered in the canary: section of the workflow's gate file"
                + " (as committed at HEAD): sample-ratio check, each metric's difference and relative lift with intervals, each bar, and the"
                + " verdict (hold, rollback, continue, promote). Reads telemetry (JSON Lines, plain or .gz); writes nothing to the repository"
                + " unless --record (one commit of the readout; with --apply a rollback verdict also rolls the canary back).",
            "Arms: --control FILE and --treatment FILE (each file after its own flag); or --events FILE split by each event's arm field"
                + " (control/treatment); or, with --control-release N --treatment-release M, by each event's release field.",
            "Exit 0 promote; 1 hold, rollback or continue; 2 bad input (the file and line)."})
final class CanaryCommand extends RecordingCommand {
    // optional to picocli only: a required parameter here would be demanded before the plan subcommand too
    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKFLOW", description = "the workflow (registry.yaml) whose gate file has the canary: section")
    String workflow;

    @Option(names = "--control", paramLabel = "FILE", description = "a file of the control arm's events (repeat the flag for each file)")
    List<Path> control = new ArrayList<>();

    @Option(names = "--treatment", paramLabel = "FILE", description = "a file of the treatment (canary) arm's events (repeat the flag for each file)")
    List<Path> treatment = new ArrayList<>();

    @Option(names = "--events", paramLabel = "FILE", description = "a file of both arms' events, split by their arm field (repeat the flag for each file)")
    List<Path> events = new ArrayList<>();

    @Option(names = "--control-release", paramLabel = "N", description = "with --events: the control is the events whose release field is N")
    Integer controlRelease;

    @Option(names = "--treatment-release", paramLabel = "M", description = "with --events: the treatment is the events whose release field is M")
    Integer treatmentRelease;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the readout as JUnit XML: the sample-ratio check and one testcase per bar")
    Path junit;

    @Option(names = "--record", description = "commit the readout (figures and the input files' names, sizes and sha256, not the events) under"
            + " registry/online/WORKFLOW/ as the readout of the running canary; reg promote needs a recorded promote verdict")
    boolean record;

    @Option(names = "--apply", description = "with --record: a rollback verdict rolls the canary back in the same commit, with an incident ADR")
    boolean apply;

    @Override
    public Integer call() {
        if (workflow == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'WORKFLOW'");
        }
        CanaryRequest request = new CanaryRequest(inputs(control, Arm.CONTROL), inputs(treatment, Arm.TREATMENT), inputs(events, null),
                controlRelease, treatmentRelease, skipBad);
        if (apply && !record) {
            throw new BadInputException("--apply goes with --record: the readout a rollback rests on is committed with it");
        }
        pushOnlyWhenWriting(record, "--record");
        MonitorService.CanaryRecord recorded = record ? write(s -> s.recordCanary(workflow, request, apply)) : null;
        OnlineService.Judged<CanaryReadout> j = recorded != null ? recorded.judged() : readout(s -> s.canary(workflow, request));
        CanaryReadout r = j.readout();
        if (junit != null) {
            Path file = dir().resolve(junit);
            try {
                AtomicFiles.write(file, CanaryJUnit.render(workflow, r).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new BadInputException("--junit " + junit + ": cannot write it: " + e.getMessage());
            }
        }
        print("canary", j.gate(), () -> CanaryJson.render(r, j.gate()), () -> CanaryText.render(r));
        if (recorded != null) {
            OnlineWriteText.written(term(), recorded.written(), json);
        }
        return r.verdict() == Verdict.PROMOTE ? ExitCodes.OK : ExitCodes.NO;
    }

    @Command(name = "plan", description = {"Events per arm that each bar of the workflow's canary: section (as committed at HEAD) needs to be"
            + " detected at the section's power and alpha, with its split. The variance comes from the bar (baseline:, sd:) or from control"
            + " events you already have (--control FILE, e.g. last week's production telemetry). Writes nothing.",
        "Exit 0; 2 bad input."})
    static final class Plan extends OnlineCommand {
        @Parameters(index = "0", paramLabel = "WORKFLOW")
        String workflow;

        @Option(names = "--control", paramLabel = "FILE", description = "control events to estimate rates, means and spreads from (repeat the flag for each file)")
        List<Path> control = new ArrayList<>();

        @Override
        public Integer call() {
            OnlineService.Judged<CanaryPlan> j = readout(s -> s.canaryPlan(workflow, inputs(control, Arm.CONTROL), skipBad));
            print("canary plan", j.gate(), () -> CanaryPlanJson.render(j.readout(), j.gate()), () -> CanaryPlanJson.text(j.readout()));
            return ExitCodes.OK;
        }
    }
}
