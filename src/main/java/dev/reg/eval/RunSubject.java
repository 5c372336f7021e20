package dev.reg.eval;

import dev.reg.composite.ComponentVersion;
import dev.reg.composite.Composite;
import dev.reg.registry.Sha256;
import java.util.List;

/**
 * What a run measured: the workflow (null when only components were named), its composite in long
 * form, the composite digest, the commit it was read from (null for explicit components), and each
 * component's version and content digest.
 */
public record RunSubject(String workflow, String composite, Sha256 digest, String commit, List<ComponentVersion> components) {
    public RunSubject {
        components = List.copyOf(components);
    }

    /** The same subject without the commit it was read from (which says where, not what). */
    public RunSubject withoutCommit() {
        return new RunSubject(workflow, composite, digest, null, components);
    }

    public static RunSubject of(Composite c, String commit) {
        return new RunSubject(c.workflow(), c.longForm(), c.digest(), commit, c.components());
    }
}
