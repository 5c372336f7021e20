package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.semver.Version;

/** One version of an artifact, {@code kind/name@1.2.3}; also the name of its annotated tag. */
public record ArtifactVersion(ArtifactId artifact, Version version) implements Comparable<ArtifactVersion> {

    public static ArtifactVersion parse(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            throw new BadInputException("'" + ArtifactNames.printable(text) + "' is not an artifact version: expected kind/name@version");
        }
        return new ArtifactVersion(ArtifactId.parse(text.substring(0, at)), parseVersion(text.substring(at + 1)));
    }

    /** A version as artifacts carry it: valid SemVer without build metadata. */
    public static Version parseVersion(String text) {
        Version v;
        try {
            v = Version.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        if (v.hasBuild()) {
            throw new BadInputException("version " + text + " carries build metadata; artifact versions have none"
                    + " (it does not change precedence, so " + text + " and its release would be one version twice)");
        }
        return v;
    }

    public String tagName() {
        return RegistryLayout.versionTag(this);
    }

    public String tagRef() {
        return RegistryLayout.versionTagRef(this);
    }

    @Override
    public int compareTo(ArtifactVersion o) {
        int c = artifact.compareTo(o.artifact);
        return c != 0 ? c : version.compareTo(o.version);
    }

    @Override
    public String toString() {
        return tagName();
    }
}
