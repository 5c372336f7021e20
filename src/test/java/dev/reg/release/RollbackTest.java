package dev.reg.release;

import dev.reg.ledger.Releases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.GitCli;
import dev.reg.testing.Golden;
import dev.reg.cli.CommandContext;
import dev.reg.testing.RegCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackTest {
    static final String DATASET = "registry/datasets/golden/";

    @TempDir
    Path dir;

    /** Every file of the three component folders is exactly as committed in release 1. */
    static void assertFoldersAreRelease1(ReleaseScenario s) {
        assertEquals("", s.reg.git("diff", "--stat", "release/support_copilot/1", "HEAD", "--", "registry/models", "registry/prompts",
                "registry/datasets"));
        assertEquals("", s.reg.git("status", "--porcelain", "--untracked-files=all"));
        assertFalse(Files.exists(s.reg.path(DATASET + "extra.jsonl")));
        assertEquals(s.reg.git("show", "prompt/billing_refund@1.0.0:" + ReleaseScenario.TEMPLATE), s.reg.read(ReleaseScenario.TEMPLATE));
    }

    static void assertRolledBack(ReleaseScenario s) {
        assertFoldersAreRelease1(s);
        String ledger = s.ledger();
        assertTrue(ledger.contains("n: 3\n    status: rolled-back"), ledger);
        assertTrue(ledger.contains("n: 4\n    status: shipped"), ledger);
        assertTrue(ledger.contains("rollback_from: 3\n    rollback_to: 1\n    tagged: true"), ledger);
        assertEquals("tag\n", s.reg.git("cat-file", "-t", "release/support_copilot/4"));
        assertEquals(s.reg.git("rev-parse", "HEAD"), s.reg.git("rev-parse", "release/support_copilot/4^{commit}"));
        assertTrue(s.reg.git("log", "-1", "--format=%B").contains("\nReg-Rollback: support_copilot/4\n"));
        assertFalse(Files.exists(s.reg.path(".git/index.lock")));
        GitCli.ok(s.reg.root(), "fsck", "--no-dangling");
        assertEquals(ReleaseTest.compositeDigest(s), ledgerDigest(s, 1), "the composite is release 1's again");
        for (String a : List.of("model/cust-copilot", "prompt/billing_refund", "dataset/golden")) {
            String show = s.reg.regOk("show", a, "--json").out();
            assertTrue(show.contains("\"state\" : \"clean\"") && show.contains("\"version\" : \"1.0.0\""), a + ": " + show);
        }
    }

    @Test
    void rollbackRestoresEveryComponentFromItsVersionTagInOneCommitWithLedgerAdrAndTag() {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        String before = s.reg.git("rev-parse", "HEAD").trim();
        RegCli.Result r = s.reg.regOk("rollback", "support_copilot", "--reason", "incident 42: wrong refunds");
        assertTrue(r.out().contains("rolled back support_copilot: release 3 -> release 1 (as release 4)"), r.out());
        assertEquals(before, s.reg.git("rev-parse", "HEAD~1").trim(), "one commit");
        assertRolledBack(s);
        assertEquals(new TreeSet<>(List.of("A\tadr/0005-roll-back-support-copilot-release-3-to-release-1.md",
                "M\tadr/0004-release-support-copilot-3.md", "D\t" + DATASET + "extra.jsonl", "M\t" + DATASET + "artifact.yaml",
                "M\tregistry/prompts/billing_refund/artifact.yaml", "M\t" + ReleaseScenario.TEMPLATE,
                "M\tregistry/releases/support_copilot.yaml")),
                new TreeSet<>(s.reg.git("diff", "--name-status", "HEAD~1", "HEAD").lines().toList()));
        String tag = s.reg.git("tag", "-l", "--format=%(contents)", "release/support_copilot/4");
        assertTrue(tag.startsWith("Roll back support_copilot to release 1 (release 4)\n\nmodel/cust-copilot@1.0.0 + "
                + "prompt/billing_refund@1.0.0 + dataset/golden@1.0.0\n\nReg-Workflow: support_copilot\nReg-Release: 4\n"
                + "Reg-Composite-Digest: " + ledgerDigest(s, 1) + "\nReg-Decision: rollback\nReg-Run: run-a\n"), tag);
        assertTrue(tag.contains("Reg-Reason: incident 42: wrong refunds\n"), tag);
        Golden.assertMatches("incident-rollback.md", s.reg.read("adr/0005-roll-back-support-copilot-release-3-to-release-1.md"));
        Golden.assertMatches("memo-release-3-superseded-by-rollback.md", s.reg.read("adr/0004-release-support-copilot-3.md"));

        // a second run has nothing to do and writes nothing
        Map<String, String> after = s.reg.snapshot();
        RegCli.Result again = s.reg.regOk("rollback", "support_copilot");
        assertTrue(again.out().contains("nothing to do: the live release 4 already has the composite of release 1"), again.out());
        s.reg.assertUnchangedSince(after);

        // bump after a rollback still goes above every tag
        s.reg.append(ReleaseScenario.TEMPLATE, "Be brief.\n");
        assertTrue(s.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "brief").out().contains("@1.3.0"));
    }

    @Test
    void dryRunPrintsExactlyWhatTheRollbackThenChangesAndWritesNothing() {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result dry = s.reg.regOk("rollback", "support_copilot", "--dry-run");
        RegCli.Result json = s.reg.regOk("rollback", "support_copilot", "--dry-run", "--json");
        s.reg.assertUnchangedSince(before);
        assertTrue(dry.out().contains("dry run: nothing was written"), dry.out());
        assertTrue(json.out().contains("\"nothingToDo\" : false") && json.out().contains("\"tag\" : \"release/support_copilot/4\""), json.out());

        List<String> planned = new ArrayList<>();
        for (String line : dry.out().lines().toList()) {
            String t = line.trim();
            if (t.startsWith("restore ") || t.startsWith("delete ")) {
                planned.add(t.replaceAll("\\s+", " "));
            }
        }
        s.reg.regOk("rollback", "support_copilot");
        List<String> done = new ArrayList<>();
        for (String line : s.reg.git("diff", "--name-status", "HEAD~1", "HEAD", "--", "registry/models", "registry/prompts",
                "registry/datasets").lines().toList()) {
            String[] f = line.split("\t");
            done.add((f[0].equals("D") ? "delete " : "restore ") + f[1]);
        }
        assertEquals(new TreeSet<>(done), new TreeSet<>(planned), dry.out());
        assertTrue(dry.out().contains("adr/0005-roll-back-support-copilot-release-3-to-release-1.md"));
        assertTrue(Files.exists(s.reg.path("adr/0005-roll-back-support-copilot-release-3-to-release-1.md")));
    }

    @Test
    void uncommittedWorkInTheWayIsRefusedAndEveryByteStaysInPlace() {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        // a modified tracked file, an untracked file and a staged change, each on its own
        List<Runnable> dirtiers = List.of(
                () -> s.reg.append(ReleaseScenario.TEMPLATE, "work in progress\n"),
                () -> s.reg.write("registry/prompts/billing_refund/notes.txt", "my notes\n"),
                () -> {
                    s.reg.append(DATASET + "cases.jsonl", "{\"id\": \"WIP\"}\n");
                    s.reg.git("add", DATASET + "cases.jsonl");
                },
                () -> s.reg.append("registry/releases/support_copilot.yaml", "# my comment\n"));
        for (Runnable dirty : dirtiers) {
            dirty.run();
            Map<String, String> before = s.reg.snapshot();
            for (String[] args : List.of(new String[] {"rollback", "support_copilot"}, new String[] {"rollback", "support_copilot", "--dry-run"})) {
                RegCli.Result r = s.reg.reg(args);
                assertEquals(3, r.exit(), r.all());
                assertTrue(r.err().contains("uncommitted changes") && r.err().contains("nothing was changed") || args.length == 3,
                        r.err());
                s.reg.assertUnchangedSince(before);
            }
            s.reg.git("reset", "-q", "--hard");
            s.reg.git("clean", "-qfd");
        }
        // work elsewhere is neither in the way nor touched
        s.reg.write("notes/todo.md", "call the vendor\n");
        s.reg.append("registry/registry.yaml", "# reviewed\n");
        s.reg.regOk("rollback", "support_copilot");
        assertEquals("call the vendor\n", s.reg.read("notes/todo.md"));
        assertTrue(s.reg.read("registry/registry.yaml").endsWith("# reviewed\n"));
        assertEquals(" M registry/registry.yaml\n?? notes/todo.md\n", s.reg.git("status", "--porcelain", "--untracked-files=all"));
    }

    @Test
    void toPicksAGivenReleaseAndRefusesOnesThatNeverShippedOrAreBad() {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        Map<String, String> before = s.reg.snapshot();
        // a release that does not exist is bad input; one the ledger rules out is refused by the repository's state
        for (String[] bad : List.of(new String[] {"2", "3"}, new String[] {"3", "3"}, new String[] {"9", "2"})) {
            for (String dry : List.of("--dry-run", "--reason=x")) {
                RegCli.Result r = s.reg.reg("rollback", "support_copilot", "--to", bad[0], dry);
                assertEquals(Integer.parseInt(bad[1]), r.exit(), r.all());
                s.reg.assertUnchangedSince(before);
            }
        }
        assertTrue(s.reg.reg("rollback", "support_copilot", "--to", "2").err().contains("never shipped"));
        assertTrue(s.reg.reg("rollback", "support_copilot", "--to", "3").err().contains("marked bad"));
        s.reg.regOk("rollback", "support_copilot", "--to", "1");
        assertRolledBack(s);
    }

    @Test
    void aReleaseMarkedBadStaysBadAfterItWasRolledBackAndIsNeverATarget() {
        ReleaseScenario s = ReleaseScenario.incident(dir);
        s.reg.regOk("rollback", "support_copilot", "--reason", "incident 42");
        String ledger = s.ledger();
        assertTrue(ledger.contains("  - n: 3\n    status: rolled-back\n    bad:\n      at: ") && ledger.contains(
                "\n      actor: Reg Test <reg-test@example.com>\n      reason: refund answers cite the wrong policy\n    composite: "), ledger);
        Map<String, String> before = s.reg.snapshot();
        for (String dry : List.of("--dry-run", "--reason=roll forward")) {
            RegCli.Result r = s.reg.reg("rollback", "support_copilot", "--to", "3", dry);
            assertEquals(3, r.exit(), r.all());
            assertTrue(r.err().contains("release 3 is marked bad (by Reg Test <reg-test@example.com> at ")
                    && r.err().contains(": refund answers cite the wrong policy); a release marked bad is never a rollback target"), r.err());
            s.reg.assertUnchangedSince(before);
        }
        RegCli.Result again = s.reg.reg("mark", "support_copilot", "3", "bad", "--reason", "still bad");
        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().contains("already marked bad"), again.out());
        s.reg.assertUnchangedSince(before);
    }

    @Test
    void aBadReleaseRolledBackFromStaysOutOfReachAfterTheNextRelease() {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst().shipFix();
        s.reg.regOk("mark", "support_copilot", "2", "bad", "--reason", "wrong refunds");
        s.reg.regOk("rollback", "support_copilot");
        shipAnother(s);
        Map<String, String> before = s.reg.snapshot();
        for (String dry : List.of("--dry-run", "--reason=back to 2")) {
            RegCli.Result r = s.reg.reg("rollback", "support_copilot", "--to", "2", dry);
            assertEquals(3, r.exit(), r.all());
            assertTrue(r.err().contains("release 2 is marked bad") && r.err().contains("wrong refunds"), r.err());
            s.reg.assertUnchangedSince(before);
        }
        RegCli.Result r = s.reg.regOk("rollback", "support_copilot", "--dry-run");
        assertTrue(r.out().contains("would roll back support_copilot: release 4 -> release 3 (as release 5)"), r.out());
    }

    @Test
    void noRollbackEntryWithABadReleasesCompositeIsATarget() {
        // 1 and 2 ship; 2 is rolled back to 1 (as 3), then forward again (as 4: release 2's composite); 5 ships; then 2 is marked bad
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst().shipFix();
        s.reg.regOk("rollback", "support_copilot");
        s.reg.regOk("rollback", "support_copilot", "--to", "2");
        shipAnother(s);
        s.reg.regOk("mark", "support_copilot", "2", "bad", "--reason", "wrong refunds");
        assertTrue(s.ledger().contains("  - n: 2\n    status: rolled-back\n    bad:\n"), s.ledger());
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result to4 = s.reg.reg("rollback", "support_copilot", "--to", "4", "--dry-run");
        assertEquals(3, to4.exit(), to4.all());
        assertTrue(to4.err().contains("release 4 has the composite of release 2, which is marked bad"), to4.err());
        s.reg.assertUnchangedSince(before);

        RegCli.Result plan = s.reg.regOk("rollback", "support_copilot", "--dry-run");
        assertTrue(plan.out().contains("would roll back support_copilot: release 5 -> release 1 (as release 6)"), plan.out());
        s.reg.regOk("rollback", "support_copilot");
        assertEquals(ledgerDigest(s, 1), ledgerDigest(s, 6));
        assertTrue(s.reg.read("adr/0007-roll-back-support-copilot-release-5-to-release-1.md").contains(
                "because release 1 is the last release before release 5 that shipped and whose composite is not marked bad."));

        // with release 1 marked bad too, nothing is left to roll back to: the repository's state, exit 3
        s.reg.regOk("mark", "support_copilot", "1", "bad", "--reason", "also wrong");
        Map<String, String> marked = s.reg.snapshot();
        RegCli.Result none = s.reg.reg("rollback", "support_copilot");
        assertEquals(3, none.exit(), none.all());
        assertTrue(none.err().contains("nothing to roll back to"), none.err());
        s.reg.assertUnchangedSince(marked);
    }

    /** A third composite ships: the prompt gains a line. */
    private static void shipAnother(ReleaseScenario s) {
        s.reg.append(ReleaseScenario.TEMPLATE, "Be brief.\n");
        s.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "brief");
        s.mustRelease(0, "--run", "run-c");
    }

    @Test
    void rollingBackALiveReleaseThatIsNotMarkedBadGoesToThePreviousGoodOne() {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst();
        RegCli.Result none = s.reg.reg("rollback", "support_copilot");
        assertEquals(3, none.exit(), none.all());
        assertTrue(none.err().contains("nothing to roll back to"), none.err());
        s.shipFix();
        s.reg.regOk("rollback", "support_copilot");
        assertTrue(s.ledger().contains("n: 2\n    status: rolled-back"), s.ledger());
        assertTrue(s.ledger().contains("rollback_from: 2\n    rollback_to: 1"), s.ledger());
        assertEquals("release/support_copilot/3\n", s.reg.git("tag", "-l", "release/support_copilot/3"));
        // undo the rollback: release 2 was rolled back but never marked bad
        s.reg.regOk("rollback", "support_copilot", "--to", "2");
        assertTrue(s.ledger().contains("rollback_from: 3\n    rollback_to: 2"), s.ledger());
        assertEquals(s.reg.git("show", "prompt/billing_refund@1.1.0:" + ReleaseScenario.TEMPLATE), s.reg.read(ReleaseScenario.TEMPLATE));
    }

    @Test
    void historyListsEveryDecisionAndStatusChangeAndLiveAnswersForAMoment() {
        ReleaseScenario s = ReleaseScenario.start(dir);
        okAt(dir, at("2026-11-20T09:00:00Z"), s.gate, "release", "support_copilot");
        s.reg.append(ReleaseScenario.TEMPLATE, "Cite the clause.\n");
        s.reg.regOk("bump", "prompt", "billing_refund", "minor", "-m", "cite");
        okAt(dir, at("2026-11-20T11:00:00Z"), s.gate, "release", "support_copilot");
        okAt(dir, at("2026-11-20T12:00:00Z"), "mark", "support_copilot", "2", "bad", "--reason", "pager: refund complaints");
        okAt(dir, at("2026-11-20T12:05:00Z"), "freeze", "support_copilot", "--reason", "incident 42");
        okAt(dir, at("2026-11-20T12:10:00Z"), "rollback", "support_copilot", "--reason", "incident 42");
        okAt(dir, at("2026-11-20T13:00:00Z"), "unfreeze", "support_copilot", "--reason", "mitigated");
        okAt(dir, at("2026-11-20T13:30:00Z"), "freeze", "support_copilot", "--reason", "incident 43");

        List<String> lines = s.reg.regOk("history", "support_copilot").out().lines().toList();
        assertEquals(List.of("2026-11-20T09:00:00Z  #1  shipped", "2026-11-20T11:00:00Z  #2  shipped", "2026-11-20T12:00:00Z  #2  bad",
                "2026-11-20T12:05:00Z  freeze", "2026-11-20T12:10:00Z  #2  rolled-back", "2026-11-20T12:10:00Z  #3  rollback 2 -> 1",
                "2026-11-20T13:00:00Z  unfreeze", "2026-11-20T13:30:00Z  freeze"),
                lines.subList(0, 8).stream().map(l -> l.replaceAll("^(\\S+  (#\\d+  )?[a-z-]+( \\d -> \\d)?).*", "$1")).toList());
        assertTrue(lines.get(2).contains("by Reg Test <reg-test@example.com>: pager: refund complaints"), lines.get(2));
        assertEquals("2026-11-20T12:05:00Z  freeze  by Reg Test <reg-test@example.com>: incident 42", lines.get(3));
        assertEquals("2026-11-20T13:00:00Z  unfreeze  by Reg Test <reg-test@example.com>: mitigated", lines.get(6));
        assertTrue(lines.contains("live: release 3"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("frozen since 2026-11-20T13:30:00Z") && l.endsWith("incident 43")), lines.toString());

        assertTrue(s.reg.regOk("live", "support_copilot", "--at", "2026-11-20T08:59Z").out().contains("nothing was live"));
        assertTrue(s.reg.regOk("live", "support_copilot", "--at", "2026-11-20T10:00Z").out().contains(": release 1 ("));
        assertTrue(s.reg.regOk("live", "support_copilot", "--at", "2026-11-20T12:09+00:00").out().contains(": release 2 (bad"));
        assertTrue(s.reg.regOk("live", "support_copilot", "--at", "2026-11-20T13:10+01:00").out().contains(": release 3 ("));
        assertTrue(s.reg.regOk("live", "support_copilot").out().contains(": release 3 ("));
        RegCli.Result badTime = s.reg.reg("live", "support_copilot", "--at", "yesterday");
        assertEquals(2, badTime.exit());
        assertTrue(badTime.err().contains("2026-11-20T10:00Z"), badTime.err());
        String json = s.reg.regOk("history", "support_copilot", "--json").out();
        assertTrue(json.contains("\"event\" : \"rollback\"") && json.contains("\"tagPresent\" : true"), json);
        assertTrue(json.contains("\"at\" : \"2026-11-20T13:00:00Z\",\n    \"release\" : null,\n    \"event\" : \"unfreeze\"")
                && json.contains("\"actor\" : \"Reg Test <reg-test@example.com>\",\n    \"reason\" : \"mitigated\""), json);
    }

    static RegCli.Result okAt(Path dir, Clock clock, String... args) {
        return okAt(dir, clock, CommandContext.PRODUCTION_GATE, args);
    }

    static RegCli.Result okAt(Path dir, Clock clock, ReleaseGate gate, String... args) {
        RegCli.Result r = RegCli.run(dir, clock, gate, args);
        if (r.exit() != 0) {
            throw new AssertionError("reg " + String.join(" ", args) + " exited " + r.exit() + ":\n" + r.all());
        }
        return r;
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    static String ledgerDigest(ReleaseScenario s, int n) {
        String ledger = s.ledger();
        int at = ledger.indexOf("  - n: " + n + "\n");
        int d = ledger.indexOf("    digest: ", at) + 12;
        return ledger.substring(d, ledger.indexOf('\n', d));
    }
}
