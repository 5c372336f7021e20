package dev.reg.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SLO condition language: its grammar, its semantics for absent fields, and its errors with columns. */
class SloExpressionTest {
    @TempDir
    Path dir;

    static final String EVENTS = """
            {"event_id":"a","success":true,"latency_ms":800,"severity":"sev2","guardrail":{"pii":false},"scores":{"exact":0.9},"decision":"allow","release":3,"http_status":200,"cached":true}
            {"event_id":"b","success":true,"latency_ms":1500,"guardrail":{"pii":true},"scores":{"exact":0.4},"decision":"block"}
            {"event_id":"c","success":false,"latency_ms":300,"severity":"sev1","model":"cust-copilot-1.3.4","prompt_version":"2.3.0"}
            {"event_id":"d"}
            """;

    /** The ids of the events the condition holds for. */
    List<String> holds(String condition) {
        SloExpression x = SloExpression.parse(condition);
        List<String> out = new ArrayList<>();
        TelemetryReader.read(List.of(TelemetryInput.of(Fixtures.write(dir, "e.jsonl", EVENTS))), ReadOptions.STRICT, e -> {
            if (x.test(e)) {
                out.add(e.eventId());
            }
        });
        return out;
    }

    @Test
    void designsExample() {
        // d has no success, no latency: both comparisons are false; severity != sev1 holds without a severity
        assertEquals(List.of("a"), holds("success && latency_ms <= 1200 && severity != sev1"));
        assertEquals(List.of("a", "b", "d"), holds("severity != sev1"));
        assertEquals(List.of("c"), holds("severity == sev1"));
    }

    @Test
    void anAbsentFieldMakesAComparisonFalse() {
        assertEquals(List.of("a", "c"), holds("latency_ms < 1000"));
        assertEquals(List.of("b"), holds("latency_ms >= 1000"));
        assertEquals(List.of("d"), holds("!(latency_ms < 1000) && !(latency_ms >= 1000)"));
        assertEquals(List.of("a"), holds("guardrail.pii == false"));
        assertEquals(List.of("b", "c", "d"), holds("guardrail.pii != false"));
        // a field alone is false when absent, and ! is plain negation: d (no success) passes !success
        assertEquals(List.of("a", "b", "c", "d"), holds("success || !success"));
        assertEquals(List.of("d"), holds("!success && !(success == false)"));
    }

    @Test
    void operatorsPrecedenceAndLiterals() {
        assertEquals(List.of("a", "c"), holds("success && latency_ms < 1000 || severity == sev1"));
        assertEquals(List.of("a", "c"), holds("(success && latency_ms < 1000) || severity == sev1"));
        assertEquals(List.of("a", "b"), holds("success && (latency_ms < 1000 || latency_ms > 1400)"));
        assertEquals(List.of("a"), holds("scores.exact > 0.5"));
        assertEquals(List.of("a"), holds("scores.exact >= 9e-1"));
        assertEquals(List.of("b"), holds("decision == \"block\""));
        assertEquals(List.of("b"), holds("decision == 'block'"));
        assertEquals(List.of("c"), holds("prompt_version == 2.3.0 && model == cust-copilot-1.3.4"));
        assertEquals(List.of("a"), holds("release == 3"));
        assertEquals(List.of("a"), holds("http_status == 200 && cached"));
        assertEquals(List.of("a"), holds("http_status < 300"));
        assertEquals(List.of(), holds("http_status == ok"));
        assertEquals(List.of("a", "b", "c", "d"), holds("true"));
        assertEquals(List.of(), holds("!true || false"));
        assertEquals(List.of("a", "b"), holds("!!success"));
    }

    static void error(String condition, int column, String fragment) {
        SloExpression.SyntaxError e = assertThrows(SloExpression.SyntaxError.class, () -> SloExpression.parse(condition));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void errorsNameTheColumn() {
        error("success &&", 11, "expected a condition, found the end of the condition");
        error("success & latency_ms < 5", 9, "unexpected character '&' (and is &&");
        error("latency_ms = 5", 12, "unexpected character '=' (equality is ==)");
        error("latency_ms <= fast", 1, "latency_ms is a number: compare it with a number");
        error("severity < sev1", 1, "severity is not a number: < compares numbers");
        error("success == yes", 1, "success is true or false");
        error("latency_ms", 1, "latency_ms is not true or false by itself");
        error("(success && latency_ms < 5", 27, "expected ')' to close the '(' at column 1");
        error("success latency_ms", 9, "expected && or || or the end");
        error("foo.bar == 1", 1, "unknown field 'foo.bar'");
        error("1200 >= latency_ms", 1, "a comparison starts with the field");
        error("severity == \"sev1", 13, "no closing \"");
        error("latency_ms < ", 14, "expected a value after '<'");
        error("latency_ms < -x", 14, "'-x' is not a number");
    }
}
