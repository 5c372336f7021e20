package dev.reg.online;

import java.util.List;

/**
 * What {@code reg canary} reads: either the arms' own files, or event files split by each event's
 * {@code arm} field, or by its {@code release} field when both release numbers are given.
 *
 * @param controlRelease with {@code treatmentRelease}: split {@code events} by their release field; null otherwise
 * @param skipBad malformed lines that may be skipped (and counted) before the next one is an error
 */
public record CanaryRequest(List<TelemetryInput> control, List<TelemetryInput> treatment, List<TelemetryInput> events, Integer controlRelease,
        Integer treatmentRelease, long skipBad) {
    public CanaryRequest {
        control = List.copyOf(control);
        treatment = List.copyOf(treatment);
        events = List.copyOf(events);
    }
}
