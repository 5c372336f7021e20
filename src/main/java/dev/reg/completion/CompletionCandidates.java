package dev.reg.completion;

import dev.reg.BadInputException;
import dev.reg.doc.AdrDirectory;
import dev.reg.git.GitStore;
import dev.reg.registry.ArtifactId;
import dev.reg.registry.ArtifactNames;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Kind;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryConfig;
import dev.reg.registry.Workflow;
import dev.reg.semver.Version;
import dev.reg.yaml.YamlDocument;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What shell completion offers for a value, read from the repository at the moment the user presses
 * Tab. It runs on every Tab press, so it reads only ref names (packed-refs), directory listings and
 * {@code registry.yaml}: never a tag object, never Git status. It never writes (not even the
 * recovery every other command does first) and offers nothing, rather than failing, outside a
 * registry or when a file is broken.
 */
public final class CompletionCandidates {
    /** What a value is; the names are what {@code reg __complete} takes. */
    public enum Type {
        /** workflow names from registry.yaml */
        WORKFLOWS,
        /** artifact names of one kind, from the work tree (context: the kind) */
        NAMES,
        /** {@code kind/name}, and {@code kind/name@version} once a whole artifact id is typed */
        REFS,
        /** versions of one artifact, from its tag names (context: {@code kind/name}) */
        VERSIONS,
        /** release numbers of one workflow, from its release tag names (context: the workflow) */
        RELEASES,
        /** ADR numbers, from the file names in the ADR folder */
        ADRS;

        public static Optional<Type> parse(String text) {
            for (Type t : values()) {
                if (t.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** One value to offer, with a short description where one is known (shown by zsh and fish). */
    public record Candidate(String value, String description) {
    }

    private final Path dir;

    /** Candidates for the repository containing {@code dir}. */
    public CompletionCandidates(Path dir) {
        this.dir = dir;
    }

    /**
     * The values of {@code type} that start with {@code prefix}; {@code context} is the command's
     * positional values typed so far (the kind for names, the artifact for versions, the workflow
     * for release numbers).
     */
    public List<Candidate> of(Type type, String prefix, List<String> context) {
        try (GitStore git = GitStore.open(dir)) {
            Path root = git.workTree();
            if (!Files.isRegularFile(root.resolve(RegistryConfig.PATH))) {
                return List.of();
            }
            String first = context.isEmpty() ? "" : context.get(0);
            List<Candidate> all = switch (type) {
                case WORKFLOWS -> workflows(root);
                case NAMES -> names(root, first);
                case REFS -> refs(git, root, prefix);
                case VERSIONS -> versions(git, first, "");
                case RELEASES -> releases(git, first);
                case ADRS -> adrs(root);
            };
            return all.stream().filter(c -> c.value().startsWith(prefix)).toList();
        } catch (BadInputException | UncheckedIOException e) {
            return List.of(); // not a registry, or a file completion cannot read: nothing to offer
        }
    }

    private static List<Candidate> workflows(Path root) {
        RegistryConfig config = RegistryConfig.read(YamlDocument.read(root.resolve(RegistryConfig.PATH), RegistryConfig.PATH));
        List<Candidate> out = new ArrayList<>();
        for (Workflow w : config.workflows().values()) {
            out.add(new Candidate(w.name(), w.description()));
        }
        return out;
    }

    private static List<Candidate> names(Path root, String kind) {
        Optional<Kind> k = kind(kind);
        return k.isEmpty() ? List.of() : Registry.artifacts(root, k.get()).stream().map(id -> new Candidate(id.name(), "")).toList();
    }

    /** Every {@code kind/name} in the work tree or in tag names; versions of the artifact the prefix names in full. */
    private static List<Candidate> refs(GitStore git, Path root, String prefix) {
        int at = prefix.indexOf('@');
        if (at >= 0) {
            return versions(git, prefix.substring(0, at), prefix.substring(0, at + 1));
        }
        TreeSet<String> ids = new TreeSet<>();
        for (Kind k : Kind.values()) {
            Registry.artifacts(root, k).forEach(id -> ids.add(id.toString()));
            String tagPrefix = RegistryLayout.TAGS + k.id() + "/";
            for (String ref : git.refs().refNames(tagPrefix)) {
                int end = ref.lastIndexOf('@');
                if (end > tagPrefix.length()) {
                    ids.add(ref.substring(RegistryLayout.TAGS.length(), end));
                }
            }
        }
        List<Candidate> out = new ArrayList<>(ids.stream().map(id -> new Candidate(id, "")).toList());
        if (ids.contains(prefix)) {
            out.addAll(versions(git, prefix, prefix + "@"));
        }
        return out;
    }

    /** The tagged versions of artifact {@code ref}, newest first, each after {@code lead}. */
    private static List<Candidate> versions(GitStore git, String ref, String lead) {
        ArtifactId id;
        try {
            id = ArtifactId.parse(ref);
        } catch (BadInputException e) {
            return List.of();
        }
        List<Version> versions = new ArrayList<>();
        for (String tag : git.refs().refNames(id.tagRefPrefix())) {
            RegistryLayout.parseVersionTag(tag.substring(RegistryLayout.TAGS.length())).map(ArtifactVersion::version).ifPresent(versions::add);
        }
        versions.sort(Comparator.reverseOrder());
        return versions.stream().map(v -> new Candidate(lead + v, "")).toList();
    }

    private static List<Candidate> releases(GitStore git, String workflow) {
        if (!ArtifactNames.isLegal(workflow)) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String ref : git.refs().refNames(RegistryLayout.releaseTagPrefix(workflow))) {
            RegistryLayout.releaseNumber(workflow, ref).ifPresent(numbers::add);
        }
        numbers.sort(Comparator.reverseOrder());
        return numbers.stream().map(n -> new Candidate(n.toString(), "")).toList();
    }

    /** ADR numbers with the title their file name carries ({@code 0003-release-copilot-2.md}: 3, "release copilot 2"). */
    private static List<Candidate> adrs(Path root) {
        List<Candidate> out = new ArrayList<>();
        for (String file : new AdrDirectory(root).fileNames()) {
            String slug = file.substring(file.indexOf('-') + 1, file.length() - ".md".length());
            out.add(new Candidate(Integer.toString(AdrDirectory.number(file)), slug.replace('-', ' ')));
        }
        return out;
    }

    private static Optional<Kind> kind(String text) {
        try {
            return Optional.of(Kind.parse(text));
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }
}
