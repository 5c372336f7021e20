package dev.reg.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.reg.registry.RegistrySchemas;
import dev.reg.testing.RegCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON Schemas under schemas/: valid schemas, shipped in the jar, copied by reg init for editors. */
class SchemasTest {
    @TempDir
    Path dir;

    @Test
    void everySchemaUnderSchemasIsAValidDraft7SchemaAndShipped() throws Exception {
        Set<String> onDisk = new TreeSet<>();
        try (var s = Files.list(Path.of("schemas"))) {
            s.forEach(p -> onDisk.add(p.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(RegistrySchemas.names()), onDisk, "schemas/ and RegistrySchemas.names() agree");
        var meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft-07/schema"));
        for (String name : onDisk) {
            byte[] bytes = Files.readAllBytes(Path.of("schemas", name));
            assertArrayEquals(bytes, RegistrySchemas.read(name), name + " in the jar is the file in schemas/");
            JsonNode schema = new ObjectMapper().readTree(bytes);
            assertEquals("http://json-schema.org/draft-07/schema#", schema.get("$schema").asText(), name);
            var errors = meta.validate(schema);
            assertTrue(errors.isEmpty(), name + ": " + errors);
        }
    }

    @Test
    void initCopiesTheSchemasAndWritesTheYamlLanguageServerLine() throws Exception {
        RegCli.ok(dir, "init");
        for (String name : RegistrySchemas.names()) {
            assertArrayEquals(RegistrySchemas.read(name), Files.readAllBytes(dir.resolve(RegistrySchemas.FOLDER).resolve(name)), name);
        }
        String config = Files.readString(dir.resolve("registry/registry.yaml"));
        String first = config.lines().findFirst().orElseThrow();
        assertEquals("# yaml-language-server: $schema=schemas/registry.schema.json", first);
        String target = first.substring(first.indexOf('=') + 1);
        assertTrue(Files.isRegularFile(dir.resolve("registry").resolve(target)), "the line points at the copied schema");
        RegCli.Result r = RegCli.run(dir, "validate");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("no findings"), r.out());
    }
}
