package dev.reg.registry;

import dev.reg.semver.ReleaseType;

/**
 * What {@code reg bump} was asked: the artifact, the bump type, an optional prerelease id and
 * changelog summary, and (datasets) the case ids this version retires.
 */
public record BumpRequest(ArtifactId artifact, ReleaseType type, String preId, String summary, boolean allowUnchanged,
        java.util.List<String> retires) {
    public BumpRequest {
        retires = java.util.List.copyOf(retires);
    }

    public BumpRequest(ArtifactId artifact, ReleaseType type, String preId, String summary, boolean allowUnchanged) {
        this(artifact, type, preId, summary, allowUnchanged, java.util.List.of());
    }
}
