package dev.reg.composite;

import dev.reg.BadInputException;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes a workflow's composite from one view of the registry, reading each component's artifact.yaml there. */
public final class CompositeService {
    private CompositeService() {
    }

    /** The workflow's composite in {@code view}: at HEAD as committed, what a gate, a release or an eval import measures. */
    public static CurrentComposite of(RegistryView view, String workflow) {
        return of(view, view.config().workflow(workflow));
    }

    /**
     * The composite of {@code wf} (as some registry.yaml defines it) from the artifact.yaml files in {@code view}.
     */
    public static CurrentComposite of(RegistryView view, Workflow wf) {
        String workflow = wf.name();
        List<ComponentVersion> components = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (ArtifactId id : wf.components()) {
            String path = RegistryLayout.manifest(id);
            if (!view.isFile(path)) {
                throw new BadInputException("workflow " + workflow + " names " + id + ", but " + path + " is not in " + view.describe());
            }
            ArtifactManifest m = ArtifactManifest.read(view.readYaml(path), id);
            if (m.digest().isEmpty()) {
                throw new BadInputException(path + ": " + id + " has no digest yet; publish a version with 'reg bump' first");
            }
            components.add(new ComponentVersion(new ArtifactVersion(id, m.version()), m.digest().get()));
            m.label().ifPresent(l -> labels.put(id.toString(), l));
        }
        return new CurrentComposite(new Composite(workflow, components), labels, view.commit().map(c -> c.name()).orElse(null));
    }

    /** A composite plus what its short form needs and the commit it was read from (null for the work tree). */
    public record CurrentComposite(Composite composite, Map<String, String> datasetLabels, String commit) {
        public String shortForm() {
            return composite.shortForm(datasetLabels).orElse(composite.longForm());
        }
    }
}
