package dev.reg.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.registry.RegistryView;
import dev.reg.BadInputException;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactNames;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.ContentHashes;
import dev.reg.registry.ContentPaths;
import dev.reg.registry.Kind;
import dev.reg.registry.Sha256;
import dev.reg.semver.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One artifact folder: its artifact.yaml against the schema of its kind, names, versions, content
 * files, checksums and digest, changelog, rollback_to and links.
 */
final class ArtifactRules {
    private final Context ctx;

    ArtifactRules(Context ctx) {
        this.ctx = ctx;
    }

    /** An artifact whose manifest read cleanly, with the digest of its content as stored now. */
    record CheckedArtifact(ArtifactManifest manifest, ContentHashes actual, Context.LoadedYaml yaml, String file) {
        int versionLine() {
            return yaml.json().line("/version");
        }

        int versionColumn() {
            return yaml.json().column("/version");
        }
    }

    /** Checks the folder {@code registry/<kind folder>/<name>}; a folder that is gone is no finding. */
    Optional<CheckedArtifact> check(Kind kind, String name) {
        String folder = "registry/" + kind.folder() + "/" + name;
        RegistryView.EntryKind folderKind = ctx.snapshot.kind(folder);
        if (folderKind == RegistryView.EntryKind.MISSING || folderKind == RegistryView.EntryKind.FILE) {
            return Optional.empty();
        }
        if (!ArtifactNames.isLegal(name)) {
            ctx.add(Rule.ILLEGAL_NAME, folder, 0, 0, "illegal artifact name '" + ArtifactNames.printable(name) + "' (folder " + ArtifactNames.printable(folder)
                    + "): names are 1 to 63 characters of lowercase a-z, 0-9, '.', '_' or '-', starting with a letter or digit,"
                    + " without '..' and not ending in '.' or '.lock'; rename the folder");
            return Optional.empty();
        }
        if (folderKind != RegistryView.EntryKind.FOLDER) {
            ctx.add(Rule.NOT_A_REGULAR_FILE, folder, 0, 0, folder + " is a symbolic link; artifact folders must be real folders"
                    + " in the repository (reg does not follow links)");
            return Optional.empty();
        }
        ArtifactId id = new ArtifactId(kind, name);
        String file = folder + "/" + ArtifactManifest.FILE_NAME;
        if (ctx.snapshot.kind(file) == RegistryView.EntryKind.MISSING) {
            ctx.add(Rule.MISSING_MANIFEST, folder, 0, 0, folder + " has no " + ArtifactManifest.FILE_NAME
                    + "; register it with 'reg add " + kind + " " + name + "' or remove the folder");
            return Optional.empty();
        }
        Optional<Context.LoadedYaml> loaded = ctx.load(file);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        Context.LoadedYaml y = loaded.get();
        JsonNode root = y.root();
        Kind declared = Context.text(root, "kind").flatMap(ArtifactRules::kind).orElse(kind);
        boolean conforms = ctx.conforms(y, SchemaCheck.artifactSchema(declared));
        if (!root.isObject()) {
            return Optional.empty();
        }
        checkPlacement(y, id, declared);
        Optional<Version> version = version(y, "/version");
        List<Version> changelog = new ArrayList<>();
        List<JsonNode> entries = Context.items(root, "changelog");
        for (int i = 0; i < entries.size(); i++) {
            version(y, YamlJson.child(YamlJson.child("/changelog", i), "version")).ifPresent(changelog::add);
        }
        Optional<Version> rollbackTo = version(y, "/rollback_to");
        checkFilePaths(y);
        version.ifPresent(v -> checkChangelog(y, v, changelog));
        rollbackTo.ifPresent(rb -> checkRollbackTo(y, id, rb, version));
        checkLinks(y);
        checkUnlisted(y, folder);

        if (!conforms) {
            return Optional.empty();
        }
        ArtifactManifest m;
        try {
            m = ArtifactManifest.read(y.doc(), id);
        } catch (BadInputException e) {
            if (!ctx.hasFindings(file)) {
                ctx.add(Rule.INVALID_FIELD, file, e.line(), 0, e.detail());
            }
            return Optional.empty();
        }
        return checkContent(y, m, folder, file);
    }

    private static Optional<Kind> kind(String text) {
        try {
            return Optional.of(Kind.parse(text));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    private void checkPlacement(Context.LoadedYaml y, ArtifactId id, Kind declared) {
        if (declared != id.kind()) {
            ctx.add(Rule.MISPLACED_ARTIFACT, y.file(), y.json().line("/kind"), y.json().column("/kind"), "kind is '" + declared
                    + "' but the artifact is in registry/" + id.kind().folder() + "/; move the folder to registry/"
                    + declared.folder() + "/ or set kind: " + id.kind());
        }
        Context.text(y.root(), "id").ifPresent(name -> {
            if (!ArtifactNames.isLegal(name)) {
                ctx.add(Rule.ILLEGAL_NAME, y.file(), y.json().line("/id"), y.json().column("/id"), "id: illegal name '"
                        + ArtifactNames.printable(name) + "': lowercase a-z, 0-9, '.', '_' or '-', starting with a letter or digit, at most 63 characters");
            } else if (!name.equals(id.name())) {
                ctx.add(Rule.MISPLACED_ARTIFACT, y.file(), y.json().line("/id"), y.json().column("/id"), "id is '" + name
                        + "' but the folder is named '" + id.name() + "'; an artifact's id is its folder name");
            }
        });
    }

    /** The version at {@code pointer} when it is a valid artifact version; reports REG005 when it is text but not one. */
    private Optional<Version> version(Context.LoadedYaml y, String pointer) {
        JsonNode v = y.root().at(pointer);
        if (!v.isTextual()) {
            return Optional.empty(); // absent, or a wrong type the schema reported
        }
        try {
            return Optional.of(ArtifactVersion.parseVersion(v.asText()));
        } catch (BadInputException e) {
            ctx.add(Rule.INVALID_VERSION, y.file(), y.json().line(pointer), y.json().column(pointer),
                    YamlJson.fieldName(pointer) + ": '" + v.asText() + "' is not a SemVer 2.0.0 version: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void checkFilePaths(Context.LoadedYaml y) {
        List<JsonNode> files = Context.items(y.root(), "files");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).isTextual()) {
                continue;
            }
            String f = files.get(i).asText();
            String at = YamlJson.child("/files", i);
            try {
                ContentPaths.requireSafe("files[" + i + "]", f);
                if (!seen.add(f)) {
                    ctx.add(Rule.BAD_CONTENT_FILE, y.file(), y.json().line(at), y.json().column(at), "files[" + i + "]: '" + f
                            + "' is listed twice");
                }
            } catch (BadInputException e) {
                ctx.add(Rule.BAD_CONTENT_FILE, y.file(), y.json().line(at), y.json().column(at), e.getMessage());
            }
        }
    }

    private void checkChangelog(Context.LoadedYaml y, Version version, List<Version> changelog) {
        if (!changelog.contains(version)) {
            boolean has = y.root().has("changelog");
            String at = has ? "/changelog" : "/version";
            ctx.add(Rule.CHANGELOG_MISSING, y.file(), has ? y.json().keyLine(at) : y.json().line(at), has ? y.json().keyColumn(at)
                    : y.json().column(at), "no changelog entry for version " + version + "; add '- version: " + version
                    + "' with a date and summary at the top of changelog: ('reg bump -m TEXT' writes it)");
        }
    }

    private void checkRollbackTo(Context.LoadedYaml y, ArtifactId id, Version target, Optional<Version> version) {
        int line = y.json().line("/rollback_to");
        int col = y.json().column("/rollback_to");
        if (version.isPresent() && target.compareTo(version.get()) >= 0) {
            ctx.add(Rule.ROLLBACK_TARGET_MISSING, y.file(), line, col, "rollback_to " + target + " is not older than version "
                    + version.get() + "; it names the version to go back to");
            return;
        }
        ArtifactVersion v = new ArtifactVersion(id, target);
        if (!ctx.tagExists(v)) {
            ctx.add(Rule.ROLLBACK_TARGET_MISSING, y.file(), line, col, "rollback_to " + target + " has no tag " + v.tagName()
                    + "; name a published version (see 'reg log " + id + "')");
        }
    }

    private void checkLinks(Context.LoadedYaml y) {
        JsonNode links = y.root().get("links");
        if (links == null || !links.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = links.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                continue;
            }
            for (int i = 0; i < e.getValue().size(); i++) {
                JsonNode item = e.getValue().get(i);
                if (item.isTextual()) {
                    checkLink(y, e.getKey(), item.asText(), YamlJson.child(YamlJson.child("/links", e.getKey()), i));
                }
            }
        }
    }

    private void checkLink(Context.LoadedYaml y, String key, String target, String at) {
        int line = y.json().line(at);
        int col = y.json().column(at);
        String field = YamlJson.fieldName(at);
        if (key.equals("evals")) {
            if (!ctx.evalRuns().exists(target)) {
                ctx.add(Rule.LINK_UNRESOLVED, y.file(), line, col, field + ": no eval run '" + target + "' under "
                        + EvalRuns.FOLDER + "/ (import it with 'reg eval import')");
            }
            return;
        }
        if (target.contains("://")) {
            return; // a URL: reg does not fetch it
        }
        if (target.contains("@")) {
            ArtifactVersion v;
            try {
                v = ArtifactVersion.parse(target);
            } catch (BadInputException e) {
                ctx.add(Rule.LINK_UNRESOLVED, y.file(), line, col, field + ": " + e.getMessage());
                return;
            }
            if (!ctx.tagExists(v)) {
                ctx.add(Rule.LINK_UNRESOLVED, y.file(), line, col, field + ": " + v + " does not exist (no tag " + v.tagName()
                        + "); link a published version (see 'reg log " + v.artifact() + "')");
            }
            return;
        }
        if (target.indexOf('/') > 0) {
            try {
                ArtifactId id = ArtifactId.parse(target);
                if (ctx.snapshot.kind(id.folder() + "/" + ArtifactManifest.FILE_NAME) == RegistryView.EntryKind.MISSING) {
                    ctx.add(Rule.LINK_UNRESOLVED, y.file(), line, col, field + ": no artifact " + id + " (no " + id.folder() + "/)");
                }
            } catch (BadInputException e) {
                // not an artifact reference: free text reg does not resolve
            }
        }
    }

    private void checkUnlisted(Context.LoadedYaml y, String folder) {
        Set<String> listed = new HashSet<>();
        Context.items(y.root(), "files").forEach(f -> listed.add(f.asText()));
        for (String f : ctx.snapshot.filesUnder(folder)) {
            if (!f.equals(ArtifactManifest.FILE_NAME) && !listed.contains(f)) {
                ctx.add(Rule.UNLISTED_FILE, folder + "/" + f, 0, 0, f + " is in the folder of " + folder.substring("registry/".length())
                        + " but not in its files:, so it is not part of the artifact's content; list it and 'reg bump', or move it out");
            }
        }
    }

    private Optional<CheckedArtifact> checkContent(Context.LoadedYaml y, ArtifactManifest m, String folder, String file) {
        boolean filesOk = true;
        for (int i = 0; i < m.files().size(); i++) {
            String f = m.files().get(i);
            String problem = contentFileProblem(folder, f);
            if (problem != null) {
                String at = YamlJson.child("/files", i);
                ctx.add(Rule.BAD_CONTENT_FILE, file, y.json().line(at), y.json().column(at), "files[" + i + "]: '" + f + "' " + problem);
                filesOk = false;
            }
        }
        if (!filesOk) {
            return Optional.empty();
        }
        ContentHashes actual;
        try {
            actual = ctx.snapshot.hash(m);
        } catch (BadInputException e) {
            ctx.add(Rule.BAD_CONTENT_FILE, file, y.json().keyLine("/files"), 0, e.getMessage());
            return Optional.empty();
        }
        checkChecksums(y, m, actual);
        if (m.digest().isEmpty()) {
            ctx.add(Rule.DIGEST_MISMATCH, file, y.json().line("/version"), y.json().column("/version"), "no digest recorded (the content"
                    + " hashes to " + actual.digest() + "); publish the artifact with 'reg add' or 'reg bump' instead of writing it by hand");
        } else if (!m.digest().get().equals(actual.digest())) {
            ctx.add(Rule.DIGEST_MISMATCH, file, y.json().line("/digest"), y.json().column("/digest"), "digest is " + m.digest().get()
                    + " but the content hashes to " + actual.digest() + ": the content changed since it was published; run 'reg bump "
                    + m.id().kind() + " " + m.id().name() + " patch|minor|major -m TEXT'");
        }
        return Optional.of(new CheckedArtifact(m, actual, y, file));
    }

    /** Why a listed content file cannot be hashed, or null when it is a regular file inside the folder. */
    private String contentFileProblem(String folder, String f) {
        String path = folder;
        String[] segs = f.split("/");
        for (int i = 0; i < segs.length; i++) {
            path = path + "/" + segs[i];
            RegistryView.EntryKind k = ctx.snapshot.kind(path);
            if (k == RegistryView.EntryKind.SYMLINK) {
                return "goes through a symbolic link (" + path.substring(folder.length() + 1)
                        + "); content files must be regular files inside the artifact folder";
            }
            if (k == RegistryView.EntryKind.MISSING) {
                return "does not exist; add the file or remove it from files:";
            }
            if (i == segs.length - 1 && k != RegistryView.EntryKind.FILE) {
                return "is not a regular file";
            }
        }
        return null;
    }

    private void checkChecksums(Context.LoadedYaml y, ArtifactManifest m, ContentHashes actual) {
        String fix = "; publish the change with 'reg bump " + m.id().kind() + " " + m.id().name() + " patch|minor|major -m TEXT'";
        for (int i = 0; i < m.files().size(); i++) {
            String f = m.files().get(i);
            Sha256 recorded = m.checksums().get(f);
            Sha256 now = actual.files().get(f);
            if (recorded == null) {
                String at = YamlJson.child("/files", i);
                ctx.add(Rule.CHECKSUM_MISMATCH, y.file(), y.json().line(at), y.json().column(at), "no checksum recorded for " + f
                        + " (it hashes to " + now + ")" + fix);
            } else if (!recorded.equals(now)) {
                String at = YamlJson.child("/checksums", f);
                ctx.add(Rule.CHECKSUM_MISMATCH, y.file(), y.json().keyLine(at), y.json().keyColumn(at), "checksum of " + f + " is "
                        + recorded + " but the file hashes to " + now + ": it changed since it was published" + fix);
            }
        }
        for (String f : m.checksums().keySet()) {
            if (!m.files().contains(f)) {
                String at = YamlJson.child("/checksums", f);
                ctx.add(Rule.CHECKSUM_MISMATCH, y.file(), y.json().keyLine(at), y.json().keyColumn(at), "checksum for " + f
                        + ", which files: does not list; remove it or list the file");
            }
        }
    }
}
