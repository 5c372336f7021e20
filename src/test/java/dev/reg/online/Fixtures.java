package dev.reg.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.yaml.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed online fixtures (src/test/resources/online, made by fixtures-src/online) and small helpers. */
final class Fixtures {
    private Fixtures() {
    }

    /** expected.json: the figures numpy and scipy computed from the fixture events. */
    static JsonNode expected() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/online/expected.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/online/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** A gate file's YAML as a document named like the real thing. */
    static YamlDocument gateFile(String yaml) {
        return YamlDocument.parse(yaml, "registry/gates/support_copilot.yaml");
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
