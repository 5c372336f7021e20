package dev.reg.eval;

import dev.reg.BadInputException;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryView;
import dev.reg.composite.ComponentVersion;
import dev.reg.composite.Composite;
import dev.reg.composite.CompositeService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out what a run measured: the workflow's composite at HEAD, with any explicitly named
 * component versions in place of the current ones, or only the named components. Every component
 * carries the content digest recorded when its version was tagged.
 */
final class SubjectResolver {
    private final Registry registry;
    private final RegistryView atHead;

    SubjectResolver(Registry registry, RegistryView atHead) {
        this.registry = registry;
        this.atHead = atHead;
    }

    RunSubject resolve(String workflow, List<String> components) {
        Map<ArtifactId, ComponentVersion> named = new LinkedHashMap<>();
        for (String c : components) {
            ArtifactVersion v = ArtifactVersion.parse(c);
            ArtifactManifest m = registry.atTag(v).manifest(v.artifact());
            if (m.digest().isEmpty()) {
                throw new BadInputException("--component " + c + ": the tagged artifact.yaml records no digest");
            }
            if (named.put(v.artifact(), new ComponentVersion(v, m.digest().get())) != null) {
                throw new BadInputException("--component names " + v.artifact() + " twice");
            }
        }
        if (workflow == null) {
            if (named.isEmpty()) {
                throw new BadInputException("say what the run measured: --workflow WORKFLOW (its composite at HEAD)"
                        + " or --component kind/name@version (repeatable)");
            }
            return RunSubject.of(new Composite(null, new ArrayList<>(named.values())), null);
        }
        CompositeService.CurrentComposite current = CompositeService.of(atHead, workflow);
        List<ComponentVersion> out = new ArrayList<>();
        for (ComponentVersion c : current.composite().components()) {
            ComponentVersion override = named.remove(c.version().artifact());
            out.add(override != null ? override : c);
        }
        if (!named.isEmpty()) {
            throw new BadInputException("--component " + named.keySet().iterator().next() + " is not a component of workflow " + workflow
                    + " (" + current.composite().longForm() + ")");
        }
        Composite composite = new Composite(workflow, out);
        boolean asCommitted = composite.equals(current.composite());
        return RunSubject.of(composite, asCommitted ? current.commit() : null);
    }
}
