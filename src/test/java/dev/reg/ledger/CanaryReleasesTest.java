package dev.reg.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.registry.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which release is live while a canary runs: the last shipped one; a canary counts as live from its promotion. */
class CanaryReleasesTest {
    private static LedgerEntry entry(int n, ReleaseStatus status, String decided, LedgerEvent... events) {
        return new LedgerEntry(n, status, "c" + n, Sha256.parse("sha256:" + String.format("%064x", n)), List.of(), decided, "ops", null,
                "pass", null, null, null, null, true, List.of(events));
    }

    private static LedgerEvent event(ReleaseStatus s, String at) {
        return new LedgerEvent(s, at, "ops", null);
    }

    private static final LedgerEntry ONE = entry(1, ReleaseStatus.SHIPPED, "2026-11-20T10:00:00Z");

    @Test
    void whileACanaryRunsTheLastShippedReleaseIsLive() {
        Ledger l = new Ledger("wf", Optional.empty(), List.of(ONE,
                entry(2, ReleaseStatus.CANARY, "2026-11-21T10:00:00Z", event(ReleaseStatus.CANARY, "2026-11-21T10:00:00Z"))));
        assertEquals(1, Releases.live(l).orElseThrow().n());
        assertEquals(2, Releases.canary(l).orElseThrow().n());
        assertEquals(2, Releases.current(l).orElseThrow().n(), "a rollback ends the canary");
        assertEquals(1, Releases.liveAt(l, Instant.parse("2026-11-22T00:00:00Z")).orElseThrow().n());
        assertTrue(Releases.lastGood(l).map(e -> e.n() == 1).orElse(false), "a canary is no baseline");
    }

    @Test
    void aPromotedCanaryIsLiveFromItsPromotion() {
        Ledger l = new Ledger("wf", Optional.empty(), List.of(ONE, entry(2, ReleaseStatus.SHIPPED, "2026-11-21T10:00:00Z",
                event(ReleaseStatus.CANARY, "2026-11-21T10:00:00Z"), event(ReleaseStatus.SHIPPED, "2026-11-22T10:00:00Z"))));
        assertEquals(2, Releases.live(l).orElseThrow().n());
        assertTrue(Releases.canary(l).isEmpty());
        assertEquals(1, Releases.liveAt(l, Instant.parse("2026-11-22T09:59:59Z")).orElseThrow().n());
        assertEquals(2, Releases.liveAt(l, Instant.parse("2026-11-22T10:00:00Z")).orElseThrow().n());
        assertTrue(Releases.wasCanary(l.entry(2).orElseThrow()));
    }

    @Test
    void aCanaryRolledBackWasNeverLive() {
        Ledger l = new Ledger("wf", Optional.empty(), List.of(ONE, entry(2, ReleaseStatus.ROLLED_BACK, "2026-11-21T10:00:00Z",
                event(ReleaseStatus.CANARY, "2026-11-21T10:00:00Z"), event(ReleaseStatus.ROLLED_BACK, "2026-11-21T12:00:00Z"))));
        assertEquals(1, Releases.liveAt(l, Instant.parse("2026-11-21T11:00:00Z")).orElseThrow().n());
        assertTrue(Releases.liveSince(l.entry(2).orElseThrow()).isEmpty());
    }

    @Test
    void theLedgerReadsBackItsCanaryStatusAndEvents() {
        Ledger l = new Ledger("wf", Optional.empty(), List.of(ONE,
                entry(2, ReleaseStatus.CANARY, "2026-11-21T10:00:00Z", event(ReleaseStatus.CANARY, "2026-11-21T10:00:00Z"))));
        Ledger back = Ledger.parse(l.render().getBytes(java.nio.charset.StandardCharsets.UTF_8), "wf");
        assertEquals(ReleaseStatus.CANARY, back.entry(2).orElseThrow().status());
        assertEquals(ReleaseStatus.CANARY, back.entry(2).orElseThrow().events().get(0).status());
    }
}
