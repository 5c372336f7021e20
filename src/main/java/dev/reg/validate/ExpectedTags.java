package dev.reg.validate;

import dev.reg.BadInputException;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactNames;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Kind;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import dev.reg.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The tags a registry's content names, which must exist: read by {@code reg verify} and {@code reg doctor}. */
public final class ExpectedTags {
    private ExpectedTags() {
    }

    /** A version an artifact names (its current version or a changelog entry), and the manifest that names it. */
    public record NamedVersion(ArtifactVersion version, String manifestPath) {
    }

    /** Every version each artifact's manifest in {@code view} names: the version it is at and its changelog's. */
    public static List<NamedVersion> versions(RegistryView view) {
        List<NamedVersion> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (var e : view.children(RegistryLayout.REGISTRY + "/" + k.folder()).entrySet()) {
                if (e.getValue() != RegistryView.EntryKind.FOLDER || !ArtifactNames.isLegal(e.getKey())) {
                    continue;
                }
                ArtifactId id = new ArtifactId(k, e.getKey());
                String path = RegistryLayout.manifest(id);
                Optional<ArtifactManifest> m = view.isFile(path) ? readQuietly(view, id) : Optional.empty();
                if (m.isEmpty()) {
                    continue; // reg validate reports unreadable manifests
                }
                Set<Version> named = new LinkedHashSet<>();
                named.add(m.get().version());
                m.get().changelog().forEach(c -> {
                    try {
                        named.add(ArtifactVersion.parseVersion(c.version()));
                    } catch (BadInputException ex) {
                        // reported by reg validate
                    }
                });
                named.forEach(v -> out.add(new NamedVersion(new ArtifactVersion(id, v), path)));
            }
        }
        return out;
    }

    /** The workflows that have a ledger file in {@code view}. */
    public static List<String> ledgerWorkflows(RegistryView view) {
        List<String> out = new ArrayList<>();
        for (var f : view.children(RegistryLayout.RELEASES).entrySet()) {
            if (f.getKey().endsWith(".yaml") && f.getValue() == RegistryView.EntryKind.FILE) {
                out.add(f.getKey().substring(0, f.getKey().length() - ".yaml".length()));
            }
        }
        return out;
    }

    private static Optional<ArtifactManifest> readQuietly(RegistryView view, ArtifactId id) {
        try {
            return Optional.of(view.manifest(id));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }
}
