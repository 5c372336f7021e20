package dev.reg.validate;

import dev.reg.registry.RegistryLayout;
import dev.reg.BadInputException;
import dev.reg.git.CommitHistory.CommitInfo;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Sha256;
import dev.reg.semver.Version;
import dev.reg.validate.ArtifactRules.CheckedArtifact;
import dev.reg.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.reg.git.GitId;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Trailer;

/**
 * Versions only go up, and a version names one content for good. With a base revision the
 * artifact is compared with itself there; without one, with the tag of its version.
 */
final class VersionRules {

    private final Context ctx;

    VersionRules(Context ctx) {
        this.ctx = ctx;
    }

    void check(CheckedArtifact a) {
        ArtifactManifest m = a.manifest();
        ArtifactVersion v = m.artifactVersion();
        Optional<Sha256> tagged = ctx.tagDigest(v);
        if (ctx.base().isPresent()) {
            Optional<ArtifactManifest> before = baseManifest(ctx.base().get(), m.id());
            if (before.isPresent() && before.get().version().equals(m.version())) {
                Optional<Sha256> was = before.get().digest();
                if (was.isPresent() && !was.get().equals(a.actual().digest())) {
                    ctx.add(Rule.VERSION_NOT_BUMPED, a.file(), a.versionLine(), a.versionColumn(), "the content of " + m.id()
                            + " changed since " + ctx.base().get().revision() + " (" + String.join(", ", changedFiles(before.get(), a))
                            + ") but its version is still " + m.version() + "; run 'reg bump " + m.id().kind() + " "
                            + m.id().name() + " patch|minor|major -m TEXT'");
                }
                return; // an unchanged version was checked against its tag when it was published
            }
            checkDirection(a, before);
        } else if (tagged.isPresent() && !tagged.get().equals(a.actual().digest())
                && m.digest().isPresent() && m.digest().get().equals(tagged.get())) {
            // artifact.yaml still describes the tagged content, the files do not: edited without a bump
            ctx.add(Rule.VERSION_NOT_BUMPED, a.file(), a.versionLine(), a.versionColumn(), "the content of " + m.id()
                    + " changed since " + v.tagName() + " was tagged but its version is still " + m.version() + "; run 'reg bump "
                    + m.id().kind() + " " + m.id().name() + " patch|minor|major -m TEXT'");
            return;
        }
        if (tagged.isPresent() && !tagged.get().equals(a.actual().digest())) {
            ctx.add(Rule.TAG_TAKEN, a.file(), a.versionLine(), a.versionColumn(), "version " + m.version() + " is already tagged ("
                    + v.tagName() + ") with other content (" + tagged.get() + ", this is " + a.actual().digest()
                    + "); a version names one content for good: publish this as a new version with 'reg bump'");
        }
    }

    /** The artifacts among {@code checked} whose version differs from the base's (or that are new since it). */
    List<CheckedArtifact> newVersions(List<CheckedArtifact> checked) {
        List<CheckedArtifact> out = new ArrayList<>();
        for (CheckedArtifact a : checked) {
            Optional<ArtifactManifest> before = baseManifest(ctx.base().orElseThrow(), a.manifest().id());
            if (before.isEmpty() || !before.get().version().equals(a.manifest().version())) {
                out.add(a);
            }
        }
        return out;
    }

    /** A version that changed in this change: it must go up, unless a reg rollback commit set it. */
    private void checkDirection(CheckedArtifact a, Optional<ArtifactManifest> before) {
        ArtifactManifest m = a.manifest();
        BaseInfo base = ctx.base().get();
        if (isRollback(base, a.file())) {
            return;
        }
        List<Version> tags = ctx.registry.versions(m.id());
        Version newest = tags.isEmpty() ? null : tags.get(tags.size() - 1);
        ArtifactVersion v = m.artifactVersion();
        if (before.isPresent() && m.version().compareTo(before.get().version()) < 0) {
            ctx.add(Rule.VERSION_DECREASED, a.file(), a.versionLine(), a.versionColumn(), "version went down from "
                    + before.get().version() + " (at " + base.revision() + ") to " + m.version()
                    + "; versions only go up — publish with 'reg bump', or go back with 'reg rollback'");
        } else if (ctx.tagExists(v) && publishedBefore(v, base)) {
            ctx.add(Rule.VERSION_REUSED, a.file(), a.versionLine(), a.versionColumn(), "version " + m.version()
                    + " was published before this change (" + v.tagName() + "); set versions with 'reg bump', which goes above "
                    + (newest == null ? "every tag" : newest) + ", or restore an old version with 'reg rollback'");
        } else if (!ctx.tagExists(v) && newest != null && m.version().compareTo(newest) < 0) {
            ctx.add(Rule.VERSION_DECREASED, a.file(), a.versionLine(), a.versionColumn(), "version " + m.version()
                    + " is not above the newest tag " + m.id() + "@" + newest + "; versions only go up ('reg bump' picks the next one)");
        }
    }

    private boolean publishedBefore(ArtifactVersion v, BaseInfo base) {
        Optional<GitId> at = ctx.registry.refs().resolveCommit(v.tagRef());
        return at.isPresent() && ctx.registry.history().isAncestor(at.get(), base.mergeBase());
    }

    /** Whether the last commit of this change that touched the manifest is a reg rollback commit, and nothing since. */
    private boolean isRollback(BaseInfo base, String manifest) {
        if (base.head() == null || base.uncommitted().contains(manifest)) {
            return false;
        }
        List<CommitInfo> commits = ctx.registry.history().commitsTouching(base.mergeBase(), base.head(), manifest);
        return !commits.isEmpty() && Trailer.ROLLBACK.in(commits.get(0).message()).isPresent();
    }

    private Optional<ArtifactManifest> baseManifest(BaseInfo base, ArtifactId id) {
        String path = RegistryLayout.manifest(id);
        try {
            RegistryView atBase = ctx.registry.at(base.mergeBase(), base.revision());
            return atBase.isFile(path) ? Optional.of(atBase.manifest(id)) : Optional.empty();
        } catch (BadInputException e) {
            return Optional.empty(); // broken at the base: nothing to compare with
        }
    }

    private static List<String> changedFiles(ArtifactManifest before, CheckedArtifact a) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Sha256> e : a.actual().files().entrySet()) {
            if (!e.getValue().equals(before.checksums().get(e.getKey()))) {
                out.add(e.getKey());
            }
        }
        for (String f : before.checksums().keySet()) {
            if (!a.actual().files().containsKey(f)) {
                out.add(f + " removed");
            }
        }
        if (out.isEmpty()) {
            out.add("model identity");
        }
        return out;
    }
}
