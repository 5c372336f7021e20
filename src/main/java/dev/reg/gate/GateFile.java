package dev.reg.gate;

import dev.reg.BadInputException;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow's gate file, {@code registry/gates/<workflow>.yaml}: the bars, the must-pass case ids
 * (every case tagged {@code must-pass} is must-pass too) and the default trial aggregation.
 */
public record GateFile(String path, List<BarSpec> bars, List<String> mustPass, TrialMode trials) {
    public GateFile {
        bars = List.copyOf(bars);
        mustPass = List.copyOf(mustPass);
    }

    static final List<String> BAR_KEYS = List.of("metric", "agg", "where", "equals", "min", "max", "tail_min", "tail_max", "max_drop",
            "min_gain", "vs", "trials");

    public static GateFile read(YamlDocument doc) {
        YamlMap root = doc.rootMap();
        // canary, drift and slo are the online readouts' sections (DESIGN.md section 2), read by dev.reg.online; the gate does not read them
        root.requireOnly(List.of("gates", "must_pass", "trials", "canary", "drift", "slo", "description"));
        root.optMap("canary");
        root.optMap("drift");
        root.optMap("slo");
        root.optString("description");
        TrialMode defaultTrials = root.optString("trials").map(t -> trialMode(root, "trials", t)).orElse(null);
        List<BarSpec> bars = new ArrayList<>();
        for (YamlMap b : root.mapList("gates")) {
            b.requireOnly(BAR_KEYS);
            String metric = b.requireString("metric");
            String aggText = b.optString("agg").orElse("mean");
            Aggregation agg = Aggregation.parse(aggText);
            if (agg == null) {
                throw b.error("agg", "unknown aggregation '" + aggText + "' (expected mean, p50, p90, p95, p99, min, max, count, rate or per_success)");
            }
            Map<String, String> where = new LinkedHashMap<>();
            Optional<YamlMap> w = b.optMap("where");
            if (w.isPresent()) {
                for (String k : w.get().keys()) {
                    Object v = w.get().toPlain().get(k);
                    if (v == null || v instanceof Map || v instanceof List) {
                        throw w.get().error(k, "expected a single value to match, e.g. domain: Support");
                    }
                    where.put(k, String.valueOf(v));
                }
            }
            String equals = b.optPlain("equals").map(String::valueOf).orElse(null);
            if (agg.counts() && equals == null && !metric.equals("error")) {
                throw b.error("agg", agg.label() + " counts the cases whose " + metric + " equals a value: add equals (e.g. equals: sev1)");
            }
            if (equals != null && !agg.counts()) {
                throw b.error("equals", "equals applies to count and rate only");
            }
            Double min = b.optNumber("min").orElse(null);
            Double max = b.optNumber("max").orElse(null);
            Double tailMin = b.optNumber("tail_min").orElse(null);
            Double tailMax = b.optNumber("tail_max").orElse(null);
            Double maxDrop = b.optNumber("max_drop").orElse(null);
            Double minGain = b.optNumber("min_gain").orElse(null);
            Optional<String> vs = b.optString("vs");
            if (vs.isPresent() && !vs.get().equals("baseline")) {
                throw b.error("vs", "expected baseline (the run of the last shipped release, or --baseline)");
            }
            boolean baseline = maxDrop != null || minGain != null;
            if (vs.isPresent() && !baseline) {
                throw b.error("vs", "a comparison with the baseline needs max_drop or min_gain");
            }
            if (maxDrop != null && maxDrop < 0) {
                throw b.error("max_drop", "must be at least 0");
            }
            if (min == null && max == null && tailMin == null && tailMax == null && !baseline) {
                throw BadInputException.at(doc.file(), b.line(), "gate on " + metric + " has no bar: give min, max, tail_min, tail_max, max_drop or min_gain");
            }
            TrialMode trials = b.optString("trials").map(t -> trialMode(b, "trials", t)).orElse(null);
            bars.add(new BarSpec(metric, agg, where, equals, min, max, tailMin, tailMax, maxDrop, minGain, baseline, trials, b.line()));
        }
        List<String> mustPass = root.stringList("must_pass");
        return new GateFile(doc.file(), bars, mustPass, defaultTrials);
    }

    private static TrialMode trialMode(YamlMap m, String key, String text) {
        TrialMode t = TrialMode.parse(text);
        if (t == null) {
            throw m.error(key, "expected all, mean or K-of-N (e.g. 2-of-3), found '" + text + "'");
        }
        return t;
    }
}
