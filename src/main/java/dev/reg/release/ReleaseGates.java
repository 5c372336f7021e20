package dev.reg.release;

/**
 * Which {@link ReleaseGate} {@code reg release} asks. The production gate adapts
 * {@code dev.reg.gate.GateService}; code that embeds reg (tests, the demo) can put another in place
 * for the duration of a block.
 */
public final class ReleaseGates {
    /** The gate of {@code reg gate}: the workflow's gate file against the run, with the last shipped release as baseline. */
    static final ReleaseGate PRODUCTION = (registry, workflow, runId) ->
            new dev.reg.gate.GateService(registry).evaluate(workflow, runId, java.util.Optional.empty());

    private static volatile ReleaseGate override;

    private ReleaseGates() {
    }

    public static ReleaseGate current() {
        ReleaseGate g = override;
        return g != null ? g : PRODUCTION;
    }

    /** Uses {@code gate} until the returned handle is closed. */
    public static Installed use(ReleaseGate gate) {
        ReleaseGate before = override;
        override = gate;
        return () -> override = before;
    }

    /** Restores the previous gate when closed. */
    @FunctionalInterface
    public interface Installed extends AutoCloseable {
        @Override
        void close();
    }
}
