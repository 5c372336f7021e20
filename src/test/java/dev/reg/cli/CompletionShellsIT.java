package dev.reg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.JarOnPath;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestEnv;
import dev.reg.testing.TestRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reg completion bash|zsh|fish} in the real shells, installed as the README says, with the
 * built jar as {@code reg} on PATH (so Tab runs {@code reg __complete} in its own process), on the
 * registry {@code reg demo} leaves behind (releases 1, 3 and 4 tagged, release 2 held; five ADRs)
 * plus a second prompt. Expected values are read from the repository with C git and ls.
 */
class CompletionShellsIT {
    @TempDir
    static Path dir;

    static Path bin;
    static Path repo;
    static Path other;

    /** Each line is typed in the registry, cursor at its end; the values the shells must offer, from the repository. */
    static Map<String, List<String>> expected;

    @BeforeAll
    static void registry() throws IOException {
        bin = JarOnPath.install(dir.resolve("bin"));
        RegCli.ok(dir, "demo", "--dir", "story");
        repo = dir.resolve("story");
        TestRegistry r = TestRegistry.open(repo);
        r.artifact("prompt", "triage").file("template.md", "Route the ticket.\n").add();
        TestRegistry o = TestRegistry.init(dir.resolve("other"));
        o.write("registry/registry.yaml", "registry: 1\nworkflows:\n  onboarding:\n    components: [prompt/welcome]\n");
        o.commitAll("workflow onboarding");
        other = o.root();

        List<String> versions = tags("prompt/billing_refund@*").stream().map(t -> t.substring(t.indexOf('@') + 1)).toList();
        List<String> releases = tags("release/support_copilot/*").stream().map(t -> t.substring(t.lastIndexOf('/') + 1)).toList();
        List<String> adrs;
        try (Stream<Path> files = Files.list(repo.resolve("adr"))) {
            adrs = files.map(p -> p.getFileName().toString()).filter(f -> f.matches("\\d{4}-.*\\.md"))
                    .map(f -> Integer.toString(Integer.parseInt(f.substring(0, 4)))).toList();
        }
        assertEquals(List.of("1", "3", "4", "5", "6"), sorted(releases), "the demo's tagged releases (5 went to canary and was rolled back)");
        assertTrue(versions.size() >= 2 && adrs.size() >= 3, versions + " " + adrs);

        expected = new LinkedHashMap<>();
        expected.put("reg bump prompt ", List.of("billing_refund", "triage"));
        expected.put("reg bump prompt billing_refund pre", List.of("premajor", "preminor", "prepatch", "prerelease"));
        expected.put("reg gate ", List.of("support_copilot"));
        expected.put("reg show prompt/", List.of("prompt/billing_refund", "prompt/triage"));
        expected.put("reg log prompt/billing_refund@", versions.stream().map(v -> "prompt/billing_refund@" + v).toList());
        expected.put("reg diff prompt/billing_refund ", versions);
        expected.put("reg diff prompt/billing_refund " + versions.get(0) + " ", versions);
        expected.put("reg mark support_copilot ", releases);
        expected.put("reg memo support_copilot ", releases);
        expected.put("reg rollback support_copilot --to ", releases);
        expected.put("reg adr supersede ", adrs);
        expected.put("reg -C " + other + " history ", List.of("onboarding"));
        expected.put("reg ad", List.of("add", "adr"));
        expected.put("reg adr s", List.of("supersede"));
        expected.put("reg bump --m", List.of("--message"));
    }

    private static List<String> tags(String pattern) {
        return GitCli.ok(repo, "tag", "-l", pattern).lines().toList();
    }

    private static List<String> sorted(List<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }

    /** Runs {@code command} in the registry with the jar as reg on PATH and a private HOME; returns stdout, asserting exit 0 and no stderr. */
    private static String shell(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
            TestEnv.isolate(pb.environment());
            Path home = Files.createDirectories(dir.resolve("home-" + command.get(0)));
            pb.environment().put("HOME", home.toString());
            pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            pb.environment().put("XDG_DATA_HOME", home.resolve(".local/share").toString());
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            Path err = dir.resolve("stderr-" + command.get(0) + ".txt");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(3, TimeUnit.MINUTES), command + " did not finish:\n" + out);
            String errors = Files.readString(err);
            assertEquals(0, p.exitValue(), command + ":\n" + out + errors);
            assertEquals("", errors, command + " wrote to stderr");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The harness's "LINE<tab>candidates" lines, candidates sorted (each shell orders them its own way). */
    private static Map<String, List<String>> parse(String out) {
        Map<String, List<String>> got = new LinkedHashMap<>();
        for (String l : out.lines().toList()) {
            int tab = l.indexOf('\t');
            got.put(l.substring(0, tab), sorted(Arrays.stream(l.substring(tab + 1).split(" ")).filter(s -> !s.isEmpty()).toList()));
        }
        return got;
    }

    private static void assertOffers(Map<String, List<String>> expectedLines, Map<String, List<String>> got, String shell) {
        for (Map.Entry<String, List<String>> e : expectedLines.entrySet()) {
            assertEquals(sorted(e.getValue()), got.get(e.getKey()), shell + ": '" + e.getKey() + "'");
        }
    }

    private static Path harness(String name) {
        try (InputStream in = CompletionShellsIT.class.getResourceAsStream("/completion/" + name)) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void bash() {
        List<String> cmd = new ArrayList<>(List.of("bash", "--norc", "--noprofile", harness("complete.bash").toString()));
        cmd.addAll(expected.keySet());
        cmd.add("reg rollback support_copilot --to="); // bash splits the word at '='
        Map<String, List<String>> got = parse(shell(cmd));
        assertOffers(expected, got, "bash");
        assertEquals(sorted(expected.get("reg mark support_copilot ")), got.get("reg rollback support_copilot --to="));
    }

    @Test
    void zshSourced() throws IOException {
        Path out = Files.createDirectories(dir.resolve("zsh-source"));
        List<String> cmd = new ArrayList<>(List.of("zsh", "-f", harness("complete.zsh").toString(), "source", out.toString()));
        cmd.addAll(expected.keySet());
        cmd.add("reg rollback support_copilot --to=");
        Map<String, List<String>> got = parse(shell(cmd));
        assertOffers(expected, got, "zsh");
        assertEquals(sorted(expected.get("reg mark support_copilot ")), got.get("reg rollback support_copilot --to="));
        assertEquals("", Files.readString(out.resolve("source.err")), "sourcing the zsh script");
    }

    @Test
    void zshFromFpath() throws IOException {
        Path out = Files.createDirectories(dir.resolve("zsh-fpath"));
        Map<String, List<String>> some = new LinkedHashMap<>();
        for (String line : List.of("reg bump prompt ", "reg mark support_copilot ", "reg ad")) {
            some.put(line, expected.get(line));
        }
        List<String> cmd = new ArrayList<>(List.of("zsh", "-f", harness("complete.zsh").toString(), "fpath", out.toString()));
        cmd.addAll(some.keySet());
        assertOffers(some, parse(shell(cmd)), "zsh (fpath)");
    }

    /** fish autoloads completions/reg.fish from a directory on fish_complete_path, as ~/.config/fish/completions is by default. */
    @Test
    void fish() throws IOException {
        Path completions = Files.createDirectories(dir.resolve("fish/completions"));
        Files.writeString(completions.resolve("reg.fish"), RegCli.ok(dir, "completion", "fish").out());
        List<String> cmd = new ArrayList<>(List.of("fish", "--no-config", "-c",
                "set -p fish_complete_path " + completions + "; for l in $argv; printf '%s\\t%s\\n' $l (string join ' ' -- "
                        + "(complete -C $l | string replace -r '\\t.*' '')); end"));
        cmd.addAll(expected.keySet());
        cmd.add("reg rollback support_copilot --to=");
        Map<String, List<String>> got = parse(shell(cmd));
        assertOffers(expected, got, "fish");
        assertEquals(sorted(expected.get("reg mark support_copilot ").stream().map(n -> "--to=" + n).toList()),
                got.get("reg rollback support_copilot --to="));
    }
}
