package dev.reg.testing;

import dev.reg.registry.InitService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The standard registries tests start from, written with {@link RegistryBuilder} (no reg command
 * runs; the scaffold's files are read once per JVM from what reg's init service writes) and copied from
 * one built per JVM: a copy of a small repository is a few file copies, where
 * {@code reg init} and three {@code reg add}s are five published changes with their fsyncs.
 *
 * <p>Their content is byte for byte what the CLI makes ({@code RegistryFixturesTest} compares the
 * two: same trees, tag names, tag and commit messages); only commit times and object ids differ.
 */
public final class RegistryFixtures {
    /** The files {@code reg init} scaffolds, by path, as it writes them (see {@link #scaffoldFiles}). */
    private static Map<String, byte[]> scaffold;

    /** support_copilot's registry.yaml and its artifacts' one file each. */
    static final String SUPPORT_COPILOT_YAML = """
            registry: 1
            workflows:
              support_copilot:
                components: [model/cust-copilot, prompt/billing_refund, dataset/golden]
                gate: gates/support_copilot.yaml
            """;
    static final String MODEL_JSON = "{\"provider\": \"openai\", \"model_id\": \"gpt-4.1-mini\"}\n";
    static final String PROMPT_TEMPLATE = "Answer refund questions from {{policy_snippets}}.\n";
    static final String GOLDEN_CASES = "{\"id\": \"FAQ-001\", \"input\": \"Reset password\"}\n";

    /** Repositories built once in this JVM, by name, to copy from. */
    private static final Map<String, Path> TEMPLATES = new HashMap<>();

    private RegistryFixtures() {
    }

    /** What {@code reg init} makes in an empty {@code dir}: the scaffold, committed. */
    public static TestRegistry init(Path dir) {
        return copyOf("init", dir, t -> {
            try (RegistryBuilder b = RegistryBuilder.init(t)) {
                scaffold(b);
                b.checkout();
            }
        });
    }

    /**
     * What {@link TestRegistry#supportCopilotWithCli} makes in an empty {@code dir}: workflow
     * {@code support_copilot} of a model, a prompt and a dataset, each added at 1.0.0.
     */
    public static TestRegistry supportCopilot(Path dir) {
        return copyOf("support_copilot", dir, RegistryFixtures::buildSupportCopilot);
    }

    /**
     * A copy in the empty (or missing) {@code dir} of the repository {@code build} made, the first time {@code name}
     * was asked for in this JVM, in a folder of its own: for fixtures that take several commands to build and that
     * many tests start from. {@code build} must make the same repository whenever it runs (fixed clock, no randomness).
     */
    public static TestRegistry copyOf(String name, Path dir, Consumer<Path> build) {
        requireEmpty(dir);
        copyTree(template(name, build), dir);
        return TestRegistry.open(dir);
    }

    private static Path template(String name, Consumer<Path> build) {
        synchronized (TEMPLATES) {
            Path t = TEMPLATES.get(name);
            if (t == null) {
                t = tempDir("reg-fixture-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
                build.accept(t);
                TEMPLATES.put(name, t);
            }
            return t;
        }
    }

    /** Builds support_copilot in {@code dir} without the per-JVM copy (for the comparison with the CLI's). */
    static TestRegistry buildSupportCopilot(Path dir) {
        requireEmpty(dir);
        try (RegistryBuilder b = RegistryBuilder.init(dir)) {
            buildSupportCopilot(b);
            return b.checkout();
        }
    }

    private static void buildSupportCopilot(RegistryBuilder b) {
        scaffold(b);
        b.file("registry/registry.yaml", SUPPORT_COPILOT_YAML).commit("workflow support_copilot\n");
        added(b, "model/cust-copilot", "model.json", MODEL_JSON, "",
                "10b875a137c9d7254ae9a2aa41ef1b94578b7b5f431111937117bc0885475a6c",
                "37b2dd8765058b8f7faa2866ae0fc122282912d7e1a2fefc0e0b5b1ee5015dba");
        added(b, "prompt/billing_refund", "template.md", PROMPT_TEMPLATE, "",
                "fa31446dcca9975db34996d1c09eb8c8eec770ff0127dc0bf9be0c0993c2d4ef",
                "bf5b3e30f4da3002add39acd8903cfd69365261f2e7991ba50bc61be460803fd");
        added(b, "dataset/golden", "cases.jsonl", GOLDEN_CASES, "label: golden_2025_09\n",
                "b297650d5d0889348f52daeae13fe5bbddc2462af31591c34ec251d92dedd260",
                "adf37a2c43454a9ca0335d011e0058914949cbe588e8902cda7e4ab8edb16fcd");
    }

    /** The first commit of {@code reg init}: the scaffold with its date and actor filled in, and the schemas. */
    private static void scaffold(RegistryBuilder b) {
        scaffoldFiles().forEach(b::file);
        b.commit("reg init: scaffold registry/, adr/ and templates/\n");
    }

    /**
     * What {@code reg init}'s service writes into an empty repository on {@link RegCli#CLOCK}'s date, read back once
     * per JVM from a scratch one: the scaffold's list and templates stay reg's own, never copied here.
     */
    private static synchronized Map<String, byte[]> scaffoldFiles() {
        if (scaffold == null) {
            TestEnv.home();
            Path scratch = tempDir("reg-init-scaffold");
            Map<String, byte[]> files = new TreeMap<>();
            try {
                for (String f : new InitService(RegCli.CLOCK).init(scratch).created()) {
                    files.put(f, Files.readAllBytes(scratch.resolve(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            scaffold = files;
        }
        return scaffold;
    }

    /**
     * {@code reg add kind/name file} of one file at 1.0.0, as the CLI records it on {@link RegCli#CLOCK}'s
     * date: the file, its artifact.yaml with checksum and digest, the commit with its trailers and the
     * annotated version tag.
     */
    private static void added(RegistryBuilder b, String id, String file, String content, String fields, String checksum,
            String digest) {
        String kind = id.substring(0, id.indexOf('/'));
        String name = id.substring(id.indexOf('/') + 1);
        String folder = "registry/" + kind + "s/" + name + "/";
        b.file(folder + file, content);
        b.file(folder + "artifact.yaml", "id: " + name + "\nkind: " + kind + "\nversion: 1.0.0\n" + fields
                + "files:\n  - " + file + "\nchecksums:\n  " + file + ": sha256:" + checksum + "\ndigest: sha256:" + digest
                + "\nchangelog:\n  - version: 1.0.0\n    date: " + LocalDate.now(RegCli.CLOCK) + "\n    summary: first version\n");
        b.tag(id + "@1.0.0", "first version\n\nReg-Digest: sha256:" + digest + "\n");
        b.commit(id + "@1.0.0: first version\n\nReg-Artifact: " + id + "\nReg-Version: 1.0.0\nReg-Digest: sha256:" + digest + "\n");
    }

    /** A fixture is a whole repository: copying it over files already there would mix two. */
    private static void requireEmpty(Path dir) {
        if (Files.exists(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is not empty; a fixture registry goes into an empty folder");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies {@code from} into {@code to} (created if missing), file times kept so the copied index stays clean. */
    public static void copyTree(Path from, Path to) {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
