package dev.reg.validate;

import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ContentHashes;
import dev.reg.yaml.YamlDocument;
import java.util.List;
import java.util.SortedMap;

/**
 * The files being validated, whichever way they are stored: the work tree as it stands, or a tree
 * object (the index written as a tree, for a pre-commit check). Paths are repository-relative
 * with '/' separators.
 */
interface Snapshot {
    enum EntryKind { MISSING, FILE, SYMLINK, FOLDER, OTHER }

    /** {@code work tree} or {@code index}: what a report says was checked. */
    String describe();

    EntryKind kind(String path);

    /**
     * Reads a registry YAML file safely (size, encoding, aliases, duplicate keys).
     *
     * @throws dev.reg.BadInputException located at the file and line when it cannot be read
     */
    YamlDocument readYaml(String path);

    /** A small text file (an ADR) as bytes; throws {@link dev.reg.BadInputException} when it is too large. */
    byte[] readSmall(String path, long limit);

    /** A file's content, streamed (eval runs can be large). */
    java.io.InputStream open(String path);

    /** The entries directly in {@code folder}, by name; empty when it is no folder. */
    SortedMap<String, EntryKind> children(String folder);

    /** Every file (or link) under {@code folder}, relative to it, recursively. */
    List<String> filesUnder(String folder);

    /** Checksums and digest of the artifact's content files as stored here. */
    ContentHashes hash(ArtifactManifest manifest);
}
