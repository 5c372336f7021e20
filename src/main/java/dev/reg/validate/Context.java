package dev.reg.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.registry.RegistryView;
import dev.reg.BadInputException;
import dev.reg.registry.Trailer;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Registry;
import dev.reg.registry.Sha256;
import dev.reg.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every rule of one validation run shares: the registry, the files checked, the findings so far. */
final class Context {
    final Registry registry;
    final RegistryView snapshot;
    private final Optional<BaseInfo> base;
    final SchemaCheck schemas = new SchemaCheck();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Optional<Sha256>> tagDigests = new HashMap<>();
    private EvalRuns evalRuns;

    Context(Registry registry, RegistryView snapshot, Optional<BaseInfo> base) {
        this.registry = registry;
        this.snapshot = snapshot;
        this.base = base;
    }

    Optional<BaseInfo> base() {
        return base;
    }

    void add(Finding f) {
        findings.add(f);
    }

    void add(Rule rule, String file, int line, int column, String message) {
        findings.add(Finding.of(rule, file, line, column, message));
    }

    List<Finding> findings() {
        return findings;
    }

    boolean hasFindings(String file) {
        return findings.stream().anyMatch(f -> f.file().equals(file));
    }

    /** A YAML file read and converted, or empty after reporting why it could not be (REG001, REG011). */
    Optional<LoadedYaml> load(String path) {
        RegistryView.EntryKind kind = snapshot.kind(path);
        if (kind == RegistryView.EntryKind.MISSING) {
            return Optional.empty();
        }
        if (kind != RegistryView.EntryKind.FILE) {
            add(Rule.NOT_A_REGULAR_FILE, path, 0, 0, path + " is " + (kind == RegistryView.EntryKind.SYMLINK
                    ? "a symbolic link; registry files must be regular files in the repository (reg does not follow links)"
                    : "not a regular file"));
            return Optional.empty();
        }
        try {
            YamlDocument doc = snapshot.readYaml(path);
            return Optional.of(new LoadedYaml(doc, YamlJson.of(doc)));
        } catch (BadInputException e) {
            add(Rule.INVALID_YAML, path, e.line(), 0, e.detail());
            return Optional.empty();
        }
    }

    /** Checks {@code yaml} against a schema; true when it conforms. */
    boolean conforms(LoadedYaml yaml, String schema) {
        List<Finding> found = schemas.check(schema, yaml.json(), yaml.doc().file());
        found.forEach(this::add);
        return found.isEmpty();
    }

    /** The digest recorded in a version's tag ({@code Reg-Digest}); empty when there is no such tag or no trailer. */
    Optional<Sha256> tagDigest(ArtifactVersion v) {
        return tagDigests.computeIfAbsent(v.tagRef(), ref -> registry.refs().readTag(ref)
                .flatMap(t -> Trailer.DIGEST.in(t.message())).filter(Sha256::isValid).map(Sha256::parse));
    }

    boolean tagExists(ArtifactVersion v) {
        return registry.refs().refExists(v.tagRef());
    }

    EvalRuns evalRuns() {
        if (evalRuns == null) {
            evalRuns = new EvalRuns(snapshot);
        }
        return evalRuns;
    }

    /** A YAML file and its JSON view with line numbers. */
    record LoadedYaml(YamlDocument doc, YamlJson json) {
        String file() {
            return doc.file();
        }

        JsonNode root() {
            return json.root();
        }
    }

    // ---- defensive reads of values whose type the schema may already have reported wrong

    static Optional<String> text(JsonNode obj, String key) {
        JsonNode v = obj == null ? null : obj.get(key);
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    static List<JsonNode> items(JsonNode obj, String key) {
        JsonNode v = obj == null ? null : obj.get(key);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }
}
