package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reg does when its standard output goes away or fills up, in a real process. */
class StandardOutputTest {
    @TempDir
    Path dir;

    /** A prompt whose two versions differ in every one of 40,000 lines: 'reg diff' prints a few MB. */
    private TestRegistry longDiff() {
        TestRegistry r = TestRegistry.supportCopilot(dir);
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            a.append("line ").append(i).append(" of the first version of the refund prompt\n");
            b.append("line ").append(i).append(" of the second version of the refund prompt\n");
        }
        r.write("registry/prompts/billing_refund/template.md", a.toString());
        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "long");
        r.write("registry/prompts/billing_refund/template.md", b.toString());
        r.regOk("bump", "prompt", "billing_refund", "minor", "-m", "longer");
        return r;
    }

    @Test
    void aReaderThatStopsEarlyEndsRegQuietlyWithItsOwnExitCode() throws Exception {
        TestRegistry r = longDiff();
        Process p = RegCli.process(r.root(), List.of(), "diff", "prompt/billing_refund", "1.1.0", "1.2.0").start();
        p.getOutputStream().close();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(out.readLine().startsWith("prompt/billing_refund 1.1.0 -> 1.2.0"));
        } // like 'head -1': the pipe closes with megabytes still to write
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err);
    }

    @Test
    void aFullDiskIsAnErrorNotATruncatedSuccess() throws Exception {
        Path full = Path.of("/dev/full");
        TestRegistry r = longDiff();
        Process p = RegCli.process(r.root(), List.of(), "diff", "prompt/billing_refund", "1.1.0", "1.2.0")
                .redirectOutput(full.toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(70, p.exitValue(), err);
        assertTrue(err.contains("reg: cannot write the output: No space left on device"), err);
        assertTrue(Files.exists(full));
    }
}
