package dev.reg.online;

import java.util.List;

/**
 * The inputs of one read and the malformed lines it skipped.
 *
 * @param skippedSamples the first skipped lines (at most {@link TelemetryReader#SKIPPED_SAMPLES}), for the readout
 */
public record ReadResult(List<InputSummary> inputs, long events, long skipped, List<SkippedLine> skippedSamples) {
    public ReadResult {
        inputs = List.copyOf(inputs);
        skippedSamples = List.copyOf(skippedSamples);
    }
}
