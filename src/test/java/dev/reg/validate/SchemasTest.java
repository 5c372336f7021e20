package dev.reg.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.reg.registry.ArtifactManifest;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Kind;
import dev.reg.registry.RegistrySchemas;
import dev.reg.registry.Sha256;
import dev.reg.composite.ComponentVersion;
import dev.reg.composite.Composite;
import dev.reg.ledger.Freeze;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.ledger.ReleaseStatus;
import java.util.List;
import java.util.Optional;
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
    void artifactSchemasAllowExactlyTheKeysArtifactManifestReads() throws Exception {
        for (Kind kind : Kind.values()) {
            JsonNode schema = new ObjectMapper().readTree(RegistrySchemas.read(RegistrySchemas.artifact(kind)));
            Set<String> keys = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(keys::add);
            assertEquals(new TreeSet<>(ArtifactManifest.allowedKeys(kind)), keys, kind.toString());
            assertEquals(kind.id(), schema.get("properties").get("kind").get("const").asText());
        }
    }

    @Test
    void ledgerSchemaAcceptsEverythingLedgerRenderWrites(@TempDir Path repo) {
        Fixture x = Fixture.supportCopilot(repo);
        Sha256 d = new Sha256("a".repeat(64));
        var component = new ComponentVersion(ArtifactVersion.parse("prompt/billing_refund@1.0.0"), d);
        LedgerEntry full = new LedgerEntry(1, ReleaseStatus.BAD, "prompt/billing_refund@1.0.0",
                new Composite("support_copilot", List.of(component)).digest(), List.of(component), "2026-11-20T10:00:00Z", "me",
                null, "pass", "adr/0001-record-architecture-decisions.md", "first", null, null, true,
                List.of(new LedgerEvent(ReleaseStatus.BAD, "2026-11-21T10:00:00Z", "oncall", "sev1")));
        LedgerEntry rollback = new LedgerEntry(2, ReleaseStatus.SHIPPED, "prompt/billing_refund@1.0.0",
                new Composite("support_copilot", List.of(component)).digest(), List.of(component), "2026-11-21T11:00:00Z", "oncall",
                null, null, null, "roll back", 1, 1, true, List.of());
        x.write(Ledger.path("support_copilot"), new Ledger("support_copilot",
                Optional.of(new Freeze("2026-11-21T10:00:00Z", "oncall", "incident")), List.of(full, rollback)).render());
        Fixture.Run r = x.validate();
        r.expectNone("REG002");
        r.expectNone("REG003");
        r.expectNone("REG004");
        r.expectNone("REG025");
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
