package dev.reg.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schemas of the registry's files (kept under {@code schemas/} in reg's source, shipped
 * in the jar). {@code reg validate} validates with the shipped copies; {@code reg init} copies
 * them to {@code registry/schemas/} so editors can use them offline.
 */
public final class RegistrySchemas {
    /** Where {@code reg init} puts copies in a registry, relative to the repository root. */
    public static final String FOLDER = "registry/schemas";
    public static final String COMMON = "common.schema.json";
    public static final String REGISTRY = "registry.schema.json";
    public static final String GATE = "gate.schema.json";
    public static final String LEDGER = "ledger.schema.json";

    private RegistrySchemas() {
    }

    public static String artifact(Kind kind) {
        return "artifact-" + kind.id() + ".schema.json";
    }

    /** Every schema file, the shared definitions first. */
    public static List<String> names() {
        return List.of(COMMON, REGISTRY, artifact(Kind.PROMPT), artifact(Kind.MODEL), artifact(Kind.DATASET), GATE, LEDGER);
    }

    /** The classpath folder the schemas are in; relative {@code $ref}s between them resolve there. */
    public static final String RESOURCE_FOLDER = "dev/reg/schemas/";

    public static byte[] read(String name) {
        try (InputStream in = RegistrySchemas.class.getResourceAsStream("/" + RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing from the reg jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
