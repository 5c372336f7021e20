package dev.reg.registry;

import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.git.Change;
import dev.reg.git.GitId;
import dev.reg.git.CommitRequest;
import dev.reg.git.CommitResult;
import dev.reg.git.TagSpec;
import dev.reg.semver.Version;
import dev.reg.util.AtomicFiles;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Writes new artifacts and new versions: {@code reg add} and {@code reg bump}. */
public final class ArtifactService {
    private final Registry registry;
    private final Clock clock;
    private final ProgressListener progress;

    public ArtifactService(Registry registry, Clock clock, ProgressListener progress) {
        this.registry = registry;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Publishes the next version of an artifact: checksums, digest, changelog entry and rollback_to
     * written into its artifact.yaml, one commit holding only the artifact's folder, and the
     * annotated version tag, all in one atomic ref transaction.
     */
    public VersionPublished bump(BumpRequest req) {
        ArtifactId id = req.artifact();
        registry.publisher().requireWritable(List.of(id.folder()));
        Optional<GitId> head = registry.headCommit();
        String manifestPath = RegistryLayout.manifest(id);
        Path manifestFile = registry.root().resolve(manifestPath);
        byte[] before = readBytes(manifestFile, manifestPath, id);
        ArtifactManifest current = ArtifactManifest.read(YamlDocument.parse(before, manifestPath), id);

        List<Version> tagged = registry.versions(id);
        Version base = current.version();
        if (!tagged.isEmpty() && tagged.get(tagged.size() - 1).compareTo(base) > 0) {
            base = tagged.get(tagged.size() - 1); // after a rollback the folder is older than the newest tag
        }
        Version next;
        try {
            next = base.increment(req.type(), req.preId());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("cannot bump " + id + ": " + e.getMessage() + "; versions only go up");
        }
        for (Version t : tagged) {
            if (next.compareTo(t) <= 0) {
                throw new BadInputException("cannot bump " + id + " to " + next + ": version " + t
                        + " is already tagged and versions only go up");
            }
        }

        if (!req.retires().isEmpty() && id.kind() != Kind.DATASET) {
            throw new BadInputException("--retire names dataset cases; " + id + " is a " + id.kind());
        }
        requireOnlyListed(id, current.files());
        ContentHashes hashes = registry.workTree(progress).hash(current);
        Optional<Sha256> lastDigest = current.digest().or(() -> recordedDigest(new ArtifactVersion(id, current.version())));
        if (!req.allowUnchanged() && lastDigest.isPresent() && lastDigest.get().equals(hashes.digest())) {
            throw new BadInputException("nothing to release: the content of " + id + " is unchanged since " + current.version()
                    + " (digest " + hashes.digest() + "); change a file listed in files: first, or pass --allow-unchanged");
        }
        String summary = req.summary() != null && !req.summary().isBlank() ? req.summary().strip()
                : req.askSummary() != null ? req.askSummary().get() : req.type().label() + " release";
        String text = new ArtifactYamlEditor(current.document())
                .setScalar("version", next.toString())
                .setMap("checksums", render(hashes.files(), current.files()))
                .setScalar("digest", hashes.digest().toString())
                .prependChangelog(new ChangelogEntry(next.toString(), today(), summary, req.retires()))
                .setScalar("rollback_to", current.version().toString())
                .result();
        checkReadsBack(text, manifestPath, id, next);
        ensureUnchangedSinceRead(manifestFile, before, manifestPath);

        ArtifactVersion av = new ArtifactVersion(id, next);
        CommitResult done = registry.publish(new CommitRequest(head.orElse(null), List.of(id.folder()),
                Map.of(manifestPath, text.getBytes(StandardCharsets.UTF_8)), List.of(),
                commitMessage(av, summary, hashes.digest()), List.of(new TagSpec(av.tagName(), tagMessage(summary, hashes.digest())))));
        return new VersionPublished(av, Optional.of(current.version()), hashes.files(), hashes.digest(), done.commit().name(), summary);
    }

    /**
     * Registers a new artifact at its first version: copies the given files into its folder (files
     * already inside are used in place), writes artifact.yaml, commits the folder and tags the version.
     * The copies are part of the change: if it fails or is killed before publishing, they are removed.
     */
    public VersionPublished add(AddRequest req) {
        ArtifactId id = req.artifact();
        registry.publisher().requireWritable(List.of(id.folder()));
        Optional<GitId> head = registry.headCommit();
        if (registry.workTree().hasArtifact(id)) {
            throw new BadInputException(id + " already exists (" + RegistryLayout.manifest(id) + "); use 'reg bump' for a new version");
        }
        List<Version> tagged = registry.versions(id);
        if (!tagged.isEmpty()) {
            // a repository state, not bad input: someone (maybe a teammate, on the remote being published to) registered it first
            ArtifactVersion first = new ArtifactVersion(id, tagged.get(0));
            String by = registry.refs().readTag(RegistryLayout.TAGS + first.tagName()).filter(t -> t.when() != null)
                    .map(t -> " by " + t.tagger() + " at " + t.when()).orElse("");
            throw new RefusedException(id + " was registered before" + by + " (tag " + first.tagName() + " exists); take it with"
                    + " 'git pull' (or restore its folder from that tag) and publish your content with 'reg bump' — nothing was changed");
        }
        Path folder = registry.root().resolve(RegistryLayout.folder(id));
        Map<String, Path> copies = planCopies(folder, req.files());
        List<String> files = new ArrayList<>(copies.keySet());
        if (req.files().isEmpty() && Files.isDirectory(folder)) {
            files.addAll(existingFiles(folder));
        }
        try (Change change = registry.publisher().startChange()) {
            for (Map.Entry<String, Path> c : copies.entrySet()) {
                if (!Files.exists(folder.resolve(c.getKey()), LinkOption.NOFOLLOW_LINKS)) {
                    change.copyIn(id.folder() + "/" + c.getKey(), c.getValue());
                }
            }
            requireOnlyListed(id, files);
            String summary = req.summary() == null || req.summary().isBlank() ? "first version" : req.summary().strip();
            String skeleton = skeleton(id, req.version(), files, req.fields());
            ArtifactManifest draft = ArtifactManifest.read(YamlDocument.parse(skeleton, RegistryLayout.manifest(id)), id);
            ContentHashes hashes = registry.workTree(progress).hash(draft);
            String text = new ArtifactYamlEditor(draft.document())
                    .setMap("checksums", render(hashes.files(), files))
                    .setScalar("digest", hashes.digest().toString())
                    .prependChangelog(new ChangelogEntry(req.version().toString(), today(), summary))
                    .result();
            checkReadsBack(text, RegistryLayout.manifest(id), id, req.version());
            ArtifactVersion av = new ArtifactVersion(id, req.version());
            CommitResult done = change.publish(new CommitRequest(head.orElse(null), List.of(id.folder()),
                    Map.of(RegistryLayout.manifest(id), text.getBytes(StandardCharsets.UTF_8)), List.of(),
                    commitMessage(av, summary, hashes.digest()), List.of(new TagSpec(av.tagName(), tagMessage(summary, hashes.digest())))));
            return new VersionPublished(av, Optional.empty(), hashes.files(), hashes.digest(), done.commit().name(), summary);
        }
    }

    /**
     * Refuses a version whose folder holds files that {@code files:} does not list: the commit would
     * carry them, but the digest, which says what the version is, would not.
     */
    private void requireOnlyListed(ArtifactId id, List<String> files) {
        String prefix = id.folder() + "/";
        List<String> unlisted = registry.status().committableFiles(id.folder()).stream()
                .map(p -> p.substring(prefix.length()))
                .filter(p -> !p.equals(ArtifactManifest.FILE_NAME) && !files.contains(p))
                // another reg process mid-write (it holds the lock, and this bump will be refused for it)
                .filter(p -> !AtomicFiles.isTemporary(p.substring(p.lastIndexOf('/') + 1)))
                .toList();
        if (!unlisted.isEmpty()) {
            throw new BadInputException(id.folder() + " holds files that files: does not list: " + String.join(", ", unlisted)
                    + "; they would be committed into the version without being part of its digest — list them in files:,"
                    + " move them out of the folder, or ignore them in .gitignore; nothing was changed");
        }
    }

    private Map<String, Path> planCopies(Path folder, List<Path> sources) {
        Map<String, Path> out = new TreeMap<>();
        for (Path src : sources) {
            Path abs = src.toAbsolutePath().normalize();
            if (Files.isSymbolicLink(abs)) {
                throw new BadInputException(src + " is a symbolic link; add the file it points to");
            }
            if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException(src + " is not a file");
            }
            String rel = abs.startsWith(folder) ? folder.relativize(abs).toString().replace('\\', '/') : abs.getFileName().toString();
            ContentPaths.requireSafe("file " + src, rel);
            if (out.containsKey(rel)) {
                throw new BadInputException("two files would both be " + rel + " in " + folder + ": " + out.get(rel) + " and " + src);
            }
            Path target = folder.resolve(rel);
            if (!abs.startsWith(folder) && Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !sameContent(abs, target)) {
                throw new BadInputException(registry.root().relativize(target) + " already exists with other content; remove it or add it in place");
            }
            out.put(rel, abs);
        }
        return out;
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> existingFiles(Path folder) {
        try (var s = Files.walk(folder)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(ArtifactManifest.FILE_NAME) && ContentPaths.problem(p) == null)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String skeleton(ArtifactId id, Version version, List<String> files, Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        sb.append("id: ").append(id.name()).append('\n');
        sb.append("kind: ").append(id.kind().id()).append('\n');
        sb.append("version: ").append(version).append('\n');
        for (String key : List.of("owner", "description", "provider", "model_id", "label")) {
            String v = fields.get(key);
            if (v != null && !v.isBlank()) {
                sb.append(key).append(": ").append(YamlText.scalar(v)).append('\n');
            }
        }
        sb.append("files:");
        if (files.isEmpty()) {
            sb.append(" []");
        }
        for (String f : files) {
            sb.append("\n  - ").append(YamlText.scalar(f));
        }
        sb.append('\n');
        return sb.toString();
    }

    private static Map<String, String> render(Map<String, Sha256> hashes, List<String> order) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : order) {
            out.put(f, hashes.get(f).toString());
        }
        return out;
    }

    private Optional<Sha256> recordedDigest(ArtifactVersion v) {
        return registry.refs().readTag(v.tagRef()).flatMap(t -> Trailer.DIGEST.in(t.message())).filter(Sha256::isValid).map(Sha256::parse);
    }

    private static void checkReadsBack(String text, String path, ArtifactId id, Version expected) {
        ArtifactManifest m = ArtifactManifest.read(YamlDocument.parse(text, path), id);
        if (!m.version().equals(expected)) {
            throw new IllegalStateException("rewritten " + path + " reads back as version " + m.version() + ", not " + expected);
        }
    }

    private void ensureUnchangedSinceRead(Path file, byte[] before, String path) {
        if (!Arrays.equals(before, readBytes(file, path, null))) {
            throw new RefusedException(path + " changed while reg was working; nothing was changed — run the command again");
        }
    }

    private byte[] readBytes(Path file, String path, ArtifactId id) {
        try {
            if (Files.isSymbolicLink(file)) {
                throw new BadInputException(path + " is a symbolic link; it must be a regular file");
            }
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException("no artifact " + (id == null ? path : id) + " (" + path + " does not exist; 'reg add' registers one)"
                    + (id == null ? "" : registry.suggestFor(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
    }

    static String commitMessage(ArtifactVersion v, String summary, Sha256 digest) {
        return v + ": " + firstLine(summary) + "\n\n" + Trailer.ARTIFACT.key() + ": " + v.artifact() + "\n" + Trailer.VERSION.key()
                + ": " + v.version() + "\n" + Trailer.DIGEST.key() + ": " + digest + "\n";
    }

    static String tagMessage(String summary, Sha256 digest) {
        return summary + "\n\n" + Trailer.DIGEST.key() + ": " + digest + "\n";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
