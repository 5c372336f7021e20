package dev.reg.online;

import dev.reg.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Drift reference profiles recorded in the registry: {@code reg.drift-profile/1} documents
 * ({@link DriftJson#profile}) at {@code registry/online/<workflow>/drift-profile-release-<n>.json},
 * one per release, beside the workflow's recorded readouts, so {@code reg drift --reference-release N} compares current telemetry with what
 * release N looked like without its (possibly huge, possibly personal) events. This class only
 * reads; recording is a writing command's job, and it writes to {@link #path}.
 */
public final class RecordedProfiles {
    /** Where online readouts and profiles are committed, one folder per workflow (DESIGN.md section 2, "Online"). */
    public static final String FOLDER = "registry/online";

    private RecordedProfiles() {
    }

    /** The recorded drift reference of release {@code release} of {@code workflow}. */
    public static String path(String workflow, int release) {
        return FOLDER + "/" + workflow + "/drift-profile-release-" + release + ".json";
    }

    /** The profile recorded for the release as committed in {@code rev}; empty when there is none. A malformed one is bad input. */
    public static Optional<DriftProfile> loadAt(Registry registry, String workflow, int release, ObjectId rev) {
        String path = path(workflow, release);
        return registry.git().readFile(rev, path).map(bytes -> DriftJson.readProfile(new String(bytes, StandardCharsets.UTF_8), path));
    }
}
