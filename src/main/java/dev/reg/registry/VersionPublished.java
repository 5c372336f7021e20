package dev.reg.registry;

import dev.reg.semver.Version;
import java.util.Map;
import java.util.Optional;

/** A version reg published: its tag, the version it follows, its content hashes and the commit holding it. */
public record VersionPublished(ArtifactVersion version, Optional<Version> previous, Map<String, Sha256> checksums, Sha256 digest,
        String commit, String summary) {
}
