package dev.reg.online;

import dev.reg.BadInputException;
import dev.reg.gate.GateService;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Workflow;
import dev.reg.yaml.YamlMap;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The read-only online commands ({@code reg canary}, {@code reg canary plan}, {@code reg drift},
 * {@code reg budget}): finds the workflow's gate file as committed at HEAD, reads the section the
 * readout is judged against, checks the inputs a user gave, and runs the readout. Nothing is written.
 * The pre-registered design is read from HEAD, not the work tree: bars edited after the data came in
 * count only once they are committed, where the history shows them.
 */
public final class OnlineService {
    private final Registry registry;

    public OnlineService(Registry registry) {
        this.registry = registry;
    }

    /** A readout with the gate file it was judged against. */
    public record Judged<T>(T readout, GateSource gate) {
    }

    /** The canary readout of the workflow's {@code canary:} section. */
    public Judged<CanaryReadout> canary(String workflow, CanaryRequest request) {
        ReadOptions options = options(request.skipBad());
        ArmSource arms = arms(request);
        Section<CanarySpec> spec = section(workflow, "canary", CanarySpec::read);
        List<TelemetryInput> inputs = new ArrayList<>(request.control());
        inputs.addAll(request.treatment());
        inputs.addAll(request.events());
        return new Judged<>(CanaryAnalysis.run(spec.value().orElseThrow(() -> missing(spec.source())), inputs, arms, options), spec.source());
    }

    /** Events per arm each bar of the workflow's {@code canary:} section needs; {@code control} may give the variances. */
    public Judged<CanaryPlan> canaryPlan(String workflow, List<TelemetryInput> control, long skipBad) {
        ReadOptions options = options(skipBad);
        Section<CanarySpec> spec = section(workflow, "canary", CanarySpec::read);
        return new Judged<>(CanaryPlanner.run(spec.value().orElseThrow(() -> missing(spec.source())), control, options), spec.source());
    }

    /** Drift of the current files against reference files or a release's recorded profile; thresholds from {@code drift:} or the defaults. */
    public Judged<DriftReadout> drift(String workflow, DriftRequest request) {
        ReadOptions options = options(request.skipBad());
        if (request.current().isEmpty()) {
            throw new BadInputException("give the current telemetry: --current FILE (each file after its own flag)");
        }
        if (!request.reference().isEmpty() && request.referenceRelease() != null) {
            throw new BadInputException("give the reference either as files (--reference FILE) or as a release's recorded profile "
                    + "(--reference-release N), not both");
        }
        if (request.reference().isEmpty() && request.referenceRelease() == null) {
            throw new BadInputException("give the reference: --reference FILE (each file after its own flag) or --reference-release N");
        }
        Duration window = request.window() == null ? null : Durations.parse(request.window(), "--window");
        Section<DriftSpec> section = section(workflow, "drift", DriftSpec::read);
        DriftSpec spec = section.value().orElse(DriftSpec.DEFAULTS);
        if (window != null) {
            spec = spec.withWindow(window);
        }
        DriftReadout r;
        if (request.referenceRelease() != null) {
            int n = release(request.referenceRelease(), "--reference-release");
            DriftProfile profile = RecordedProfiles.in(section.head(), workflow, n)
                    .orElseThrow(() -> new BadInputException("no recorded reference for release " + n + " (record one with reg drift " + workflow
                            + " --reference FILE… --current FILE… --record): " + RecordedProfiles.path(workflow, n) + " is not committed"));
            r = DriftAnalysis.compare(profile, request.current(), spec, options);
        } else {
            r = DriftAnalysis.run(request.reference(), request.current(), spec, options);
        }
        return new Judged<>(r, section.source());
    }

    /** The error budget of the workflow's {@code slo:} section, at {@code now} (null: the latest event). */
    public Judged<BudgetReadout> budget(String workflow, List<TelemetryInput> events, String now, long skipBad) {
        ReadOptions options = options(skipBad);
        if (events.isEmpty()) {
            throw new BadInputException("give the telemetry: --events FILE (each file after its own flag)");
        }
        Instant at = now == null ? null : moment(now);
        Section<SloSpec> slo = section(workflow, "slo", SloSpec::read);
        SloSpec spec = slo.value().orElseThrow(() -> missing(slo.source()));
        return new Judged<>(BudgetAnalysis.run(spec, events, options, at), slo.source());
    }

    /** Whether the workflow's gate file at HEAD has {@code section} ({@code canary}, {@code drift}, {@code slo}): what reg watch can check. */
    public boolean hasSection(String workflow, String section) {
        return section(workflow, section, m -> m).value().isPresent();
    }

    private static ReadOptions options(long skipBad) {
        if (skipBad < 0) {
            throw new BadInputException("--skip-bad " + skipBad + ": expected how many malformed lines may be skipped, 0 or more");
        }
        return ReadOptions.skipping(skipBad);
    }

    /** How the request assigns events to arms; every combination of options that makes no sense is refused. */
    static ArmSource arms(CanaryRequest r) {
        boolean files = !r.control().isEmpty() || !r.treatment().isEmpty();
        boolean events = !r.events().isEmpty();
        boolean releases = r.controlRelease() != null || r.treatmentRelease() != null;
        if (files && events) {
            throw new BadInputException("give either the arms' files (--control FILE --treatment FILE) or event files split by their arm field "
                    + "(--events FILE), not both");
        }
        if (!files && !events) {
            throw new BadInputException("give the telemetry: --control FILE --treatment FILE (each file after its own flag), or --events FILE");
        }
        if (files) {
            if (releases) {
                throw new BadInputException("--control-release and --treatment-release split --events files by their release field; "
                        + "with --control and --treatment files the arms are the files");
            }
            if (r.control().isEmpty() || r.treatment().isEmpty()) {
                throw new BadInputException("no " + (r.control().isEmpty() ? "control" : "treatment") + " file: give --"
                        + (r.control().isEmpty() ? "control" : "treatment") + " FILE as well");
            }
            return ArmSource.FILES;
        }
        if (!releases) {
            return ArmSource.ARM_FIELD;
        }
        if (r.controlRelease() == null || r.treatmentRelease() == null) {
            throw new BadInputException("--control-release and --treatment-release go together: give both release numbers");
        }
        int control = release(r.controlRelease(), "--control-release");
        int treatment = release(r.treatmentRelease(), "--treatment-release");
        if (control == treatment) {
            throw new BadInputException("--control-release and --treatment-release are both " + control + ": the arms need two different releases");
        }
        return ArmSource.byRelease(Integer.toString(control), Integer.toString(treatment));
    }

    private static int release(int n, String option) {
        if (n < 1) {
            throw new BadInputException(option + " " + n + ": release numbers start at 1");
        }
        return n;
    }

    private static Instant moment(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException("--now '" + text + "': expected a date and time with its offset, e.g. 2026-11-20T10:00Z");
        }
    }

    private static BadInputException missing(GateSource g) {
        String what = switch (g.section()) {
            case "canary" -> "pre-register the canary's split and bars there";
            case "slo" -> "write the SLO there (objective, window, good)";
            default -> "write it there";
        };
        return new BadInputException(g.file() + " as committed at HEAD (" + g.shortCommit() + ") has no " + g.section() + ": section; " + what
                + " and commit it (see docs/monitoring.md)");
    }

    /** A section of the gate file at HEAD: its value when present, and where it was read. */
    private record Section<T>(Optional<T> value, GateSource source, RegistryView head) {
    }

    /**
     * The workflow's gate file as registry.yaml at HEAD names it, read from HEAD, with {@code section} parsed when present.
     * The file itself must be committed, even for drift, whose section may be left out (the defaults apply).
     */
    private <T> Section<T> section(String workflow, String section, Function<YamlMap, T> parse) {
        if (registry.headCommit().isEmpty()) {
            throw new BadInputException("the repository has no commits yet: commit registry.yaml and the gate file first");
        }
        RegistryView head = registry.head();
        if (!head.isFile(RegistryLayout.CONFIG)) {
            throw new BadInputException(RegistryLayout.CONFIG + " is not committed at HEAD; commit it first");
        }
        Workflow wf = head.config().workflow(workflow);
        String file = GateService.gatePath(wf);
        Optional<byte[]> committed = head.read(file);
        boolean uncommitted = !Arrays.equals(committed.orElse(null), registry.workTree().read(file).orElse(null));
        if (committed.isEmpty()) {
            throw new BadInputException("workflow " + workflow + " has no gate file at HEAD (" + file + " is not committed); write its " + section
                    + ": section there and commit it");
        }
        Optional<YamlMap> map = head.readYaml(file).rootMap().optMap(section);
        GateSource source = new GateSource(workflow, file, head.commit().orElseThrow().name(), section, map.isPresent(), uncommitted);
        return new Section<>(map.map(parse), source, head);
    }
}
