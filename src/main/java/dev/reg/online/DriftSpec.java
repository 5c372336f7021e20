package dev.reg.online;

import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlMap;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code drift:} section of a gate file: yellow and red thresholds for PSI, the Jensen-Shannon
 * distance and the embedding's cosine distance, the events a field needs before it gets a level,
 * and the default window for rates. Absent keys take DESIGN's defaults.
 * <pre>
 * drift:
 *   psi: {yellow: 0.10, red: 0.25}
 *   js: {yellow: 0.10, red: 0.20}
 *   embedding: {yellow: 0.05, red: 0.10}
 *   min_events: 200
 *   window: 1h          # rates over the last hour of the current events (default: all of them)
 * </pre>
 *
 * @param window the default window for rates, or null for the whole current set
 */
public record DriftSpec(Level.Thresholds psi, Level.Thresholds js, Level.Thresholds embedding, long minEvents, Duration window) {
    public static final DriftSpec DEFAULTS = new DriftSpec(new Level.Thresholds(0.10, 0.25), new Level.Thresholds(0.10, 0.20),
            new Level.Thresholds(0.05, 0.10), 200, null);

    /** The gate file's drift: section, or the defaults. */
    public static DriftSpec fromGateFile(YamlDocument gateFile) {
        return gateFile.rootMap().optMap("drift").map(DriftSpec::read).orElse(DEFAULTS);
    }

    public static DriftSpec read(YamlMap m) {
        m.requireOnly(List.of("psi", "js", "embedding", "min_events", "window"));
        Level.Thresholds psi = thresholds(m, "psi", DEFAULTS.psi());
        Level.Thresholds js = thresholds(m, "js", DEFAULTS.js());
        Level.Thresholds emb = thresholds(m, "embedding", DEFAULTS.embedding());
        long minEvents = DEFAULTS.minEvents();
        Optional<Double> me = m.optNumber("min_events");
        if (me.isPresent()) {
            if (me.get() < 1 || me.get() != Math.rint(me.get())) {
                throw m.error("min_events", "expected a whole number of events, at least 1");
            }
            minEvents = me.get().longValue();
        }
        Duration window = null;
        if (m.has("window")) {
            String text = m.requireString("window");
            try {
                window = Durations.parse(text, "window");
            } catch (dev.reg.BadInputException e) {
                throw m.error("window", e.getMessage().substring("window: ".length()));
            }
        }
        return new DriftSpec(psi, js, emb, minEvents, window);
    }

    private static Level.Thresholds thresholds(YamlMap m, String key, Level.Thresholds defaults) {
        Optional<YamlMap> t = m.optMap(key);
        if (t.isEmpty()) {
            return defaults;
        }
        YamlMap x = t.get();
        x.requireOnly(List.of("yellow", "red"));
        double yellow = x.optNumber("yellow").orElse(defaults.yellow());
        double red = x.optNumber("red").orElse(defaults.red());
        if (!(yellow > 0)) {
            throw x.error("yellow", "expected a positive threshold");
        }
        if (!(red >= yellow)) {
            throw x.error(x.has("red") ? "red" : "yellow", "red (" + red + ") must be at least yellow (" + yellow + ")");
        }
        return new Level.Thresholds(yellow, red);
    }

    /** These thresholds with another window (a command-line --window). */
    public DriftSpec withWindow(Duration w) {
        return new DriftSpec(psi, js, embedding, minEvents, w);
    }
}
