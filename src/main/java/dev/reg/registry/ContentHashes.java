package dev.reg.registry;

import java.util.Map;

/** The checksums of an artifact's content files and the digest over them. */
public record ContentHashes(Map<String, Sha256> files, Sha256 digest) {
    public ContentHashes {
        files = Map.copyOf(files);
    }
}
