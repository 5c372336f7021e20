package dev.reg.cli;

import dev.reg.cli.render.Terminal;
import dev.reg.gate.GateService;
import dev.reg.release.ReleaseGate;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the composition root ({@link Main}) builds once and hands to every command: the clock, the
 * environment reg was started with, the terminal, and the gate a release is decided by. Nothing a
 * command needs from the outside world comes any other way, so a test builds its own.
 */
public record CommandContext(Clock clock, Map<String, String> env, Terminal terminal, ReleaseGate gate) {
    public CommandContext {
        env = Map.copyOf(env);
    }

    /** The gate of {@code reg gate}: the workflow's gate file against the run, HEAD as committed, the last good release as baseline. */
    public static final ReleaseGate PRODUCTION_GATE =
            (registry, workflow, runId) -> GateService.atHead(registry).evaluate(workflow, runId, Optional.empty());

    /** The context reg runs with: the production gate, a terminal on {@code out}/{@code err} that reads {@code env}. */
    public static CommandContext standard(PrintWriter out, PrintWriter err, boolean interactive, Clock clock, Map<String, String> env) {
        return new CommandContext(clock, env, new Terminal(out, err, interactive, env), PRODUCTION_GATE);
    }

    /** The same context with another gate (tests decide releases with a gate of their own). */
    public CommandContext withGate(ReleaseGate other) {
        return new CommandContext(clock, env, terminal, other);
    }
}
