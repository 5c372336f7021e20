package dev.reg.registry;

import java.util.HashMap;
import java.util.Map;

/** The checksums of an artifact's content files and the digest over them. */
public record ContentHashes(Map<String, Sha256> files, Sha256 digest) {
    public ContentHashes {
        files = Map.copyOf(files);
    }

    /** The hashes of {@code m}'s content files with the digest over them and the manifest's identity entries (a model's fields). */
    public static ContentHashes of(ArtifactManifest m, Map<String, Sha256> fileHashes) {
        Map<String, Sha256> lines = new HashMap<>(fileHashes);
        lines.putAll(m.identityEntries());
        return new ContentHashes(fileHashes, ContentHasher.digest(lines));
    }
}
