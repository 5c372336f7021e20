package dev.reg.validate;

import dev.reg.git.TagInfo;
import dev.reg.git.remote.RemoteRef;
import dev.reg.git.remote.RemoteRefs;
import dev.reg.git.remote.RemoteSettings;
import dev.reg.git.remote.Remotes;
import dev.reg.registry.ArtifactVersion;
import dev.reg.validate.ArtifactRules.CheckedArtifact;
import java.util.List;
import java.util.Optional;

/**
 * REG031 and REG032: each version a change adds must be tagged on the shared remote, with the tag
 * made here. One ls-remote of just those tags answers it (no object is fetched), so the check
 * costs what the change touches, whatever the remote holds.
 */
final class RemoteVersionRules {
    private final Context ctx;
    private final String remote;
    private final RemoteSettings settings;

    RemoteVersionRules(Context ctx, String remote, RemoteSettings settings) {
        this.ctx = ctx;
        this.remote = remote;
        this.settings = settings;
    }

    void check(List<CheckedArtifact> added) {
        if (added.isEmpty()) {
            return;
        }
        try (Remotes remotes = Remotes.open(ctx.registry.root(), settings)) {
            var target = remotes.resolve(remote);
            String[] tags = added.stream().map(a -> a.manifest().artifactVersion().tagRef()).toArray(String[]::new);
            RemoteRefs theirs = remotes.lsRemote(target, tags);
            for (CheckedArtifact a : added) {
                ArtifactVersion v = a.manifest().artifactVersion();
                Optional<RemoteRef> there = theirs.get(v.tagRef());
                Optional<TagInfo> here = ctx.registry.refs().readTag(v.tagRef());
                if (there.isEmpty()) {
                    ctx.add(Rule.VERSION_TAG_NOT_ON_REMOTE, a.file(), a.versionLine(), a.versionColumn(), "version " + v.version()
                            + " is new in this change but " + target.label() + " has no tag " + v.tagName()
                            + (here.isPresent() ? "; publish it: 'reg push " + target.label() + "' (or 'git push " + target.label() + " "
                                    + v.tagName() + "')" : " (nor has this clone; run 'reg bump', which tags it, then push)"));
                } else if (here.isEmpty() || !sameObject(here.get(), there.get())) {
                    ctx.add(Rule.VERSION_TAG_TAKEN_ON_REMOTE, a.file(), a.versionLine(), a.versionColumn(), v.tagName() + " on "
                            + target.label() + " is another tag (" + there.get().id().name().substring(0, 12) + " on commit "
                            + there.get().target().name().substring(0, 12) + ")" + here.map(t -> " than this clone's ("
                                    + name(t).substring(0, 12) + " on commit " + t.target().abbreviate(12) + ")").orElse("")
                            + ": someone published " + v + " first; 'reg fetch " + target.label()
                            + "', then publish this content as the next version with 'reg bump'");
                }
            }
        }
    }

    private static boolean sameObject(TagInfo here, RemoteRef there) {
        return name(here).equals(there.id().name());
    }

    /** The tag object's id, or the commit's for a lightweight tag. */
    private static String name(TagInfo t) {
        return t.annotated() ? t.tagObject().name() : t.target().name();
    }
}
