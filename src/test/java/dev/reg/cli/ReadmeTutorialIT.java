package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.JarOnPath;
import dev.reg.testing.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tutorial, run as written: every {@code sh} block of its "Five-minute tutorial"
 * section, in order, as one bash script in an empty folder, with the built jar as {@code reg} on
 * PATH and a private HOME whose Git config holds only an identity. An integration test (failsafe,
 * after {@code package} built the jar).
 */
class ReadmeTutorialIT {
    private static final String SECTION = "## Five-minute tutorial";

    @TempDir
    Path dir;

    /** The tutorial's {@code sh} blocks, each with the README line it starts on. */
    static List<Map.Entry<Integer, String>> shellBlocks(List<String> readme) {
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "README.md has no '" + SECTION + "' section");
        List<Map.Entry<Integer, String>> blocks = new ArrayList<>();
        StringBuilder block = null;
        int blockLine = 0;
        for (int i = start + 1; i < readme.size(); i++) {
            String line = readme.get(i);
            if (block == null && line.startsWith("## ")) {
                break;
            }
            if (block == null && line.equals("```sh")) {
                block = new StringBuilder();
                blockLine = i + 2;
            } else if (block != null && line.equals("```")) {
                blocks.add(Map.entry(blockLine, block.toString()));
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void theTutorialRunsAsWrittenInAnEmptyFolder() throws Exception {
        Path bin = JarOnPath.install(dir.resolve("bin"));
        List<Map.Entry<Integer, String>> blocks = shellBlocks(Files.readAllLines(Path.of(System.getProperty("reg.readme", "README.md"))));
        assertTrue(blocks.size() >= 3, "the tutorial's shell blocks: " + blocks.size());

        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = " + TestEnv.USER_NAME + "\n\temail = " + TestEnv.USER_EMAIL
                + "\n[init]\n\tdefaultBranch = main\n");
        Path empty = Files.createDirectories(dir.resolve("work"));

        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (Map.Entry<Integer, String> b : blocks) {
            script.append("echo '### README.md:").append(b.getKey()).append("'\n").append(b.getValue());
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.toString()).directory(empty.toFile()).redirectErrorStream(true);
        TestEnv.isolate(pb.environment());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("EDITOR");
        pb.environment().remove("VISUAL");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the tutorial did not finish:\n" + out);
        assertEquals(0, p.exitValue(), "the tutorial stopped (the last '### README.md:N' line is the block):\n" + out);

        assertTrue(out.contains("release support_copilot 1: SHIP"), out);
        assertTrue(out.contains("release support_copilot 2: SHIP"), out);
        assertTrue(out.contains("rolled back support_copilot: release 2 -> release 1 (as release 3)"), out);
        assertTrue(out.contains("no findings"), out);
        assertTrue(out.contains("verified: 4 version tags, 3 release tags, 3 ledger entries"), out);
        Path repo = empty.resolve("support");
        assertEquals("dataset/golden@2025.9.0\nmodel/cust-copilot@1.4.2\nprompt/billing_refund@2.3.0\nprompt/billing_refund@2.4.0\n"
                + "release/support_copilot/1\nrelease/support_copilot/2\nrelease/support_copilot/3\n", GitCli.ok(repo, "tag", "-l"));
        assertEquals("", GitCli.ok(repo, "status", "--porcelain"), "the tutorial leaves nothing uncommitted");
        assertTrue(Files.readString(repo.resolve("registry/prompts/billing_refund/artifact.yaml")).contains("version: 2.3.0"),
                "the rollback restored the prompt of release 1");
    }
}
