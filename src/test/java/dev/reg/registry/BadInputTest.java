package dev.reg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal: the exit code, a message naming the file, line or field, no stack trace, nothing written. */
class BadInputTest {
    private static final String PROMPT = "registry/prompts/billing_refund/artifact.yaml";

    @TempDir
    Path dir;

    TestRegistry r;

    @BeforeEach
    void registry() {
        r = TestRegistry.supportCopilot(dir);
    }

    private RegCli.Result refused(int exit, String... args) {
        Map<String, String> before = r.snapshot();
        RegCli.Result res = r.reg(args);
        assertEquals(exit, res.exit(), res.all());
        assertFalse(res.err().contains("\tat "), "no stack trace: " + res.err());
        assertTrue(res.err().startsWith("reg: "), res.err());
        r.assertUnchangedSince(before);
        return res;
    }

    private void editManifest(String from, String to) {
        String yaml = r.read(PROMPT);
        assertTrue(yaml.contains(from), yaml);
        r.write(PROMPT, yaml.replace(from, to));
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        r.append(PROMPT, "owner: [unclosed\n");
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "patch");
        assertTrue(res.err().matches("(?s)reg: " + PROMPT + ":\\d+: invalid YAML.*"), res.err());
    }

    @Test
    void tabIndentationIsRejectedWithItsLine() {
        r.append(PROMPT, "policies:\n\trequires_citations: true\n");
        RegCli.Result res = refused(2, "show", "prompt/billing_refund");
        assertTrue(res.err().contains(PROMPT + ":"), res.err());
    }

    @Test
    void duplicateKeyIsRejected() {
        r.append(PROMPT, "owner: a\nowner: b\n");
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "patch");
        assertTrue(res.err().contains("duplicate key 'owner'"), res.err());
        assertTrue(res.err().contains(PROMPT + ":"), res.err());
    }

    @Test
    void aliasBombIsRejectedQuickly() {
        StringBuilder bomb = new StringBuilder("x-lol:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append("  ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        r.append(PROMPT, bomb.toString());
        long start = System.nanoTime();
        RegCli.Result res = refused(2, "show", "prompt/billing_refund");
        assertTrue((System.nanoTime() - start) / 1e9 < 20, "no hang");
        assertTrue(res.err().contains("aliases"), res.err());
    }

    @Test
    void applicationTagsAreRefused() {
        String original = r.read(PROMPT);
        r.append(PROMPT, "x-run: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
        RegCli.Result global = refused(2, "show", "prompt/billing_refund");
        assertTrue(global.err().contains(PROMPT + ":13: invalid YAML at column 8: Global tag is not allowed"), global.err());
        r.write(PROMPT, original + "owner: !shell rm -rf /\n");
        RegCli.Result local = refused(2, "show", "prompt/billing_refund");
        assertTrue(local.err().contains(PROMPT + ":13: the YAML tag '!shell' is not allowed"), local.err());
    }

    @Test
    void unquotedNumericVersionIsNotSilentlyANumber() {
        editManifest("version: 1.0.0", "version: 1.10");
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "patch");
        assertTrue(res.err().contains(PROMPT + ":3: version: expected a string, but YAML reads 1.10 as a number; quote it"), res.err());
    }

    @Test
    void invalidSemverInManifestNamesTheRule() {
        editManifest("version: 1.0.0", "version: \"1.0.01\"");
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "patch");
        assertTrue(res.err().contains(PROMPT + ":3: version: invalid version \"1.0.01\": leading zero in patch version at 4"), res.err());
    }

    @Test
    void unknownKeyIsNamed() {
        r.append(PROMPT, "ownr: typo\n");
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "patch");
        assertTrue(res.err().contains("unknown key 'ownr'"), res.err());
    }

    @Test
    void wrongTypeIsNamed() {
        r.append(PROMPT, "description: [a, list]\n");
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "patch");
        assertTrue(res.err().contains("description: expected a string, found a list"), res.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Billing", "../escape", "a/b", "with space", "_under", ".dot", "x..y", "tab\tname", "name.lock", ""})
    void illegalNamesAreRejectedBeforeAnyFileIsTouched(String name) {
        RegCli.Result res = refused(2, "add", "prompt", name);
        assertTrue(res.err().contains("illegal prompt name"), res.err());
    }

    @Test
    void unknownKindIsRejected() {
        RegCli.Result res = refused(2, "add", "agent", "x");
        assertTrue(res.err().contains("unknown kind 'agent': expected prompt, model or dataset"), res.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../registry.yaml", "/etc/passwd", "sub/../../x", "./template.md", "a\\\\b"})
    void contentPathsCannotEscapeTheFolder(String path) {
        editManifest("  - template.md", "  - \"" + path + "\"");
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "patch");
        assertTrue(res.err().contains(PROMPT + ":") && res.err().contains("files:"), res.err());
    }

    @Test
    void symlinkPointingOutIsRefused() throws Exception {
        Path outside = Files.writeString(dir.resolveSibling(dir.getFileName() + "-secret.txt"), "secret\n");
        Files.delete(r.path("registry/prompts/billing_refund/template.md"));
        Files.createSymbolicLink(r.path("registry/prompts/billing_refund/template.md"), outside);
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "patch");
        assertTrue(res.err().contains("symbolic link"), res.err());
    }

    @Test
    void bumpThatWouldNotGoUpIsRefused() {
        r.append("registry/prompts/billing_refund/template.md", "v2\n");
        r.regOk("bump", "prompt", "billing_refund", "prerelease", "--pre", "beta", "-m", "beta");
        r.append("registry/prompts/billing_refund/template.md", "v3\n");
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "prerelease", "--pre", "alpha");
        assertTrue(res.err().contains("1.0.1-alpha.0, which is not greater than 1.0.1-beta.0"), res.err());
    }

    @Test
    void bumpWithoutContentChangeIsRefusedUnlessAllowed() {
        RegCli.Result res = refused(2, "bump", "prompt", "billing_refund", "patch");
        assertTrue(res.err().contains("unchanged since 1.0.0"), res.err());
        assertTrue(res.err().contains("--allow-unchanged"), res.err());
        r.regOk("bump", "prompt", "billing_refund", "patch", "--allow-unchanged", "-m", "re-release");
        assertEquals("prompt/billing_refund@1.0.1\n", r.git("tag", "-l", "prompt/billing_refund@1.0.1"));
    }

    @Test
    void unknownBumpTypeAndMissingArtifactAreUsageErrors() {
        assertTrue(refused(2, "bump", "prompt", "billing_refund", "huge").err().contains("unknown bump type 'huge'"));
        assertTrue(refused(2, "bump", "prompt", "nope", "patch").err().contains("no artifact prompt/nope"));
        assertTrue(refused(2, "show", "prompt/billing_refund@9.9.9").err().contains("no version prompt/billing_refund@9.9.9"));
        assertTrue(refused(2, "frobnicate").err().contains("Unmatched argument"));
    }

    @Test
    void nonUtf8BytesAreNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(r.path(PROMPT));
        byte[] bad = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = 'x';
        bad[bytes.length + 1] = (byte) 0xC3;
        bad[bytes.length + 2] = (byte) 0x28;
        Files.write(r.path(PROMPT), bad);
        RegCli.Result res = refused(2, "show", "prompt/billing_refund");
        assertTrue(res.err().contains("not valid UTF-8"), res.err());
    }

    @Test
    void oversizedYamlIsRefusedWithoutReadingIt() throws Exception {
        try (var ch = java.nio.channels.FileChannel.open(r.path(PROMPT), java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), 50L * 1024 * 1024);
        }
        RegCli.Result res = refused(2, "show", "prompt/billing_refund");
        assertTrue(res.err().contains("limited to"), res.err());
    }

    @Test
    void notARegistry() throws Exception {
        Path empty = Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-plain"));
        RegCli.Result res = RegCli.run(empty, "show");
        assertEquals(2, res.exit());
        assertTrue(res.err().contains("not in a Git repository") || res.err().contains("no registry"), res.err());
    }
}
