package dev.reg.registry;

import dev.reg.git.CommitRequest;
import dev.reg.git.GitStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code reg init}: scaffolds registry/, adr/ (with {@code .adr-dir}) and templates/ in a Git
 * repository, creating the repository if there is none. Files that exist are never overwritten, so
 * running it again only adds what is missing.
 */
public final class InitService {
    /** Scaffold files, from the classpath folder {@code dev/reg/scaffold/}. */
    private static final List<String> FILES = List.of(
            "registry/registry.yaml",
            ".adr-dir",
            "adr/0001-record-architecture-decisions.md",
            "templates/adr.md",
            "templates/memo.md",
            "templates/incident.md",
            "templates/promote.md");

    private final Clock clock;

    public InitService(Clock clock) {
        this.clock = clock;
    }

    public record InitResult(Path root, List<String> created, String commit) {
    }

    public InitResult init(Path dir) {
        try (GitStore git = GitStore.openOrInit(dir)) {
            git.publisher().recoverInterrupted();
            Map<String, byte[]> writes = new LinkedHashMap<>();
            for (String f : FILES) {
                if (!Files.exists(git.workTree().resolve(f))) {
                    writes.put(f, render(f, git.actor()));
                }
            }
            for (String schema : RegistrySchemas.names()) {
                String f = RegistrySchemas.FOLDER + "/" + schema;
                if (!Files.exists(git.workTree().resolve(f))) {
                    writes.put(f, RegistrySchemas.read(schema));
                }
            }
            if (Files.exists(git.workTree().resolve("adr")) && hasAdrs(git.workTree().resolve("adr"))) {
                writes.remove("adr/0001-record-architecture-decisions.md");
            }
            if (writes.isEmpty()) {
                return new InitResult(git.workTree(), List.of(), null);
            }
            var result = git.publisher().publish(new CommitRequest(git.refs().head().orElse(null), List.of(), writes, List.of(),
                    "reg init: scaffold registry/, adr/ and templates/\n", List.of()));
            return new InitResult(git.workTree(), new ArrayList<>(writes.keySet()), result.commit().name());
        }
    }

    private static boolean hasAdrs(Path adr) {
        try (var s = Files.list(adr)) {
            return s.anyMatch(p -> p.getFileName().toString().matches("\\d{4}-.*\\.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] render(String file, String actor) {
        String resource = "/dev/reg/scaffold/" + file.replace(".adr-dir", "adr-dir");
        try (InputStream in = InitService.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing scaffold resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@DATE@", LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString())
                    .replace("@ACTOR@", actor.replaceAll(" <.*>$", ""));
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
