package dev.reg.online;

import java.util.List;

/**
 * What {@code reg drift} compares: the current files against reference files, or against the
 * reference profile recorded for a release.
 *
 * @param referenceRelease the release whose recorded profile is the reference, or null when reference files are given
 * @param window the rates' window as typed ({@code 1h}), or null for the gate file's (or the whole current set)
 */
public record DriftRequest(List<TelemetryInput> reference, Integer referenceRelease, List<TelemetryInput> current, String window, long skipBad) {
    public DriftRequest {
        reference = List.copyOf(reference);
        current = List.copyOf(current);
    }
}
