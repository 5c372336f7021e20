package dev.reg.validate;

import dev.reg.registry.RegistryLayout;
import dev.reg.BadInputException;
import dev.reg.git.RefSource;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Trailer;
import dev.reg.git.TagInfo;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactNames;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.ContentHashes;
import dev.reg.registry.Registry;
import dev.reg.registry.Sha256;
import dev.reg.composite.ComponentVersion;
import dev.reg.composite.CompositeService;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.reg.git.GitId;

/**
 * {@code reg verify}: every version tag's content recomputed from the tagged tree (nothing is
 * checked out) against the digest the tag recorded; every release tag against its ledger entry
 * and the composite at the tagged commit; and every ledger entry and changelog version against
 * the tags that should exist. A tag that was moved, re-created or deleted shows up here.
 */
public final class IntegrityCheck {
    private static final Set<String> DECISIONS = Set.of("ship", "forced", "rollback");
    private static final Pattern RELEASE_TAG = Pattern.compile("release/([^/]+)/([1-9][0-9]{0,9})");

    private final Registry registry;
    private final RefSource refs;
    private final List<IntegrityProblem> problems = new ArrayList<>();

    public IntegrityCheck(Registry registry) {
        this.registry = registry;
        this.refs = registry.refs();
    }

    public VerifyReport verify() {
        int versionTags = 0;
        Map<String, Map<Integer, String>> releaseTags = new TreeMap<>();
        for (String ref : refs.refNames(RegistryLayout.TAGS)) {
            String name = ref.substring(RegistryLayout.TAGS.length());
            Optional<ArtifactVersion> v = RegistryLayout.parseVersionTag(name);
            if (v.isPresent()) {
                versionTags++;
                checkVersionTag(v.get());
                continue;
            }
            Matcher m = RELEASE_TAG.matcher(name);
            if (m.matches()) {
                releaseTags.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), name);
            }
        }
        int entries = 0;
        Optional<GitId> headCommit = registry.headCommit();
        if (headCommit.isPresent()) {
            RegistryView head = registry.head();
            Set<String> workflows = new LinkedHashSet<>(releaseTags.keySet());
            workflows.addAll(ExpectedTags.ledgerWorkflows(head));
            for (String wf : workflows) {
                entries += checkLedger(wf, head, releaseTags.getOrDefault(wf, Map.of()));
            }
            checkChangelogTags(head);
        } else {
            releaseTags.forEach((wf, tags) -> tags.values().forEach(t -> problem("release-tag-without-entry", t,
                    "there is no commit on this branch, so no ledger records this release")));
        }
        return new VerifyReport(versionTags, releaseTags.values().stream().mapToInt(Map::size).sum(), entries, problems);
    }

    private void problem(String code, String subject, String message) {
        problems.add(new IntegrityProblem(code, subject, message));
    }

    // ---------------------------------------------------------------- version tags

    private void checkVersionTag(ArtifactVersion v) {
        String tag = v.tagName();
        TagInfo t = refs.readTag(v.tagRef()).orElseThrow();
        if (!t.annotated()) {
            problem("tag-not-annotated", tag, "a lightweight tag: reg's version tags are annotated and record the digest;"
                    + " it was not made by reg, or was re-created by hand");
        }
        Optional<Sha256> recorded = Trailer.DIGEST.in(t.message()).filter(Sha256::isValid).map(Sha256::parse);
        if (t.annotated() && recorded.isEmpty()) {
            problem("tag-digest-missing", tag, "the tag message has no Reg-Digest trailer, so its content cannot be verified");
        }
        Optional<GitId> commit = refs.resolveCommit(v.tagRef());
        if (commit.isEmpty()) {
            problem("tag-manifest-mismatch", tag, "the tag does not point at a commit");
            return;
        }
        String path = RegistryLayout.manifest(v.artifact());
        RegistryView tagged = registry.at(commit.get(), tag);
        if (!tagged.isFile(path)) {
            problem("tag-manifest-mismatch", tag, "the tagged commit " + abbrev(commit.get()) + " has no " + path
                    + ": the tag was moved or re-created on other content");
            return;
        }
        ArtifactManifest m;
        ContentHashes actual;
        try {
            m = tagged.manifest(v.artifact());
            actual = tagged.hash(m);
        } catch (BadInputException e) {
            problem("tag-manifest-mismatch", tag, "the tagged content cannot be read: " + e.getMessage());
            return;
        }
        if (!m.version().equals(v.version())) {
            problem("tag-manifest-mismatch", tag, "the tagged commit " + abbrev(commit.get()) + " holds version " + m.version()
                    + " of " + v.artifact() + ", not " + v.version() + ": the tag was moved or re-created");
        }
        Optional<Sha256> expected = recorded.or(m::digest);
        if (expected.isPresent() && !expected.get().equals(actual.digest())) {
            problem("tag-content-mismatch", tag, "the tagged content hashes to " + actual.digest() + " but the tag records "
                    + expected.get() + ": the tag was moved or re-created on other content");
        }
        if (recorded.isPresent() && m.digest().isPresent() && !m.digest().get().equals(recorded.get())) {
            problem("tag-manifest-mismatch", tag, "artifact.yaml at the tag records digest " + m.digest().get()
                    + " but the tag records " + recorded.get());
        }
    }

    /** Every version an artifact's changelog names at HEAD, and the version it is at, must be tagged. */
    private void checkChangelogTags(RegistryView head) {
        for (ExpectedTags.NamedVersion n : ExpectedTags.versions(head)) {
            ArtifactVersion av = n.version();
            if (!refs.refExists(av.tagRef())) {
                problem("tag-missing", av.tagName(), n.manifestPath() + " at HEAD names version " + av.version() + " but there is no tag "
                        + av.tagName() + ": it was deleted, or the version was never published with reg");
            }
        }
    }

    // ---------------------------------------------------------------- ledgers and release tags

    private int checkLedger(String workflow, RegistryView head, Map<Integer, String> tags) {
        Ledger ledger;
        try {
            ledger = ArtifactNames.isLegal(workflow) ? Ledger.in(head, workflow) : Ledger.empty(workflow);
        } catch (BadInputException e) {
            problem("ledger-unreadable", Ledger.path(workflow), e.getMessage());
            return 0;
        }
        Set<Integer> covered = new LinkedHashSet<>();
        for (LedgerEntry e : ledger.entries()) {
            String tag = e.tagName(workflow);
            boolean exists = tags.containsKey(e.n());
            if (e.tagged() && !exists) {
                problem("release-entry-without-tag", tag, Ledger.path(workflow) + " records release " + e.n() + " as tagged ("
                        + e.status().label() + ") but tag " + tag + " does not exist: it was deleted");
            } else if (!e.tagged() && exists) {
                problem("release-tag-without-entry", tag, "tag " + tag + " exists but " + Ledger.path(workflow) + " records release "
                        + e.n() + " (" + e.status().label() + ") as never tagged");
            } else if (exists) {
                checkReleaseTag(workflow, e, tag);
            }
            covered.add(e.n());
            if (e.tagged()) {
                for (ComponentVersion c : e.components()) {
                    if (!refs.refExists(c.version().tagRef())) {
                        problem("tag-missing", c.version().tagName(), "release " + tag + " shipped " + c.version()
                                + " but its tag does not exist: it was deleted");
                    }
                }
            }
        }
        tags.forEach((n, tag) -> {
            if (!covered.contains(n)) {
                problem("release-tag-without-entry", tag, "no entry " + n + " in " + Ledger.path(workflow)
                        + " records this release; release tags are made only with their ledger entry");
            }
        });
        // a recorded canary readout judged a release that went to canary (promote rests on it)
        for (dev.reg.online.RecordedReadouts.Recorded r : dev.reg.online.RecordedReadouts.all(head, workflow)) {
            if (r.format().equals(dev.reg.online.CanaryJson.FORMAT) && r.release() != null
                    && ledger.entry(r.release()).map(e -> !dev.reg.ledger.Releases.wasCanary(e)).orElse(true)) {
                problem("canary-readout-without-canary", r.path(), "a canary readout of release " + r.release() + " but "
                        + Ledger.path(workflow) + " has no release " + r.release() + " that went to canary");
            }
        }
        return ledger.entries().size();
    }

    private void checkReleaseTag(String workflow, LedgerEntry e, String tag) {
        TagInfo t = refs.readTag(RegistryLayout.TAGS + tag).orElseThrow();
        if (!t.annotated()) {
            problem("release-tag-not-annotated", tag, "a lightweight tag: reg's release tags are annotated and record the composite");
            return;
        }
        expectTrailer(t, tag, Trailer.WORKFLOW, workflow);
        expectTrailer(t, tag, Trailer.RELEASE, String.valueOf(e.n()));
        expectTrailer(t, tag, Trailer.COMPOSITE_DIGEST, e.digest().toString());
        Optional<String> decision = Trailer.DECISION.in(t.message());
        if (decision.isEmpty() || !DECISIONS.contains(decision.get())) {
            problem("release-tag-trailer-mismatch", tag, Trailer.DECISION.key() + " is " + decision.map(d -> "'" + d + "'").orElse("missing")
                    + "; expected ship, forced or rollback");
        } else if (decision.get().equals("rollback") != e.isRollback()) {
            problem("release-tag-trailer-mismatch", tag, Trailer.DECISION.key() + " is " + decision.get() + " but the ledger records release "
                    + e.n() + (e.isRollback() ? " as a rollback" : " as no rollback"));
        }
        if (e.run() != null) {
            expectTrailer(t, tag, Trailer.RUN, e.run());
        }
        checkReleaseContent(workflow, tag, t);
    }

    private void expectTrailer(TagInfo t, String tag, Trailer key, String expected) {
        Optional<String> found = key.in(t.message());
        if (found.isEmpty() || !found.get().equals(expected)) {
            problem("release-tag-trailer-mismatch", tag, key.key() + " is " + found.map(f -> "'" + f + "'").orElse("missing")
                    + " but the ledger records '" + expected + "'");
        }
    }

    /** The composite at the tagged commit must be the one the tag records, or the tag was moved. */
    private void checkReleaseContent(String workflow, String tag, TagInfo t) {
        Optional<Sha256> recorded = Trailer.COMPOSITE_DIGEST.in(t.message()).filter(Sha256::isValid).map(Sha256::parse);
        Optional<GitId> commit = refs.resolveCommit(RegistryLayout.TAGS + tag);
        if (recorded.isEmpty() || commit.isEmpty()) {
            return;
        }
        try {
            RegistryView tagged = registry.at(commit.get(), tag);
            Sha256 actual = CompositeService.of(tagged, tagged.config().workflow(workflow)).composite().digest();
            if (!actual.equals(recorded.get())) {
                problem("release-tag-content-mismatch", tag, "the composite at the tagged commit " + abbrev(commit.get()) + " is "
                        + actual + " but the tag records " + recorded.get() + ": the tag was moved or re-created");
            }
        } catch (BadInputException ex) {
            problem("release-tag-content-mismatch", tag, "the composite at the tagged commit " + abbrev(commit.get())
                    + " cannot be read: " + ex.getMessage());
        }
    }

    private static String abbrev(GitId id) {
        return id.abbreviate(10);
    }
}
