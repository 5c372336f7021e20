package dev.reg.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reg.BadInputException;
import dev.reg.semver.Version;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An artifact's {@code artifact.yaml}, read and checked. Fields reg owns (version, checksums,
 * digest, changelog, rollback_to) are rewritten by {@link ArtifactYamlEditor}; the rest belong to the user.
 */
public record ArtifactManifest(
        ArtifactId id,
        Version version,
        String owner,
        String description,
        List<String> files,
        Map<String, Sha256> checksums,
        Optional<Sha256> digest,
        List<ChangelogEntry> changelog,
        Optional<Version> rollbackTo,
        Map<String, List<String>> links,
        Map<String, Object> modelIdentity,
        Optional<String> label,
        YamlDocument document) {

    public static final String FILE_NAME = "artifact.yaml";
    /** The digest line for a model's identity fields, which are its content even when it has no files. */
    public static final String MODEL_IDENTITY_ENTRY = ":model";

    private static final List<String> COMMON_KEYS = List.of("id", "kind", "version", "owner", "description", "files",
            "schema", "policies", "links", "checksums", "digest", "changelog", "rollback_to", "tags");
    private static final List<String> MODEL_KEYS = List.of("provider", "model_id", "parameters", "weights");
    private static final List<String> DATASET_KEYS = List.of("label", "source", "license", "provenance");

    /** Keys allowed in an artifact.yaml of {@code kind} (besides {@code x-} extensions). */
    public static List<String> allowedKeys(Kind kind) {
        List<String> keys = new ArrayList<>(COMMON_KEYS);
        if (kind == Kind.MODEL) {
            keys.addAll(MODEL_KEYS);
        } else if (kind == Kind.DATASET) {
            keys.addAll(DATASET_KEYS);
        }
        return keys;
    }

    /**
     * Reads and checks {@code doc} as the artifact.yaml of {@code expected}: schema, names, versions,
     * file paths. Throws {@link BadInputException} with file and line on the first problem.
     */
    public static ArtifactManifest read(YamlDocument doc, ArtifactId expected) {
        YamlMap m = doc.rootMap();
        String kindText = m.requireString("kind");
        Kind kind;
        try {
            kind = Kind.parse(kindText);
        } catch (BadInputException e) {
            throw m.error("kind", "unknown kind '" + kindText + "': expected prompt, model or dataset");
        }
        m.requireOnly(allowedKeys(kind));
        String name = m.requireString("id");
        if (!ArtifactNames.isLegal(name)) {
            throw m.error("id", "illegal name '" + ArtifactNames.printable(name)
                    + "': lowercase a-z, 0-9, '.', '_', '-', starting with a letter or digit, at most 63 characters");
        }
        if (expected != null && kind != expected.kind()) {
            throw m.error("kind", "is '" + kind + "' but the file is in the " + expected.kind().folder() + " folder");
        }
        if (expected != null && !name.equals(expected.name())) {
            throw m.error("id", "is '" + name + "' but the folder is named '" + expected.name() + "'");
        }
        ArtifactId id = new ArtifactId(kind, name);
        Version version = version(m, "version", m.requireString("version"));

        List<String> files = m.stringList("files");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i);
            String problem = ContentPaths.problem(f);
            if (problem != null) {
                throw m.error("files", "'" + ArtifactNames.printable(f) + "' " + problem);
            }
            if (!seen.add(f)) {
                throw m.error("files", "'" + f + "' is listed twice");
            }
        }

        Map<String, Sha256> checksums = new LinkedHashMap<>();
        m.optMap("checksums").ifPresent(c -> {
            for (String file : c.keys()) {
                String v = c.requireString(file);
                if (!Sha256.isValid(v)) {
                    throw c.error(file, "expected sha256:<64 lowercase hex digits>, found '" + v + "'");
                }
                checksums.put(file, Sha256.parse(v));
            }
        });
        Optional<Sha256> digest = m.optString("digest").map(d -> {
            if (!Sha256.isValid(d)) {
                throw m.error("digest", "expected sha256:<64 lowercase hex digits>, found '" + d + "'");
            }
            return Sha256.parse(d);
        });

        List<ChangelogEntry> changelog = new ArrayList<>();
        for (YamlMap e : m.mapList("changelog")) {
            e.requireOnly(List.of("version", "date", "summary", "author", "retires"));
            String v = e.requireString("version");
            version(e, "version", v);
            changelog.add(new ChangelogEntry(v, e.optString("date").orElse(""), e.optString("summary").orElse(""), e.stringList("retires")));
        }
        Optional<Version> rollbackTo = m.optString("rollback_to").map(v -> version(m, "rollback_to", v));

        Map<String, List<String>> links = new LinkedHashMap<>();
        m.optMap("links").ifPresent(l -> {
            for (String key : l.keys()) {
                links.put(key, l.stringList(key));
            }
        });
        m.optMap("schema").ifPresent(s -> {
            s.requireOnly(List.of("inputs", "outputs"));
            s.stringList("inputs");
            s.stringList("outputs");
        });
        m.optMap("policies");
        m.stringList("tags");

        Map<String, Object> identity = new LinkedHashMap<>();
        if (kind == Kind.MODEL) {
            m.optString("provider").ifPresent(v -> identity.put("provider", v));
            m.optString("model_id").ifPresent(v -> identity.put("model_id", v));
            m.optMap("parameters").ifPresent(p -> identity.put("parameters", p.toPlain()));
            m.optMap("weights").ifPresent(w -> {
                w.requireOnly(List.of("uri", "sha256"));
                String uri = w.requireString("uri");
                String sha = w.requireString("sha256");
                if (!Sha256.isValid(sha)) {
                    throw w.error("sha256", "expected sha256:<64 lowercase hex digits>, found '" + sha + "'");
                }
                identity.put("weights", Map.of("uri", uri, "sha256", sha));
            });
        }
        Optional<String> label = Optional.empty();
        if (kind == Kind.DATASET) {
            label = m.optString("label");
            m.optString("source");
            m.optString("license");
            m.optMap("provenance");
        }
        return new ArtifactManifest(id, version, m.optString("owner").orElse(""), m.optString("description").orElse(""),
                List.copyOf(files), checksums, digest, List.copyOf(changelog), rollbackTo, links, identity, label, doc);
    }

    private static Version version(YamlMap m, String key, String text) {
        try {
            return ArtifactVersion.parseVersion(text);
        } catch (BadInputException e) {
            throw m.error(key, e.getMessage());
        }
    }

    /**
     * Digest entries that come from the metadata itself: a model's provider, model_id, parameters
     * and weights, hashed as canonical JSON. Empty for prompts and datasets.
     */
    public Map<String, Sha256> identityEntries() {
        if (modelIdentity.isEmpty()) {
            return Map.of();
        }
        return Map.of(MODEL_IDENTITY_ENTRY, ContentHasher.hashBytes(CanonicalJson.of(modelIdentity)));
    }

    /**
     * JSON with map keys sorted. A class of its own so that Jackson is loaded only when a model's
     * identity is hashed: the verifier loads the exception types a method catches with its class.
     */
    private static final class CanonicalJson {
        static byte[] of(Object value) {
            try {
                ObjectMapper canonical = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
                return canonical.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The artifact version this manifest declares. */
    public ArtifactVersion artifactVersion() {
        return new ArtifactVersion(id, version);
    }

    public Optional<String> changelogSummary(Version v) {
        String text = v.toString();
        return changelog.stream().filter(e -> e.version().equals(text)).map(ChangelogEntry::summary).findFirst();
    }
}
