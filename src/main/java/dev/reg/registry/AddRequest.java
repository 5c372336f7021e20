package dev.reg.registry;

import dev.reg.semver.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code reg add} was asked: a new artifact, the files to take in (copied into its folder
 * unless already there), its first version and the metadata fields to write.
 */
public record AddRequest(ArtifactId artifact, List<Path> files, Version version, String summary, Map<String, String> fields) {
    public AddRequest {
        files = List.copyOf(files);
        fields = Map.copyOf(fields);
    }
}
