package dev.reg.composite;

import dev.reg.BadInputException;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Registry;
import dev.reg.registry.Workflow;
import dev.reg.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/** Computes a workflow's composite from the registry as committed, reading each component's artifact.yaml. */
public final class CompositeService {
    private final Registry registry;

    public CompositeService(Registry registry) {
        this.registry = registry;
    }

    /** The workflow's composite at HEAD: what a gate, a release or an eval import measures. */
    public CurrentComposite atHead(String workflow) {
        ObjectId head = registry.git().head()
                .orElseThrow(() -> new BadInputException("the repository has no commits yet; nothing to compose"));
        return at(workflow, head);
    }

    /** The workflow's composite in commit {@code rev}. */
    public CurrentComposite at(String workflow, ObjectId rev) {
        return at(registry.config().workflow(workflow), rev);
    }

    /**
     * The composite of {@code wf} (as some registry.yaml defines it, e.g. the one committed in
     * {@code rev}) from the artifact.yaml files committed in {@code rev}.
     */
    public CurrentComposite at(Workflow wf, ObjectId rev) {
        String workflow = wf.name();
        List<ComponentVersion> components = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (ArtifactId id : wf.components()) {
            String path = registry.manifestPath(id);
            byte[] bytes = registry.git().readFile(rev, path).orElseThrow(() -> new BadInputException(
                    "workflow " + workflow + " names " + id + ", but " + path + " is not committed"));
            ArtifactManifest m = ArtifactManifest.read(YamlDocument.parse(bytes, path), id);
            if (m.digest().isEmpty()) {
                throw new BadInputException(path + ": " + id + " has no digest yet; publish a version with 'reg bump' first");
            }
            components.add(new ComponentVersion(new ArtifactVersion(id, m.version()), m.digest().get()));
            m.label().ifPresent(l -> labels.put(id.toString(), l));
        }
        return new CurrentComposite(new Composite(workflow, components), labels, rev.name());
    }

    /** A composite plus what its short form needs and the commit it was read from. */
    public record CurrentComposite(Composite composite, Map<String, String> datasetLabels, String commit) {
        public String shortForm() {
            return composite.shortForm(datasetLabels).orElse(composite.longForm());
        }
    }
}
