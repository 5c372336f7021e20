package dev.reg.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reg.BadInputException;
import dev.reg.online.BudgetReadout.Alert;
import dev.reg.online.BudgetReadout.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error budgets and burn rates on a synthetic 30-day window worked out by hand. Every scenario has
 * one good event per minute for 30 days, at second 30 of each minute, the last one at
 * 2025-09-30T12:00:30Z, so a window of w minutes ending at the latest event's minute (12:00) holds
 * exactly w background events: 5 in 5m, 30 in 30m, 60 in 1h, 120 in 2h, 360 in 6h, 1,440 in 1d,
 * 4,320 in 3d and 43,200 in 30d. The objective is 0.999: the budget is 0.1 % of events, and a burn
 * rate is the error ratio divided by 0.001. Bad events are added on top.
 */
class BudgetTest {
    @TempDir
    Path dir;

    static final Instant LAST = Instant.parse("2025-09-30T12:00:30Z");
    static final String SLO = """
            slo:
              objective: 0.999
              window: 30d
              good: success && latency_ms <= 1200 && severity != sev1
            """;

    static SloSpec slo() {
        return SloSpec.fromGateFile(Fixtures.gateFile(SLO)).orElseThrow();
    }

    /** The background plus {@code extra} lines. */
    BudgetReadout run(String extra, Instant now) {
        StringBuilder sb = new StringBuilder(43_200 * 80);
        for (int m = 43_199; m >= 0; m--) {
            sb.append("{\"timestamp\":\"").append(LAST.minusSeconds(60L * m)).append("\",\"success\":true,\"latency_ms\":500}\n");
        }
        sb.append(extra);
        Path f = Fixtures.write(dir, "events.jsonl", sb.toString());
        return BudgetAnalysis.run(slo(), List.of(TelemetryInput.of(f)), ReadOptions.STRICT, now);
    }

    /** {@code n} bad events (three kinds of bad, in turn) at an instant. */
    static String bad(int n, String at) {
        String[] kinds = {"\"success\":false,\"latency_ms\":500", "\"success\":true,\"latency_ms\":2000", "\"success\":true,\"latency_ms\":500,\"severity\":\"sev1\""};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"timestamp\":\"").append(at).append("\",").append(kinds[i % 3]).append("}\n");
        }
        return sb.toString();
    }

    static String good(int n, String at) {
        return ("{\"timestamp\":\"" + at + "\",\"success\":true,\"latency_ms\":300,\"severity\":\"sev3\"}\n").repeat(n);
    }

    static List<Boolean> firing(BudgetReadout r) {
        return r.alerts().stream().map(Alert::firing).toList();
    }

    static double burn(BudgetReadout r, String window) {
        return r.burnRates().stream().filter(b -> Durations.format(b.window()).equals(window)).findFirst().orElseThrow().rate();
    }

    @Test
    void allGoodSpendsNothing() {
        BudgetReadout r = run("", null);
        assertEquals(LAST.toEpochMilli(), r.evaluatedAt());
        assertEquals(43_200, r.events());
        assertEquals(0, r.bad());
        assertEquals(0, r.spent());
        assertEquals(List.of(false, false, false, false), firing(r));
        assertEquals(Status.OK, r.status());
        assertEquals(5, r.burnRates().get(0).events());
        assertEquals(4320, r.burnRates().get(6).events());
    }

    @Test
    void pageOneHourAndFiveMinutes() {
        // 2 bad at 11:58. 5m: 2 of 7 = 0.2857, burn 285.7 > 14.4; 1h: 2 of 62 = 0.0323, burn 32.3 > 14.4: page.
        // 6h: 2 of 362, burn 5.52 < 6 (6h/30m quiet); 1d: 2 of 1442, burn 1.39 < 3; 3d: 2 of 4322, burn 0.46 < 1.
        // Budget: 2 of 43,202 = 0.0000463, spent 4.63 %.
        BudgetReadout r = run(bad(2, "2025-09-30T11:58:00Z"), null);
        assertEquals(List.of(true, false, false, false), firing(r));
        assertEquals(Status.PAGE, r.status());
        assertEquals(2.0 / 7 / 0.001, burn(r, "5m"), 1e-6);
        assertEquals(2.0 / 62 / 0.001, burn(r, "1h"), 1e-6);
        assertEquals(2.0 / 362 / 0.001, burn(r, "6h"), 1e-6);
        assertEquals(2.0 / 43_202 / 0.001, r.spent(), 1e-9);
        assertFalse(r.exhausted());
    }

    @Test
    void pageSixHoursAndThirtyMinutes() {
        // 3 bad at 11:40: 30m: 3 of 33, burn 90.9 > 6; 6h: 3 of 363, burn 8.26 > 6: page. The 5m window holds none
        // (11:56..12:00): burn 0, so 1h/5m is quiet although 1h burns at 3 of 63 = 47.6.
        // 1d: 3 of 1443, burn 2.08 < 3; 3d: 3 of 4323, burn 0.69 < 1.
        BudgetReadout r = run(bad(3, "2025-09-30T11:40:10Z"), null);
        assertEquals(List.of(false, true, false, false), firing(r));
        assertEquals(Status.PAGE, r.status());
        assertEquals(0, burn(r, "5m"));
        assertEquals(3.0 / 63 / 0.001, burn(r, "1h"), 1e-6);
        assertEquals(3.0 / 363 / 0.001, burn(r, "6h"), 1e-6);
    }

    @Test
    void ticketOneDayAndTwoHours() {
        // 5 bad at 10:30 (in 2h = 10:01..12:00, not in 1h): 2h: 5 of 125, burn 40 > 3; 1d: 5 of 1445, burn 3.46 > 3: ticket.
        // 30m: 0 bad, so 6h/30m is quiet (6h burns at 5 of 365 = 13.7). 5,000 good events on 2025-09-28 (in 3d, not 1d)
        // keep 3d at 5 of 9,325 = burn 0.54 < 1.
        BudgetReadout r = run(bad(5, "2025-09-30T10:30:00Z") + good(5000, "2025-09-28T00:00:00Z"), null);
        assertEquals(List.of(false, false, true, false), firing(r));
        assertEquals(Status.TICKET, r.status());
        assertEquals(5.0 / 125 / 0.001, burn(r, "2h"), 1e-6);
        assertEquals(5.0 / 1445 / 0.001, burn(r, "1d"), 1e-6);
        assertEquals(5.0 / 9325 / 0.001, burn(r, "3d"), 1e-6);
    }

    @Test
    void ticketThreeDaysAndSixHours() {
        // 5 bad on 2025-09-28 at 12:00 (in 3d, not 1d) and 1 bad today at 08:00 (in 6h, not 2h):
        // 3d: 6 of 4,326, burn 1.39 > 1; 6h: 1 of 361, burn 2.77 > 1: ticket. 1d: 1 of 1,441, burn 0.69 < 3;
        // 6h burns under 6 and 30m/5m hold no bad event: no page.
        BudgetReadout r = run(bad(5, "2025-09-28T12:00:30Z") + bad(1, "2025-09-30T08:00:00Z"), null);
        assertEquals(List.of(false, false, false, true), firing(r));
        assertEquals(Status.TICKET, r.status());
        assertEquals(6.0 / 4326 / 0.001, burn(r, "3d"), 1e-6);
        assertEquals(1.0 / 361 / 0.001, burn(r, "6h"), 1e-6);
    }

    @Test
    void anExhaustedBudgetFreezesWithoutABurnAlert() {
        // 50 bad on 2025-09-05, long before every burn window: 50 of 43,250 = 0.001156, spent 115.6 %: exhausted
        BudgetReadout r = run(bad(50, "2025-09-05T00:00:00Z"), null);
        assertEquals(List.of(false, false, false, false), firing(r));
        assertEquals(50.0 / 43_250 / 0.001, r.spent(), 1e-9);
        assertTrue(r.exhausted());
        assertTrue(r.remaining() < 0);
        assertEquals(Status.OK, r.status());
        // events older than the 30-day window do not count
        BudgetReadout old = run(bad(50, "2025-08-01T00:00:00Z"), null);
        assertEquals(0, old.spent());
        assertEquals(43_200, old.events());
    }

    @Test
    void aGivenNowLeavesLaterEventsOut() {
        // evaluated at 11:59:59: minute 11:59 ends every window; the 12:00:30 event is after now
        BudgetReadout r = run(bad(2, "2025-09-30T11:58:00Z"), Instant.parse("2025-09-30T11:59:59Z"));
        assertEquals(1, r.afterNow());
        assertEquals(2.0 / 7 / 0.001, burn(r, "5m"), 1e-6); // minutes 11:55..11:59: 5 background + 2 bad
        assertEquals(Instant.parse("2025-09-30T11:59:59Z").toEpochMilli(), r.evaluatedAt());
    }

    @Test
    void noEventsIsUnknown() {
        Path f = Fixtures.write(dir, "none.jsonl", "{\"success\":true}\n");
        BudgetReadout r = BudgetAnalysis.run(slo(), List.of(TelemetryInput.of(f)), ReadOptions.STRICT, null);
        assertEquals(Status.UNKNOWN, r.status());
        assertNull(r.evaluatedAt());
        assertEquals(1, r.untimed());
        assertFalse(r.exhausted());
    }

    @Test
    void jsonAndText() throws Exception {
        BudgetReadout r = run(bad(2, "2025-09-30T11:58:00Z"), null);
        JsonNode j = new ObjectMapper().readTree(BudgetJson.render(r));
        assertEquals("reg.budget/1", j.get("format").asText());
        assertEquals("page", j.get("status").asText());
        assertEquals("2025-09-30T12:00:30Z", j.get("evaluated_at").asText());
        assertEquals(2, j.at("/budget/bad").asLong());
        assertEquals("1h", j.at("/alerts/0/long").asText());
        assertTrue(j.at("/alerts/0/firing").asBoolean());
        assertEquals("30d", j.at("/slo/window").asText());
        assertEquals(4, j.at("/slo/line").asInt());
        assertTrue(BudgetJson.text(r).contains("FIRING page: 1h and 5m above 14.4"), BudgetJson.text(r));
    }

    @Test
    void sloSectionErrorsNameLineAndColumn() {
        BadInputException e = assertThrows(BadInputException.class, () -> SloSpec.fromGateFile(Fixtures.gateFile(
                "slo:\n  objective: 0.995\n  good: success && latency_ms <= fast\n")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("slo.good: column 12: latency_ms is a number"), e.getMessage());
        BadInputException o = assertThrows(BadInputException.class, () -> SloSpec.fromGateFile(Fixtures.gateFile(
                "slo:\n  objective: 99.5\n  good: success\n")));
        assertEquals(2, o.line());
        BadInputException w = assertThrows(BadInputException.class, () -> SloSpec.fromGateFile(Fixtures.gateFile(
                "slo:\n  objective: 0.99\n  window: 30 days\n  good: success\n")));
        assertEquals(3, w.line());
        assertEquals(Duration.ofDays(7), SloSpec.fromGateFile(Fixtures.gateFile("slo:\n  objective: 0.99\n  window: 7d\n  good: success\n"))
                .orElseThrow().window());
    }
}
