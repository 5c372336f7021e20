package dev.reg.online;

import dev.reg.BadInputException;
import dev.reg.yaml.YamlDocument;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for {@code reg canary|drift|budget} until the CLI wires them (bench/online-10m.sh and
 * the streaming test run it in a JVM of their own):
 * <pre>
 *   canary --gate G.yaml (--control F --treatment F ... | --events F ...) [--json] [--skip-bad N]
 *   drift  --gate G.yaml --reference F ... --current F ... [--json]
 *   budget --gate G.yaml --events F ... [--now ISO] [--json]
 * </pre>
 * Prints the readout (text or JSON) and, on stderr, the events read and the wall time. Exit 0, or 2
 * with the message for bad input.
 */
public final class OnlineMain {
    private OnlineMain() {
    }

    public static void main(String[] args) {
        try {
            System.out.print(run(args));
        } catch (BadInputException e) {
            System.err.println("reg: " + e.getMessage());
            System.exit(2);
        }
    }

    static String run(String[] args) {
        String command = args[0];
        Path gate = null;
        List<TelemetryInput> control = new ArrayList<>();
        List<TelemetryInput> treatment = new ArrayList<>();
        List<TelemetryInput> events = new ArrayList<>();
        List<TelemetryInput> reference = new ArrayList<>();
        List<TelemetryInput> current = new ArrayList<>();
        boolean json = false;
        long skip = 0;
        Instant now = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--gate" -> gate = Path.of(args[++i]);
                case "--control" -> control.add(new TelemetryInput(Path.of(args[++i]), args[i], Arm.CONTROL));
                case "--treatment" -> treatment.add(new TelemetryInput(Path.of(args[++i]), args[i], Arm.TREATMENT));
                case "--events" -> events.add(new TelemetryInput(Path.of(args[++i]), args[i], null));
                case "--reference" -> reference.add(new TelemetryInput(Path.of(args[++i]), args[i], null));
                case "--current" -> current.add(new TelemetryInput(Path.of(args[++i]), args[i], null));
                case "--json" -> json = true;
                case "--skip-bad" -> skip = Long.parseLong(args[++i]);
                case "--now" -> now = Instant.parse(args[++i]);
                default -> throw new BadInputException("unknown option " + a);
            }
        }
        if (gate == null) {
            throw new BadInputException("give --gate FILE");
        }
        String gateName = gate.toString();
        YamlDocument doc = YamlDocument.read(gate, gateName);
        ReadOptions options = ReadOptions.skipping(skip);
        long t0 = System.nanoTime();
        String out;
        long read;
        switch (command) {
            case "canary" -> {
                CanarySpec spec = CanarySpec.fromGateFile(doc).orElseThrow(() -> new BadInputException(gateName + ": no canary: section"));
                List<TelemetryInput> inputs = new ArrayList<>(control);
                inputs.addAll(treatment);
                inputs.addAll(events);
                CanaryReadout r = CanaryAnalysis.run(spec, inputs, events.isEmpty() ? ArmSource.FILES : ArmSource.ARM_FIELD, options);
                read = r.read().events();
                out = json ? CanaryJson.render(r) : CanaryText.render(r);
            }
            case "drift" -> {
                DriftReadout r = DriftAnalysis.run(reference, current, DriftSpec.fromGateFile(doc), options);
                read = r.reference().events() + r.current().events();
                out = json ? DriftJson.render(r) : DriftText.render(r);
            }
            case "budget" -> {
                SloSpec slo = SloSpec.fromGateFile(doc).orElseThrow(() -> new BadInputException(gateName + ": no slo: section"));
                BudgetReadout r = BudgetAnalysis.run(slo, events, options, now);
                read = r.read().events();
                out = json ? BudgetJson.render(r) : BudgetJson.text(r);
            }
            case "hold" -> {
                // a control for the streaming test: what keeping every event would cost
                List<String> held = new ArrayList<>();
                ReadResult r = TelemetryReader.read(events, options, e -> held.add(e.eventId() + " " + e.latencyMs() + " " + e.journey()));
                read = r.events();
                out = held.size() + " events held\n";
            }
            default -> throw new BadInputException("unknown command " + command + " (canary, drift or budget)");
        }
        System.err.printf("%s: %d events in %.2f s, heap max %d MB%n", command, read, (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20);
        return out;
    }
}
