package dev.reg.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A real registry in a temporary Git repository, with builders for the fixtures tests need. */
public final class TestRegistry {
    private final Path root;

    private TestRegistry(Path root) {
        this.root = root;
    }

    /**
     * A registry in the empty (or missing) {@code dir} exactly as {@code reg init} scaffolds it, copied from one
     * {@link RegistryFixtures} built in this JVM; tests about {@code reg init} itself run {@link #initWithCli}.
     */
    public static TestRegistry init(Path dir) {
        return RegistryFixtures.init(dir);
    }

    /** {@code reg init} in {@code dir}, run through the CLI. */
    public static TestRegistry initWithCli(Path dir) {
        RegCli.ok(dir, "init");
        return new TestRegistry(dir);
    }

    /** An existing registry (e.g. a linked worktree of one). */
    public static TestRegistry open(Path dir) {
        return new TestRegistry(dir);
    }

    /**
     * A registry with a workflow {@code support_copilot} of a model, a prompt and a dataset, each at 1.0.0, in the
     * empty (or missing) {@code dir}: byte for byte what {@link #supportCopilotWithCli} makes, copied from one
     * {@link RegistryFixtures} wrote directly with JGit.
     */
    public static TestRegistry supportCopilot(Path dir) {
        return RegistryFixtures.supportCopilot(dir);
    }

    /** {@link #supportCopilot} built the way a user would: {@code reg init}, a commit of registry.yaml and three {@code reg add}s. */
    public static TestRegistry supportCopilotWithCli(Path dir) {
        TestRegistry r = initWithCli(dir);
        r.write("registry/registry.yaml", RegistryFixtures.SUPPORT_COPILOT_YAML);
        r.commitAll("workflow support_copilot");
        r.artifact("model", "cust-copilot").file("model.json", RegistryFixtures.MODEL_JSON).add("--version", "1.0.0");
        r.artifact("prompt", "billing_refund").file("template.md", RegistryFixtures.PROMPT_TEMPLATE).add("--version", "1.0.0");
        r.artifact("dataset", "golden").file("cases.jsonl", RegistryFixtures.GOLDEN_CASES)
                .add("--version", "1.0.0", "--label", "golden_2025_09");
        return r;
    }

    public Path root() {
        return root;
    }

    public Path path(String rel) {
        return root.resolve(rel);
    }

    public TestRegistry write(String rel, String content) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRegistry append(String rel, String content) {
        try {
            Files.writeString(root.resolve(rel), read(rel) + content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String rel) {
        try {
            return Files.readString(root.resolve(rel), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRegistry commitAll(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return this;
    }

    public RegCli.Result reg(String... args) {
        return RegCli.run(root, args);
    }

    public RegCli.Result regOk(String... args) {
        return RegCli.ok(root, args);
    }

    public String git(String... args) {
        return GitCli.ok(root, args);
    }

    public ArtifactBuilder artifact(String kind, String name) {
        return new ArtifactBuilder(kind, name);
    }

    /** Builds the content files of a new artifact in a scratch folder, then registers it with {@code reg add}. */
    public final class ArtifactBuilder {
        private final String kind;
        private final String name;
        private final Map<String, String> files = new TreeMap<>();

        ArtifactBuilder(String kind, String name) {
            this.kind = kind;
            this.name = name;
        }

        public ArtifactBuilder file(String fileName, String content) {
            files.put(fileName, content);
            return this;
        }

        public RegCli.Result add(String... options) {
            List<String> args = new ArrayList<>(List.of("add", kind, name));
            String folder = "registry/" + kind + "s/" + name + "/";
            for (Map.Entry<String, String> f : files.entrySet()) {
                write(folder + f.getKey(), f.getValue());
                args.add(folder + f.getKey());
            }
            args.addAll(List.of(options));
            return regOk(args.toArray(String[]::new));
        }
    }

    /**
     * Everything a user could see change: every work-tree file's bytes, every ref, HEAD, the index
     * and git status. Two equal snapshots mean the repository is exactly as it was.
     */
    public Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith(".git/") || rel.equals(".git")) {
                    continue;
                }
                out.put("file " + rel, sha(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put("refs", git("for-each-ref", "--format=%(refname) %(objectname)"));
        out.put("HEAD", GitCli.run(root, "rev-parse", "HEAD").out());
        out.put("index", git("ls-files", "-s"));
        out.put("status", git("status", "--porcelain=v1", "--untracked-files=all"));
        return out;
    }

    /** No change of reg's is in flight or left behind: .git/reg holds no journal, lock marker or temporary file. */
    public void assertNoChangeInFlight() {
        Path reg = root.resolve(".git/reg");
        if (!Files.exists(reg)) {
            return;
        }
        try (var s = Files.walk(reg)) {
            assertEquals(List.of(), s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList(),
                    "files of a reg change left in .git/reg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void assertUnchangedSince(Map<String, String> before) {
        assertEquals(before, snapshot(), "the repository changed");
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
