package dev.reg.online;

import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Drift reference profiles recorded in the registry: {@code reg.drift-profile/1} documents
 * ({@link DriftJson#profile}) at {@code registry/online/<workflow>/drift-profile-release-<n>.json},
 * one per release, beside the workflow's recorded readouts, so {@code reg drift --reference-release N} compares current telemetry with what
 * release N looked like without its (possibly huge, possibly personal) events. This class only
 * reads; recording is a writing command's job, and it writes to {@link #path}.
 */
public final class RecordedProfiles {
    /** Where online readouts and profiles are committed, one folder per workflow (DESIGN.md section 2, "Online"). */
    public static final String FOLDER = RegistryLayout.ONLINE;

    private RecordedProfiles() {
    }

    /** The recorded drift reference of release {@code release} of {@code workflow}. */
    public static String path(String workflow, int release) {
        return RegistryLayout.online(workflow) + "/drift-profile-release-" + release + ".json";
    }

    /** The profile recorded for the release in {@code view}; empty when there is none. A malformed one is bad input. */
    public static Optional<DriftProfile> in(RegistryView view, String workflow, int release) {
        String path = path(workflow, release);
        return view.read(path).map(bytes -> DriftJson.readProfile(new String(bytes, StandardCharsets.UTF_8), path));
    }
}
