package dev.reg.release;

/**
 * Which {@link ReleaseGate} {@code reg release} asks. The production gate adapts
 * {@code dev.reg.gate.GateService}; code that embeds reg (tests, the demo) can put another in place
 * for the duration of a block.
 */
public final class ReleaseGates {
    /** Until the gate module is wired in, a release cannot be decided: say so instead of guessing. */
    static final ReleaseGate PRODUCTION = (registry, workflow, runId) -> {
        throw new IllegalStateException("this build of reg has no gate to decide releases with (dev.reg.gate is not wired in)");
    };

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
