package dev.reg.composite;

import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Sha256;

/** One component of a composite: an artifact version and the content digest it was tagged with. */
public record ComponentVersion(ArtifactVersion version, Sha256 digest) {
}
