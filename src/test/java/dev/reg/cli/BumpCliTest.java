package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reg bump} as a user types it. */
class BumpCliTest {
    @TempDir
    Path dir;

    @Test
    void preTakesDottedAndNumericIdentifiersAsNpm() {
        TestRegistry r = TestRegistry.init(dir);
        r.artifact("prompt", "triage").file("template.md", "Triage {{ticket}}.\n").add("--version", "3.0.0-alpha.beta.5.4");
        RegCli.Result res = r.regOk("bump", "prompt", "triage", "prerelease", "--pre", "alpha.beta", "--allow-unchanged", "-m", "next beta");
        assertTrue(res.out().startsWith("prompt/triage@3.0.0-alpha.beta.5.5 (was 3.0.0-alpha.beta.5.4)"), res.out());
        res = r.regOk("bump", "prompt", "triage", "prepatch", "--pre", "1", "--allow-unchanged", "-m", "numeric line");
        assertTrue(res.out().startsWith("prompt/triage@3.0.1-1.0 "), res.out());
    }

    @Test
    void aBadPreIsCalledAPrereleaseIdentifier() {
        TestRegistry r = TestRegistry.init(dir);
        r.artifact("prompt", "triage").file("template.md", "Triage {{ticket}}.\n").add("--version", "1.0.0");
        var before = r.snapshot();
        RegCli.Result res = r.reg("bump", "prompt", "triage", "prerelease", "--pre", "al_pha", "--allow-unchanged", "-m", "x");
        assertEquals(2, res.exit(), res.all());
        assertEquals("reg: --pre: invalid pre-release identifier \"al_pha\": '_' is not allowed at 2\n", res.err());
        assertFalse(res.err().contains("versions only go up"));
        r.assertUnchangedSince(before);
    }
}
