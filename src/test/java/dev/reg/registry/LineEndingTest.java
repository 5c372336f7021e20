package dev.reg.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Git converting line endings on the way in (core.autocrlf, or eol=crlf in .gitattributes), a
 * version's checksums describe the bytes Git stores: the tag verifies, and a fresh clone made by C git
 * agrees with it through verify, validate and bump, whatever line endings its work tree has.
 */
class LineEndingTest {
    private static final String TEMPLATE = "registry/prompts/billing_refund/template.md";
    private static final String CRLF_TEXT = "Answer refund questions from {{policy_snippets}}.\r\nAlways cite the policy.\r\n";
    private static final String LF_TEXT = CRLF_TEXT.replace("\r\n", "\n");

    @TempDir
    Path dir;

    @TempDir
    Path clones;

    @Test
    void autocrlfTrueBumpsWhatGitStores() throws Exception {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.git("config", "core.autocrlf", "true");
        r.write(TEMPLATE, CRLF_TEXT);
        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite policy");
        assertPublishedAsStored(r, "prompt/billing_refund@1.1.0");

        // a clone without autocrlf has LF files; one with it has CRLF files: both agree with the tag
        assertCloneAgrees(r, "lf", "core.autocrlf=false", LF_TEXT);
        assertCloneAgrees(r, "crlf", "core.autocrlf=true", CRLF_TEXT);
    }

    @Test
    void eolCrlfAttributeBumpsWhatGitStores() throws Exception {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.write(".gitattributes", "*.md text eol=crlf\n");
        r.commitAll("check Markdown out with CRLF");
        r.write(TEMPLATE, CRLF_TEXT);
        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite policy");
        assertPublishedAsStored(r, "prompt/billing_refund@1.1.0");
        assertCloneAgrees(r, "attr", "core.autocrlf=false", CRLF_TEXT);
    }

    /** The tag verifies and its recorded checksum is the sha256 of the blob Git stores (LF). */
    private static void assertPublishedAsStored(TestRegistry r, String tag) throws Exception {
        assertEquals(LF_TEXT, r.git("show", tag + ":" + TEMPLATE));
        String yaml = r.git("show", tag + ":registry/prompts/billing_refund/artifact.yaml");
        assertTrue(yaml.contains("template.md: sha256:" + sha256(LF_TEXT)), yaml);
        RegCli.Result verify = r.reg("verify");
        assertEquals(0, verify.exit(), verify.all());
        RegCli.Result validate = r.reg("validate");
        assertEquals(0, validate.exit(), validate.all());
    }

    private void assertCloneAgrees(TestRegistry origin, String name, String config, String expectedWorkTree) throws Exception {
        GitCli.ok(clones, "clone", "-q", "-c", config, origin.root().toString(), name);
        TestRegistry c = TestRegistry.open(clones.resolve(name));
        assertEquals(expectedWorkTree, c.read(TEMPLATE), "the clone's work tree has the line endings Git gives it");
        RegCli.Result verify = c.reg("verify");
        assertEquals(0, verify.exit(), verify.all());
        RegCli.Result validate = c.reg("validate", "--base", "HEAD~1");
        assertEquals(0, validate.exit(), validate.all());
        RegCli.Result bump = c.reg("bump", "prompt", "billing_refund", "patch");
        assertEquals(2, bump.exit(), bump.all());
        assertTrue(bump.err().contains("is unchanged since 1.1.0"), bump.err());
        assertEquals("", c.git("status", "--porcelain"));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
