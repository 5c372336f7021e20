package dev.reg.online;

import dev.reg.BadInputException;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlMap;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code slo:} section of a gate file: the objective (the share of good events, e.g. 0.995), the
 * window the error budget is counted over (default 30d) and what a good event is
 * ({@link SloExpression}).
 * <pre>
 * slo:
 *   objective: 0.995
 *   window: 30d
 *   good: success &amp;&amp; latency_ms &lt;= 1200 &amp;&amp; severity != sev1
 * </pre>
 *
 * @param line the line of the good: condition, for messages
 */
public record SloSpec(String file, double objective, Duration window, SloExpression good, int line) {
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    /** The gate file's slo: section, if it has one. */
    public static Optional<SloSpec> fromGateFile(YamlDocument gateFile) {
        return gateFile.rootMap().optMap("slo").map(SloSpec::read);
    }

    public static SloSpec read(YamlMap m) {
        String file = m.document().file();
        m.requireOnly(List.of("objective", "window", "good", "description"));
        m.optString("description");
        if (!m.has("objective")) {
            throw BadInputException.at(file, m.line(), "slo: missing objective, the share of good events (e.g. objective: 0.995)");
        }
        double objective = m.optNumber("objective").orElseThrow();
        if (!(objective > 0 && objective < 1)) {
            throw m.error("objective", "expected the share of good events, between 0 and 1 (e.g. 0.995 for 99.5 %)");
        }
        Duration window = DEFAULT_WINDOW;
        if (m.has("window")) {
            try {
                window = Durations.parse(m.requireString("window"), "window");
            } catch (BadInputException e) {
                throw m.error("window", e.getMessage().substring("window: ".length()));
            }
        }
        String good = m.requireString("good");
        SloExpression expression;
        try {
            expression = SloExpression.parse(good);
        } catch (SloExpression.SyntaxError e) {
            throw m.error("good", e.getMessage() + " in \"" + good + "\"");
        }
        return new SloSpec(file, objective, window, expression, m.line("good"));
    }

    /** The share of events allowed to be bad: {@code 1 - objective}. */
    public double budget() {
        return 1 - objective;
    }
}
