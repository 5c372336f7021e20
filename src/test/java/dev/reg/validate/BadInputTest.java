package dev.reg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken input gives findings or a clear exit 2: never a stack trace, never a hang. */
class BadInputTest {
    static final String PROMPT = Fixture.PROMPT;
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Fixture.Run validate(Fixture x, String... args) {
        return assertTimeoutPreemptively(LIMIT, () -> x.validate(args));
    }

    @Test
    void tabsInRegistryYaml() {
        Fixture x = Fixture.supportCopilot(dir).replace("registry/registry.yaml", "    gate:", "\tgate:");
        Fixture.Found f = validate(x).expect("REG001", "registry/registry.yaml", x.lineOf("registry/registry.yaml", "\tgate:"));
        assertTrue(f.message().contains("TAB"), f.message());
    }

    @Test
    void duplicateKeys() {
        Fixture x = Fixture.supportCopilot(dir);
        x.reg.append(PROMPT, "owner: a\nowner: b\n");
        Fixture.Found f = validate(x).expect("REG001", PROMPT, x.lineOf(PROMPT, "owner: b"));
        assertTrue(f.message().contains("duplicate key 'owner'"), f.message());
    }

    @Test
    void aliasBomb() {
        StringBuilder bomb = new StringBuilder("x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append("x-").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        Fixture x = Fixture.supportCopilot(dir);
        x.reg.append(PROMPT, bomb.toString());
        Fixture.Found f = validate(x).expect("REG001", PROMPT, 0);
        assertTrue(f.message().contains("aliases"), f.message());
    }

    @Test
    void aliasesWithinTheLimitThatStillExpandHugely() {
        // 19 aliases, each doubling the one before: within the alias limit, 2^19 copies when expanded
        StringBuilder doc = new StringBuilder("x-a0: &a0 [" + "\"" + "y".repeat(100) + "\"" + "]\n");
        for (int i = 1; i < 20; i++) {
            doc.append("x-a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        Fixture x = Fixture.supportCopilot(dir);
        x.reg.append(PROMPT, doc.toString());
        Fixture.Run r = validate(x);
        assertEquals(1, r.exit());
        assertTrue(r.of("REG001").stream().anyMatch(f -> f.file().equals(PROMPT)), r.describe());
    }

    @Test
    void recursiveAlias() {
        Fixture x = Fixture.supportCopilot(dir);
        x.reg.append(PROMPT, "x-self: &self\n  - *self\n");
        Fixture.Run r = validate(x);
        assertTrue(r.of("REG001").stream().anyMatch(f -> f.file().equals(PROMPT) && f.message().contains("recursive")), r.describe());
    }

    @Test
    void deepNesting() {
        Fixture x = Fixture.supportCopilot(dir);
        x.reg.append(PROMPT, "x-deep: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        Fixture.Found f = validate(x).expect("REG001", PROMPT, 0);
        assertTrue(f.message().contains("Nesting Depth"), f.message());
    }

    @Test
    void fiftyMegabyteYamlFiles() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        sparse(x.root().resolve(PROMPT), 50L << 20);
        sparse(x.root().resolve("registry/gates/support_copilot.yaml"), 50L << 20);
        sparse(x.root().resolve("adr/0002-huge.md"), 50L << 20);
        Fixture.Run r = validate(x);
        assertTrue(r.expect("REG001", PROMPT, 0).message().contains("52428800 bytes"));
        r.expect("REG001", "registry/gates/support_copilot.yaml", 0);
        r.expect("REG021", "adr/0002-huge.md", 0);
    }

    @Test
    void fiftyMegabyteContentFileIsHashedAndPasses() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        Path big = dir.resolve("big.jsonl");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(50L << 20);
            f.seek(0);
            f.write("{\"id\": \"A\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        x.reg.regOk("add", "dataset", "big", big.toString());
        validate(x).expectClean();
    }

    private static void sparse(Path p, long size) throws Exception {
        Files.createDirectories(p.getParent());
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    @Test
    void nonUtf8Bytes() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        byte[] yaml = Files.readAllBytes(x.root().resolve(PROMPT));
        byte[] bad = new byte[yaml.length + 22];
        System.arraycopy(yaml, 0, bad, 0, yaml.length);
        byte[] tail = "owner: caf\u00e9 ok\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, bad, yaml.length, tail.length);
        Files.write(x.root().resolve(PROMPT), java.util.Arrays.copyOf(bad, yaml.length + tail.length));
        long lines = new String(yaml, StandardCharsets.UTF_8).lines().count();
        Fixture.Found f = validate(x).expect("REG001", PROMPT, (int) lines + 1);
        assertTrue(f.message().contains("UTF-8"), f.message());
    }

    @Test
    void emptyAndNonMappingManifests() {
        Fixture x = Fixture.supportCopilot(dir).write(PROMPT, "").write("registry/datasets/golden/artifact.yaml", "- a\n- b\n");
        Fixture.Run r = validate(x);
        r.expect("REG003", PROMPT, 1);
        r.expect("REG003", "registry/datasets/golden/artifact.yaml", 1);
    }

    @Test
    void symlinksOutOfTheRepository() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("secret.md"), "not yours\n");
        // a content file
        Path template = x.root().resolve(Fixture.TEMPLATE);
        Files.delete(template);
        Files.createSymbolicLink(template, outside.resolve("secret.md"));
        // a whole artifact folder
        Files.createSymbolicLink(x.root().resolve("registry/prompts/linked"), outside);
        // an ADR
        Files.createSymbolicLink(x.root().resolve("adr/0002-linked.md"), outside.resolve("secret.md"));
        Fixture.Run r = validate(x);
        Fixture.Found content = r.expect("REG010", PROMPT, x.lineOf(PROMPT, "- template.md"));
        assertTrue(content.message().contains("symbolic link"), content.message());
        r.expect("REG011", "registry/prompts/linked", 0);
        r.expect("REG011", "adr/0002-linked.md", 0);
        assertFalse(r.findings().stream().anyMatch(f -> f.message().contains("not yours")));
    }

    @Test
    void symlinkedRegistryYaml() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        Path outside = Files.createTempFile("registry", ".yaml");
        Files.writeString(outside, "registry: 1\nworkflows: {}\n");
        Path config = x.root().resolve("registry/registry.yaml");
        Files.delete(config);
        Files.createSymbolicLink(config, outside);
        validate(x).expect("REG011", "registry/registry.yaml", 0);
    }

    @Test
    void stagedBadBytesAreFindingsToo() throws Exception {
        Fixture x = Fixture.supportCopilot(dir);
        Files.write(x.root().resolve(PROMPT), new byte[] {'i', 'd', ':', ' ', (byte) 0xff, '\n'});
        x.git("add", PROMPT);
        validate(x, "--staged").expect("REG001", PROMPT, 1);
    }

    @Test
    void unknownBaseIsACleanExit2() {
        Fixture.supportCopilot(dir);
        RegCli.Result r = RegCli.run(dir, "validate", "--base", "no-such-branch");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no commit 'no-such-branch'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void notARegistryIsACleanExit2() {
        RegCli.Result r = RegCli.run(dir, "validate");
        assertEquals(2, r.exit());
        assertFalse(r.err().contains("Exception"), r.err());
        RegCli.Result v = RegCli.run(dir, "verify");
        assertEquals(2, v.exit());
    }

    @Test
    void unknownFormatIsACleanExit2() {
        Fixture.supportCopilot(dir);
        RegCli.Result r = RegCli.run(dir, "validate", "--format", "xml");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("xml"), r.err());
    }
}
