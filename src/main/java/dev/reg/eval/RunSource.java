package dev.reg.eval;

import dev.reg.registry.Sha256;
import java.util.Map;

/**
 * Where a run came from: the tool and its version (null when the file does not say), the original
 * file name and sha256, and the importer with the options that shaped the result.
 */
public record RunSource(String tool, String version, String file, Sha256 sha256, String importer, Map<String, String> options) {
    public RunSource {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
    }
}
