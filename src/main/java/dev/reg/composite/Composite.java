package dev.reg.composite;

import dev.reg.registry.ContentHasher;
import dev.reg.registry.Kind;
import dev.reg.registry.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow's components at given versions, in registry.yaml order. Its digest is the sha256 of
 * the components' digests in that order, so two composites with one digest are the same contents
 * whatever their version numbers say.
 */
public record Composite(String workflow, List<ComponentVersion> components) {
    public Composite {
        components = List.copyOf(components);
    }

    /** sha256 over the components' digests, each as {@code sha256:<hex>\n}, in composite order. */
    public Sha256 digest() {
        MessageDigest md = ContentHasher.newSha256();
        for (ComponentVersion c : components) {
            md.update((c.digest().toString() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return new Sha256(org.apache.commons.codec.binary.Hex.encodeHexString(md.digest()));
    }

    /** {@code model/cust-copilot@1.4.2 + prompt/billing_refund@2.3.0 + dataset/golden@2025.9.0}. */
    public String longForm() {
        StringBuilder sb = new StringBuilder();
        for (ComponentVersion c : components) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append(c.version());
        }
        return sb.toString();
    }

    /**
     * {@code model@1.4.2 + prompt@2.3.0 + data@golden_2025_09}: the kind instead of the name, and a
     * dataset's label instead of its version when it has one. Only when each kind appears once.
     */
    public Optional<String> shortForm(Map<String, String> datasetLabels) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (ComponentVersion c : components) {
            counts.merge(c.version().artifact().kind(), 1, Integer::sum);
        }
        if (counts.values().stream().anyMatch(n -> n > 1)) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (ComponentVersion c : components) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            Kind k = c.version().artifact().kind();
            String label = k == Kind.DATASET ? datasetLabels.get(c.version().artifact().toString()) : null;
            sb.append(k.shortLabel()).append('@').append(label != null ? label : c.version().version().toString());
        }
        return Optional.of(sb.toString());
    }

    public Optional<ComponentVersion> component(String artifact) {
        return components.stream().filter(c -> c.version().artifact().toString().equals(artifact)).findFirst();
    }
}
