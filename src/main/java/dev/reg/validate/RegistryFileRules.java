package dev.reg.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.registry.RegistryView;
import dev.reg.BadInputException;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactNames;
import dev.reg.registry.ContentPaths;
import dev.reg.registry.RegistryConfig;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code registry/registry.yaml}: schema, workflow names, components that exist, gate files. */
final class RegistryFileRules {
    private final Context ctx;

    RegistryFileRules(Context ctx) {
        this.ctx = ctx;
    }

    /** What registry.yaml says that other rules need: its workflows and the gate files they name. */
    record Facts(Optional<Set<String>> workflows, Set<String> gateFiles) {
        static final Facts UNKNOWN = new Facts(Optional.empty(), Set.of());
    }

    /** Checks registry.yaml and returns its facts ({@link Facts#UNKNOWN} when the file could not be read). */
    Facts check() {
        String file = RegistryConfig.PATH;
        if (ctx.snapshot.kind(file) == RegistryView.EntryKind.MISSING) {
            ctx.add(Rule.MISSING_MANIFEST, file, 0, 0, file + " is missing from the " + ctx.snapshot.describe()
                    + "; every registry has one ('reg init' writes it)");
            return Facts.UNKNOWN;
        }
        Optional<Context.LoadedYaml> loaded = ctx.load(file);
        if (loaded.isEmpty()) {
            return Facts.UNKNOWN;
        }
        Context.LoadedYaml y = loaded.get();
        ctx.conforms(y, SchemaCheck.REGISTRY);
        Set<String> names = new LinkedHashSet<>();
        Set<String> gates = new LinkedHashSet<>();
        JsonNode workflows = y.root().path("workflows");
        if (!workflows.isObject()) {
            return new Facts(Optional.of(names), gates);
        }
        for (Iterator<String> it = workflows.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            names.add(name);
            String p = YamlJson.child("/workflows", name);
            if (!ArtifactNames.isLegal(name)) {
                ctx.add(Rule.ILLEGAL_NAME, file, y.json().keyLine(p), y.json().keyColumn(p), "illegal workflow name '" + name
                        + "': lowercase a-z, 0-9, '.', '_' or '-', starting with a letter or digit, at most 63 characters");
            }
            checkComponents(y, name, workflows.get(name), p);
            checkGate(y, name, workflows.get(name), p).ifPresent(gates::add);
        }
        return new Facts(Optional.of(names), gates);
    }

    private void checkComponents(Context.LoadedYaml y, String workflow, JsonNode w, String p) {
        List<JsonNode> components = Context.items(w, "components");
        for (int i = 0; i < components.size(); i++) {
            JsonNode c = components.get(i);
            if (!c.isTextual()) {
                continue;
            }
            ArtifactId id;
            try {
                id = ArtifactId.parse(c.asText());
            } catch (BadInputException e) {
                continue; // the schema reported the malformed reference
            }
            String manifest = id.folder() + "/" + ArtifactManifest.FILE_NAME;
            if (ctx.snapshot.kind(manifest) == RegistryView.EntryKind.MISSING) {
                String at = YamlJson.child(YamlJson.child(p, "components"), i);
                ctx.add(Rule.LINK_UNRESOLVED, y.file(), y.json().line(at), y.json().column(at), "workflow " + workflow + " names "
                        + id + ", but there is no " + manifest + "; register it with 'reg add " + id.kind() + " " + id.name() + "'");
            }
        }
    }

    /** Checks a workflow's gate file name; returns its path when it names a file that exists. */
    private Optional<String> checkGate(Context.LoadedYaml y, String workflow, JsonNode w, String p) {
        if (w == null || !w.isObject()) {
            return Optional.empty();
        }
        Optional<String> declared = Context.text(w, "gate");
        String gate = declared.orElse("gates/" + workflow + ".yaml");
        String at = declared.isPresent() ? YamlJson.child(p, "gate") : p;
        int line = declared.isPresent() ? y.json().line(at) : y.json().keyLine(p);
        int column = declared.isPresent() ? y.json().column(at) : y.json().keyColumn(p);
        try {
            ContentPaths.requireSafe("gate", gate);
        } catch (BadInputException e) {
            ctx.add(Rule.INVALID_FIELD, y.file(), line, column, "workflows." + workflow + "." + e.getMessage()
                    + " (the gate file is named relative to registry/)");
            return Optional.empty();
        }
        String path = "registry/" + gate;
        if (ctx.snapshot.kind(path) == RegistryView.EntryKind.MISSING) {
            ctx.add(Rule.GATE_FILE_MISSING, y.file(), line, column, "workflow " + workflow + " has no gate file yet (" + path
                    + "); write its pass bars there before releasing it");
            return Optional.empty();
        }
        return Optional.of(path);
    }
}
