package dev.reg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollback restores a dataset larger than the heap of the process doing it: blobs are streamed, never loaded. */
class RollbackLargeFileTest {
    static final long SIZE = 96L << 20;

    @TempDir
    Path dir;

    @Test
    void aDatasetLargerThanTheHeapIsRestoredByStreaming() throws Exception {
        ReleaseScenario s = ReleaseScenario.start(dir);
        TestRegistry r = s.reg;
        Path cases = r.path("registry/datasets/golden/cases.jsonl");
        writeLarge(cases, "{\"id\": \"CASE\", \"input\": \"refund please\", \"expected\": \"policy 4.2\"}\n");
        r.regOk("bump", "dataset", "golden", "major", "-m", "96 MB of cases");
        s.mustRelease(0, "--run", "run-a");
        writeLarge(cases, "{\"id\": \"CASE\", \"input\": \"refund now\", \"expected\": \"policy 4.3\"}\n");
        r.regOk("bump", "dataset", "golden", "major", "-m", "rewritten cases");
        s.mustRelease(0, "--run", "run-a2");
        String wanted = r.git("rev-parse", "dataset/golden@2.0.0:registry/datasets/golden/cases.jsonl").trim();

        ProcessBuilder pb = RegCli.process(dir, List.of(), "rollback", "support_copilot");
        pb.command().add(1, "-Xmx40m");
        Process p = pb.redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);

        assertEquals(SIZE, Files.size(cases));
        assertEquals(wanted, r.git("hash-object", "registry/datasets/golden/cases.jsonl").trim());
        assertEquals("", r.git("status", "--porcelain"));
    }

    private static void writeLarge(Path file, String line) throws IOException {
        byte[] l = line.getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < block.length; i++) {
                block[i] = l[i % l.length];
            }
            for (long written = 0; written < SIZE; written += block.length) {
                out.write(block);
            }
        }
    }
}
