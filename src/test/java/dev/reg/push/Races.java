package dev.reg.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.EvalFixtures;
import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import dev.reg.testing.TestRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real reg processes in separate clones, started together against one remote: the races of
 * DESIGN.md section 4 ("racing pushes to one remote never produce two different tags for one
 * version or a lost release"), shared by {@link RaceTest} (a few rounds) and {@link RaceIT} (twenty).
 */
final class Races {
    private final SharedRegistry shared;
    private final List<TestRegistry> clones = new ArrayList<>();
    private final Path logs;

    Races(SharedRegistry shared, int clones) {
        this.shared = shared;
        for (int i = 0; i < clones; i++) {
            this.clones.add(shared.clone("c" + i));
        }
        try {
            this.logs = Files.createDirectories(shared.tmp.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reg process's end. */
    record Run(int index, int exit, String out, String err) {
    }

    /** Starts {@code args} in every clone at once (each a JVM of its own) and waits for all. */
    List<Run> together(String tag, java.util.function.IntFunction<String[]> args) {
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < clones.size(); i++) {
                ProcessBuilder pb = RegCli.process(clones.get(i).root(), List.of(), args.apply(i));
                pb.redirectOutput(logs.resolve(tag + "-" + i + ".out").toFile());
                pb.redirectError(logs.resolve(tag + "-" + i + ".err").toFile());
                started.add(pb.start());
            }
            List<Run> out = new ArrayList<>();
            for (int i = 0; i < started.size(); i++) {
                Process p = started.get(i);
                assertTrue(p.waitFor(5, TimeUnit.MINUTES), "reg in clone " + i + " did not end");
                out.add(new Run(i, p.exitValue(), Files.readString(logs.resolve(tag + "-" + i + ".out")),
                        Files.readString(logs.resolve(tag + "-" + i + ".err"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    /** Every clone takes what the remote has (as {@code git pull} would), its own edits discarded. */
    void pullAll() {
        for (TestRegistry c : clones) {
            c.git("checkout", "-q", "--", ".");
            c.git("pull", "-q", "--ff-only", "--tags");
        }
    }

    /**
     * Rounds of every clone bumping prompt/billing_refund at once: each round exactly one new version
     * tag on the remote, every other process exits 3, and no clone has a reg tag that differs from
     * the remote's (nor one the remote lacks).
     */
    void bumpRounds(int rounds) {
        for (int round = 1; round <= rounds; round++) {
            pullAll();
            int before = versionTags().size();
            for (int i = 0; i < clones.size(); i++) {
                clones.get(i).append("registry/prompts/billing_refund/template.md", "round " + round + " from clone " + i + "\n");
            }
            int r = round;
            List<Run> runs = together("bump-" + round, i -> new String[] {"bump", "prompt", "billing_refund", "patch", "-m",
                    "round " + r + " from clone " + i, "--push"});
            long won = runs.stream().filter(x -> x.exit() == 0).count();
            String all = describe(runs);
            assertEquals(1, won, "round " + round + ": one bump wins\n" + all);
            assertTrue(runs.stream().allMatch(x -> x.exit() == 0 || x.exit() == 3), "the others exit 3\n" + all);
            assertTrue(runs.stream().filter(x -> x.exit() == 3).allMatch(x -> x.err().contains("was published by c")),
                    "every loser is told who published first\n" + all);
            assertEquals(before + 1, versionTags().size(), "round " + round + ": exactly one new version tag\n" + all);
            assertNoClonesTagDiffers();
        }
    }

    /**
     * Every clone records a release of the same workflow at once, the gate holding: each decision
     * takes its own number, the numbers are 1..N without a gap, and every entry is in the ledger.
     */
    void releaseRound() {
        pullAll();
        TestRegistry first = clones.get(0);
        first.write("registry/gates/support_copilot.yaml", "gates:\n  - {metric: pass, agg: mean, min: 0.99}\n");
        first.commitAll("a gate the run does not pass");
        Path run = EvalFixtures.write(shared.tmp, "run.jsonl", "{\"id\":\"FAQ-001\",\"pass\":true}\n{\"id\":\"FAQ-002\",\"pass\":false}\n");
        RegCli.Result imported = first.reg("eval", "import", run.toString(), "-w", "support_copilot");
        assertEquals(0, imported.exit(), imported.all());
        RegCli.Result pushed = first.reg("push");
        assertEquals(0, pushed.exit(), pushed.all());
        pullAll();
        List<Run> runs = together("release", i -> new String[] {"release", "support_copilot", "--push"});
        String all = describe(runs);
        assertTrue(runs.stream().allMatch(x -> x.exit() == 1), "every release is a hold, recorded\n" + all);
        TreeSet<Integer> numbers = new TreeSet<>();
        for (Run x : runs) {
            Matcher m = Pattern.compile("release support_copilot ([0-9]+): HOLD").matcher(x.out());
            assertTrue(m.find(), all);
            assertTrue(numbers.add(Integer.parseInt(m.group(1))), "release numbers are unique\n" + all);
        }
        assertEquals(clones.size(), numbers.size());
        assertEquals(1, numbers.first(), all);
        assertEquals(clones.size(), numbers.last(), "gap-free\n" + all);
        String ledger = GitCli.ok(shared.bare, "show", "main:registry/releases/support_copilot.yaml");
        for (int n = 1; n <= clones.size(); n++) {
            assertTrue(ledger.contains("n: " + n + "\n"), "ledger entry " + n + " is on the remote\n" + ledger);
        }
        assertEquals(clones.size(), ledger.split("\n  - n: |\n- n: ", -1).length - 1, "no entry twice or lost\n" + ledger);
        assertNoClonesTagDiffers();
        for (TestRegistry c : clones) {
            RegCli.Result verified = c.reg("verify", "--remote");
            assertEquals(0, verified.exit(), c.root().getFileName() + ": reg verify --remote after the race\n" + verified.all());
        }
    }

    private List<String> versionTags() {
        return shared.remoteRefs().keySet().stream().filter(r -> r.startsWith("refs/tags/prompt/billing_refund@")).toList();
    }

    private void assertNoClonesTagDiffers() {
        Map<String, String> remote = shared.remoteRefs();
        for (TestRegistry c : clones) {
            SharedRegistry.localRefs(c).forEach((ref, id) -> {
                if (ref.startsWith("refs/tags/")) {
                    assertEquals(remote.get(ref), id, c.root().getFileName() + " has tag " + ref + " unlike the remote's");
                }
            });
        }
    }

    private static String describe(List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            sb.append("clone ").append(r.index()).append(" exit ").append(r.exit()).append('\n').append(r.out()).append(r.err()).append('\n');
        }
        return sb.toString();
    }
}
