package dev.reg.registry;

import dev.reg.semver.ReleaseType;

/** What {@code reg bump} was asked: the artifact, the bump type, an optional prerelease id and changelog summary. */
public record BumpRequest(ArtifactId artifact, ReleaseType type, String preId, String summary, boolean allowUnchanged) {
}
