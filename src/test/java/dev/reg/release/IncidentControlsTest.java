package dev.reg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.testing.RegCli;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentControlsTest {
    @TempDir
    Path dir;

    @Test
    void markFreezeAndUnfreezeAreEachOneCommitOfTheLedgerWithActorAndReason() {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst().holdBroken();
        for (String[] args : new String[][] {
            {"mark", "support_copilot", "1", "bad", "--reason", "wrong refunds for EU customers"},
            {"freeze", "support_copilot", "--reason", "incident 42"},
            {"unfreeze", "support_copilot", "--reason", "fixed upstream"}}) {
            String before = s.reg.git("rev-parse", "HEAD").trim();
            s.reg.regOk(args);
            assertEquals(before, s.reg.git("rev-parse", "HEAD~1").trim(), String.join(" ", args));
            assertEquals("registry/releases/support_copilot.yaml\n", s.reg.git("diff", "--name-only", "HEAD~1", "HEAD"));
            String msg = s.reg.git("log", "-1", "--format=%B%n--%n%an <%ae>");
            assertTrue(msg.contains("Reg-Actor: Reg Test <reg-test@example.com>\n") && msg.contains("Reg-Reason: " + args[args.length - 1]),
                    msg);
            assertTrue(msg.endsWith("--\nReg Test <reg-test@example.com>\n"), msg);
        }
        String ledger = s.ledger();
        assertTrue(ledger.contains("status: bad") && ledger.contains("reason: wrong refunds for EU customers"), ledger);
        assertTrue(!ledger.contains("frozen:"), ledger);
        assertTrue(ledger.matches("(?s).*\nfreezes:\n  - action: freeze\n    at: '[^']+'\n    actor: Reg Test <reg-test@example.com>\n"
                + "    reason: incident 42\n  - action: unfreeze\n    at: '[^']+'\n    actor: Reg Test <reg-test@example.com>\n"
                + "    reason: fixed upstream\nreleases:\n.*"), ledger);
        assertTrue(s.reg.git("log", "--format=%s", "--", "registry/releases/support_copilot.yaml")
                .startsWith("unfreeze support_copilot: fixed upstream\nfreeze support_copilot: incident 42\n"
                        + "mark support_copilot release 1 bad: wrong refunds for EU customers\n"));
    }

    @Test
    void wrongUseIsABadInputThatChangesNothing() {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst().holdBroken();
        s.reg.regOk("mark", "support_copilot", "1", "bad", "--reason", "x");
        Map<String, String> before = s.reg.snapshot();
        String[][] wrong = {
            {"mark", "support_copilot", "2", "bad", "--reason", "held"},
            {"mark", "support_copilot", "7", "bad", "--reason", "missing"},
            {"mark", "support_copilot", "1", "good", "--reason", "x"},
            {"mark", "support_copilot", "1", "bad"},
            {"mark", "nope", "1", "bad", "--reason", "x"},
            {"freeze", "support_copilot", "--reason", " "}};
        for (String[] args : wrong) {
            RegCli.Result r = s.reg.reg(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.all());
            assertTrue(!r.err().contains("Exception"), r.err());
            s.reg.assertUnchangedSince(before);
        }
    }

    @Test
    void repeatingAControlWhoseStateAlreadyHoldsChangesNothingSaysSoAndExitsZero() {
        ReleaseScenario s = ReleaseScenario.start(dir).shipFirst().holdBroken();
        Map<String, String> before = s.reg.snapshot();
        RegCli.Result notFrozen = s.reg.reg("unfreeze", "support_copilot", "--reason", "all clear");
        assertEquals(0, notFrozen.exit(), notFrozen.all());
        assertEquals("reg: nothing to do: support_copilot is not frozen\n", notFrozen.out());
        s.reg.assertUnchangedSince(before);

        s.reg.regOk("mark", "support_copilot", "1", "bad", "--reason", "wrong refunds");
        s.reg.regOk("freeze", "support_copilot", "--reason", "incident 42");
        // nothing to do needs no clean ledger: it writes nothing
        s.reg.append("registry/releases/support_copilot.yaml", "# my note\n");
        Map<String, String> done = s.reg.snapshot();
        RegCli.Result again = s.reg.reg("mark", "support_copilot", "1", "bad", "--reason", "still wrong");
        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().startsWith("reg: nothing to do: release 1 of support_copilot is already marked bad by Reg Test")
                && again.out().endsWith(": wrong refunds\n"), again.out());
        RegCli.Result twice = s.reg.reg("freeze", "support_copilot", "--reason", "incident 43");
        assertEquals(0, twice.exit(), twice.all());
        assertTrue(twice.out().startsWith("reg: nothing to do: support_copilot is already frozen since ")
                && twice.out().contains(": incident 42 (this reason was not recorded)"), twice.out());
        s.reg.assertUnchangedSince(done);
    }
}
