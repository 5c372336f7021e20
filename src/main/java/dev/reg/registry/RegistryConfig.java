package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.util.Suggestions;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code registry/registry.yaml}: the format version, the workflows and defaults. */
public record RegistryConfig(int format, Map<String, Workflow> workflows, Map<String, Object> defaults) {
    public static final String PATH = RegistryLayout.CONFIG;
    public static final int FORMAT = 1;

    public static RegistryConfig read(YamlDocument doc) {
        YamlMap m = doc.rootMap();
        m.requireOnly(List.of("registry", "workflows", "defaults"));
        double format = m.optNumber("registry").orElseThrow(() -> m.error("registry", "missing format version (registry: 1)"));
        if (format != FORMAT) {
            throw m.error("registry", "format " + format + " is not supported; this reg reads format " + FORMAT);
        }
        Map<String, Workflow> workflows = new LinkedHashMap<>();
        Optional<YamlMap> wfs = m.optMap("workflows");
        if (wfs.isPresent()) {
            YamlMap all = wfs.get();
            for (String name : all.keys()) {
                if (!ArtifactNames.isLegal(name)) {
                    throw all.error(name, "illegal workflow name: lowercase a-z, 0-9, '.', '_', '-', starting with a letter or digit");
                }
                YamlMap w = all.requireMap(name);
                w.requireOnly(List.of("components", "gate", "description", "owner"));
                List<ArtifactId> components = new ArrayList<>();
                Set<ArtifactId> seen = new HashSet<>();
                for (String c : w.stringList("components")) {
                    ArtifactId id;
                    try {
                        id = ArtifactId.parse(c);
                    } catch (BadInputException e) {
                        throw w.error("components", e.getMessage());
                    }
                    if (!seen.add(id)) {
                        throw w.error("components", id + " is listed twice");
                    }
                    components.add(id);
                }
                if (components.isEmpty()) {
                    throw w.error("components", "a workflow needs at least one component");
                }
                String gate = w.optString("gate").orElse("gates/" + name + ".yaml");
                workflows.put(name, new Workflow(name, components, gate, w.optString("description").orElse("")));
            }
        }
        Map<String, Object> defaults = m.optMap("defaults").map(YamlMap::toPlain).orElse(Map.of());
        return new RegistryConfig(FORMAT, workflows, defaults);
    }

    public Workflow workflow(String name) {
        Workflow w = workflows.get(name);
        if (w == null) {
            throw new BadInputException("unknown workflow '" + name + "' (" + PATH + " defines: "
                    + (workflows.isEmpty() ? "none" : String.join(", ", workflows.keySet())) + ")"
                    + Suggestions.hint(name, workflows.keySet()));
        }
        return w;
    }
}
