package dev.reg.registry;

import java.util.List;

/** A workflow of registry.yaml: its components in composite order and its gate file. */
public record Workflow(String name, List<ArtifactId> components, String gate, String description) {
    public Workflow {
        components = List.copyOf(components);
    }
}
