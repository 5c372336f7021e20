package dev.reg.registry;

import dev.reg.semver.ReleaseType;

/**
 * What {@code reg bump} was asked: the artifact, the bump type, an optional prerelease id and
 * changelog summary, and (datasets) the case ids this version retires.
 *
 * @param askSummary without a summary: asked for one once every check has passed, as {@code git
 *     commit} opens the editor only when there is something to commit (null: {@code <type> release})
 */
public record BumpRequest(ArtifactId artifact, ReleaseType type, String preId, String summary, boolean allowUnchanged,
        java.util.List<String> retires, java.util.function.Supplier<String> askSummary) {
    public BumpRequest {
        retires = java.util.List.copyOf(retires);
    }

    public BumpRequest(ArtifactId artifact, ReleaseType type, String preId, String summary, boolean allowUnchanged,
            java.util.List<String> retires) {
        this(artifact, type, preId, summary, allowUnchanged, retires, null);
    }

    public BumpRequest(ArtifactId artifact, ReleaseType type, String preId, String summary, boolean allowUnchanged) {
        this(artifact, type, preId, summary, allowUnchanged, java.util.List.of());
    }
}
