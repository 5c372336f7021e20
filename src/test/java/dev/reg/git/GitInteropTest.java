package dev.reg.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.TestEnv;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C git reads what reg writes (refs, annotated tags, trailers, packed refs), and reg reads what C git writes. */
class GitInteropTest {
    @TempDir
    Path dir;

    @Test
    void cGitReadsRegsCommitsAndTags() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        r.append("registry/prompts/billing_refund/template.md", "Cite the policy.\n");
        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite policy");

        assertEquals("prompt/billing_refund@1.0.0 tag\nprompt/billing_refund@1.1.0 tag\n",
                r.git("for-each-ref", "--format=%(refname:short) %(objecttype)", "refs/tags/prompt/billing_refund@*"));
        String head = r.git("rev-parse", "HEAD").trim();
        String tag = r.git("cat-file", "-p", "prompt/billing_refund@1.1.0");
        assertTrue(tag.startsWith("object " + head + "\ntype commit\ntag prompt/billing_refund@1.1.0\ntagger "
                + TestEnv.USER_NAME + " <" + TestEnv.USER_EMAIL + "> "), tag);
        String digest = r.read("registry/prompts/billing_refund/artifact.yaml").lines()
                .filter(l -> l.startsWith("digest: ")).findFirst().orElseThrow().substring("digest: ".length());
        assertTrue(tag.endsWith("\ncite policy\n\nReg-Digest: " + digest + "\n"), tag);
        assertEquals(digest + "\n\n", r.git("for-each-ref", "--format=%(contents:trailers:key=Reg-Digest,valueonly)",
                "refs/tags/prompt/billing_refund@1.1.0"));
        assertEquals("prompt/billing_refund@1.1.0\n", r.git("describe", "--tags", "--match", "prompt/billing_refund@*"));

        GitCli.Result fsck = GitCli.run(r.root(), "fsck", "--strict", "--no-dangling");
        assertEquals(0, fsck.exit(), fsck.err());
        assertEquals("", fsck.out());
        assertTrue(r.read(".git/packed-refs").contains("refs/tags/prompt/billing_refund@1.1.0\n^" + head), "tags are packed and peeled");
        assertEquals("", r.git("status", "--porcelain"));
        assertEquals(head + "\n", r.git("rev-parse", "prompt/billing_refund@1.1.0^{commit}"));
    }

    @Test
    void regReadsWhatCGitWrites() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        // a colleague's tag made with C git, loose (not packed), is seen by name
        r.git("tag", "-a", "-m", "hand-made\n\nReg-Digest: sha256:" + "0".repeat(64), "prompt/billing_refund@1.0.1-rc.0");
        String versions = r.regOk("show", "prompt/billing_refund", "--json").out();
        assertTrue(versions.contains("\"1.0.0\", \"1.0.1-rc.0\""), versions);
        r.git("gc", "-q");
        assertTrue(r.regOk("log", "prompt/billing_refund").out().contains("hand-made"));
    }
}
