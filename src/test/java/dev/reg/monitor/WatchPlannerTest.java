package dev.reg.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.ledger.Freeze;
import dev.reg.ledger.Ledger;
import dev.reg.ledger.LedgerEntry;
import dev.reg.ledger.LedgerEvent;
import dev.reg.ledger.ReleaseStatus;
import dev.reg.monitor.WatchPlanner.Plan;
import dev.reg.monitor.WatchPlanner.Signals;
import dev.reg.online.BudgetReadout.Status;
import dev.reg.online.Level;
import dev.reg.online.Verdict;
import dev.reg.registry.Sha256;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every case of reg watch's decision, from readouts and a ledger alone. */
class WatchPlannerTest {
    private static Sha256 digest(int i) {
        return Sha256.parse("sha256:" + String.format("%064x", i));
    }

    private static LedgerEntry entry(int n, ReleaseStatus status, int composite, boolean tagged, LedgerEvent... events) {
        return new LedgerEntry(n, status, "composite-" + composite, digest(composite), List.of(), "2026-11-2" + n + "T10:00:00Z", "ops",
                null, "pass", null, null, null, null, tagged, List.of(events));
    }

    /** Release 1 and 2 shipped: 2 is live, 1 the last good before it. */
    private static Ledger twoShipped() {
        return new Ledger("wf", Optional.empty(), List.of(entry(1, ReleaseStatus.SHIPPED, 1, true), entry(2, ReleaseStatus.SHIPPED, 2, true)));
    }

    private static Ledger withCanary(Ledger l) {
        List<LedgerEntry> e = new ArrayList<>(l.entries());
        e.add(entry(3, ReleaseStatus.CANARY, 3, true, new LedgerEvent(ReleaseStatus.CANARY, "2026-11-23T10:00:00Z", "ops", null)));
        return new Ledger("wf", l.frozen(), e);
    }

    private static Signals signals(Level drift, Status budget, boolean exhausted, Verdict canary) {
        return new Signals(drift, drift == Level.RED ? List.of("latency_ms PSI 0.9") : List.of(), budget, exhausted, canary, List.of(), null);
    }

    @Test
    void greenWhenEverySignalIsKnownAndFine() {
        Plan p = WatchPlanner.plan(signals(Level.GREEN, Status.OK, false, null), twoShipped());
        assertEquals("green", p.status());
        assertFalse(p.acts());
    }

    @Test
    void yellowDriftAndATicketBurnDoNotAct() {
        Plan p = WatchPlanner.plan(signals(Level.YELLOW, Status.TICKET, false, null), twoShipped());
        assertEquals("green", p.status());
        assertFalse(p.acts());
    }

    @Test
    void tooLittleDataIsUnknownAndNeverActs() {
        assertEquals("unknown", WatchPlanner.plan(signals(Level.UNKNOWN, Status.OK, false, null), twoShipped()).status());
        assertEquals("unknown", WatchPlanner.plan(signals(null, Status.UNKNOWN, false, null), twoShipped()).status());
        assertFalse(WatchPlanner.plan(signals(Level.UNKNOWN, Status.UNKNOWN, false, null), twoShipped()).acts());
    }

    @Test
    void aCanaryStillCollectingIsUnknown() {
        Plan p = WatchPlanner.plan(signals(Level.GREEN, Status.OK, false, Verdict.CONTINUE), withCanary(twoShipped()));
        assertEquals("unknown", p.status());
        assertFalse(p.acts());
    }

    @Test
    void redDriftFreezesAndRollsTheLiveReleaseBack() {
        Plan p = WatchPlanner.plan(signals(Level.RED, Status.OK, false, null), twoShipped());
        assertEquals("act", p.status());
        assertTrue(p.freeze());
        assertEquals(2, p.rollbackFrom());
        assertEquals(1, p.rollbackTo());
        assertTrue(p.reasons().get(0).startsWith("drift red: latency_ms PSI 0.9"), p.reasons().toString());
    }

    @Test
    void aPageLevelBurnFreezesAndRollsBack() {
        Plan p = WatchPlanner.plan(signals(Level.GREEN, Status.PAGE, false, null), twoShipped());
        assertTrue(p.freeze());
        assertEquals(2, p.rollbackFrom());
    }

    @Test
    void anExhaustedBudgetOnlyFreezes() {
        Plan p = WatchPlanner.plan(signals(Level.GREEN, Status.TICKET, true, null), twoShipped());
        assertTrue(p.freeze());
        assertNull(p.rollbackFrom());
        assertEquals("act", p.status());
    }

    @Test
    void aCanaryPastItsStopLossIsRolledBackWithoutAFreeze() {
        Plan p = WatchPlanner.plan(signals(Level.GREEN, Status.OK, false, Verdict.ROLLBACK), withCanary(twoShipped()));
        assertFalse(p.freeze());
        assertEquals(3, p.rollbackFrom());
        assertEquals(2, p.rollbackTo());
    }

    @Test
    void redDriftDuringACanaryRollsTheCanaryBack() {
        Plan p = WatchPlanner.plan(signals(Level.RED, Status.OK, false, Verdict.CONTINUE), withCanary(twoShipped()));
        assertTrue(p.freeze());
        assertEquals(3, p.rollbackFrom());
        assertEquals(2, p.rollbackTo());
    }

    @Test
    void aFrozenWorkflowIsAnIncidentInHandSoASecondRunDoesNothing() {
        Ledger frozen = twoShipped().frozenBy(new Freeze("2026-11-25T10:00:00Z", "reg watch", "drift red"));
        Plan p = WatchPlanner.plan(signals(Level.RED, Status.PAGE, true, null), frozen);
        assertFalse(p.acts());
        assertEquals("held", p.status());
        assertTrue(p.notes().get(0).contains("already frozen"), p.notes().toString());
    }

    @Test
    void withoutAnEarlierGoodReleaseARedDriftOnlyFreezes() {
        Ledger one = new Ledger("wf", Optional.empty(), List.of(entry(1, ReleaseStatus.SHIPPED, 1, true)));
        Plan p = WatchPlanner.plan(signals(Level.RED, Status.OK, false, null), one);
        assertTrue(p.freeze());
        assertNull(p.rollbackFrom());
        assertTrue(p.notes().get(0).startsWith("nothing to roll back to"), p.notes().toString());
    }

    @Test
    void aReleaseMarkedBadIsNeverTheTarget() {
        Ledger l = new Ledger("wf", Optional.empty(), List.of(entry(1, ReleaseStatus.SHIPPED, 1, true),
                entry(2, ReleaseStatus.BAD, 2, true, new LedgerEvent(ReleaseStatus.BAD, "2026-11-22T11:00:00Z", "ops", "bad")),
                entry(3, ReleaseStatus.SHIPPED, 3, true)));
        Plan p = WatchPlanner.plan(signals(Level.RED, Status.OK, false, null), l);
        assertEquals(3, p.rollbackFrom());
        assertEquals(1, p.rollbackTo());
    }

    @Test
    void nothingLiveMeansNothingToRollBack() {
        Plan p = WatchPlanner.plan(signals(Level.RED, Status.OK, false, null), Ledger.empty("wf"));
        assertTrue(p.freeze());
        assertNull(p.rollbackFrom());
    }
}
