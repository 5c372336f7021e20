package dev.reg.release;

import dev.reg.gate.BarResult;
import dev.reg.gate.GateReport;
import dev.reg.gate.MustPassResult;
import dev.reg.stats.Numbers;
import dev.reg.registry.Registry;
import java.util.Optional;

/**
 * The gate a release is decided by. The production implementation adapts
 * {@code dev.reg.gate.GateService}; tests supply their own. Implementations read the registry
 * as committed and must not write it.
 */
@FunctionalInterface
public interface ReleaseGate {
    /**
     * Evaluates the workflow's current composite.
     *
     * @param runId the eval run to gate on; empty: the run whose component digests match the composite
     */
    GateReport evaluate(Registry registry, String workflow, Optional<String> runId);
}
