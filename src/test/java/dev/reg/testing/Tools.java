package dev.reg.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Other tools reg's files must work with (adr-tools, log4brains), run as a user would, isolated like C git. */
public final class Tools {
    private Tools() {
    }

    /**
     * Runs {@code cmd} in {@code dir} with the tests' private Git config and no editor (adr-tools opens
     * VISUAL or EDITOR when set); returns stdout and stderr, failing the test when it fails or is not installed.
     */
    public static String run(Path dir, String... cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        TestEnv.isolate(pb.environment());
        pb.environment().remove("VISUAL");
        pb.environment().remove("EDITOR");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new AssertionError(String.join(" ", cmd) + " exited " + code + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(cmd[0] + " is not installed (.ci/run installs adr-tools and log4brains): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
