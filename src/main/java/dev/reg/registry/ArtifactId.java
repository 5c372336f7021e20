package dev.reg.registry;

import dev.reg.BadInputException;

/** An artifact, addressed as {@code kind/name}. */
public record ArtifactId(Kind kind, String name) implements Comparable<ArtifactId> {
    public ArtifactId {
        ArtifactNames.requireLegal(kind.id(), name);
    }

    /** Parses {@code kind/name}. */
    public static ArtifactId parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new BadInputException("'" + ArtifactNames.printable(text) + "' is not an artifact: expected kind/name, e.g. prompt/billing_refund");
        }
        return new ArtifactId(Kind.parse(text.substring(0, slash)), text.substring(slash + 1));
    }

    /** The artifact's folder relative to the repository root. */
    public String folder() {
        return RegistryLayout.folder(this);
    }

    /** Prefix shared by all of this artifact's version tags ({@code refs/tags/prompt/x@}). */
    public String tagRefPrefix() {
        return RegistryLayout.versionTagPrefix(this);
    }

    @Override
    public int compareTo(ArtifactId o) {
        int c = kind.compareTo(o.kind);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return kind.id() + "/" + name;
    }
}
