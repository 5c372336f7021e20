package dev.reg.validate;

import dev.reg.composite.CompositeService;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.ledger.ReleaseStatus;
import dev.reg.registry.Registry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REG035 online-readout-modified: a readout recorded under registry/online/ is immutable evidence; and
 * the ledger's canary stage under REG025 (a canary is tagged, and ends before the next release).
 */
class OnlineReadoutRuleTest {
    static final String READOUT = "registry/online/support_copilot/canary-release-3-20261120T100000Z.json";

    @TempDir
    Path dir;

    private Fixture recorded() {
        Fixture x = Fixture.supportCopilot(dir);
        x.write(READOUT, "{\"format\": \"reg.canary/1\", \"release\": 3, \"verdict\": \"continue\"}\n");
        x.commit("record canary readout");
        x.git("checkout", "-q", "-b", "pr");
        return x;
    }

    @Test
    void reg035EditedReadoutFails() {
        Fixture x = recorded();
        x.write(READOUT, "{\"format\": \"reg.canary/1\", \"release\": 3, \"verdict\": \"promote\"}\n");
        x.commit("massage the evidence");
        x.validate("--base", "main").expect("REG035", READOUT, 0);
    }

    @Test
    void reg035RemovedReadoutFails() {
        Fixture x = recorded();
        x.git("rm", "-q", READOUT);
        x.commit("drop the evidence");
        x.validate("--base", "main").expect("REG035", READOUT, 0);
    }

    @Test
    void reg035NewReadoutPasses() {
        Fixture x = recorded();
        x.write("registry/online/support_copilot/canary-release-3-20261120T110000Z.json",
                "{\"format\": \"reg.canary/1\", \"release\": 3, \"verdict\": \"promote\"}\n");
        x.commit("record a later readout");
        x.validate("--base", "main").expectNone("REG035");
    }

    /** A ledger whose release 1 is a canary ({@code tagged} as given), followed by release 2 when {@code followed}. */
    private Fixture canaryLedger(boolean tagged, boolean followed) {
        Fixture x = Fixture.supportCopilot(dir);
        try (Registry registry = Registry.open(x.root())) {
            var c = CompositeService.of(registry.head(), "support_copilot").composite();
            List<LedgerEvent> started = List.of(new LedgerEvent(ReleaseStatus.CANARY, "2026-11-20T10:00:00Z", "Reg Test", null));
            LedgerEntry canary = new LedgerEntry(1, ReleaseStatus.CANARY, c.longForm(), c.digest(), c.components(), "2026-11-20T10:00:00Z",
                    "Reg Test <reg-test@example.com>", null, null, null, null, null, null, tagged, started);
            LedgerEntry next = new LedgerEntry(2, ReleaseStatus.HELD, c.longForm(), c.digest(), c.components(), "2026-11-21T10:00:00Z",
                    "Reg Test <reg-test@example.com>", null, null, null, null, null, null, false, List.of());
            x.write(Ledger.path("support_copilot"), new Ledger("support_copilot", Optional.empty(), followed ? List.of(canary, next)
                    : List.of(canary)).render());
        }
        return x;
    }

    @Test
    void aTaggedRunningCanaryIsAConsistentLedger() {
        canaryLedger(true, false).validate().expectNone("REG025");
    }

    @Test
    void anUntaggedCanaryIsInconsistent() {
        Fixture x = canaryLedger(false, false);
        String path = Ledger.path("support_copilot");
        x.validate().expect("REG025", path, x.lineOf(path, "tagged: false"));
    }

    @Test
    void aCanaryStillRunningWhenTheNextReleaseCameIsInconsistent() {
        Fixture x = canaryLedger(true, true);
        String path = Ledger.path("support_copilot");
        x.validate().expect("REG025", path, x.lineOf(path, "status: canary"));
    }
}
