package dev.reg.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reg.registry.ContentHasher;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Online readouts recorded in the registry under {@code registry/online/<workflow>/}: one small JSON
 * file per readout (the figures and the input files' names, sizes and sha256 — never the events),
 * named by what it is, the release it judged and when it was recorded, e.g.
 * {@code canary-release-3-20261120T100000Z.json}. A recorded readout is immutable evidence
 * ({@code reg validate}'s REG035): a new readout is a new file.
 */
public final class RecordedReadouts {
    public static final String CANARY = "canary";
    public static final String DRIFT = "drift";
    public static final String BUDGET = "budget";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RecordedReadouts() {
    }

    /** A recorded readout: its path, the sha256 of its bytes, and its JSON. */
    public record Recorded(String path, String sha256, JsonNode json) {
        public String format() {
            return json.path("format").asText("");
        }

        /** The release it judged, or null. */
        public Integer release() {
            JsonNode r = json.get("release");
            return r != null && r.canConvertToInt() ? r.intValue() : null;
        }

        public String recorded() {
            return json.path("recorded").asText("");
        }

        /** A canary readout's verdict, or empty. */
        public String verdict() {
            return json.path("verdict").asText("");
        }
    }

    /**
     * A free path for a new readout of {@code kind} in {@code view}: {@code <kind>[-release-N]-<UTC stamp>.json},
     * with {@code -2}, {@code -3} … when one was already recorded in the same second.
     */
    public static String newPath(RegistryView view, String workflow, String kind, Integer release, Instant at) {
        String base = RegistryLayout.online(workflow) + "/" + kind + (release == null ? "" : "-release-" + release) + "-" + STAMP.format(at);
        String path = base + ".json";
        for (int i = 2; view.kind(path) != RegistryView.EntryKind.MISSING; i++) {
            path = base + "-" + i + ".json";
        }
        return path;
    }

    /** Every JSON file under the workflow's folder that reads as a JSON object, in file-name order; others are skipped. */
    public static List<Recorded> all(RegistryView view, String workflow) {
        String folder = RegistryLayout.online(workflow);
        List<Recorded> out = new ArrayList<>();
        for (Map.Entry<String, RegistryView.EntryKind> f : view.children(folder).entrySet()) {
            if (!f.getKey().endsWith(".json") || f.getValue() != RegistryView.EntryKind.FILE) {
                continue;
            }
            String path = folder + "/" + f.getKey();
            Optional<byte[]> bytes = view.read(path);
            if (bytes.isEmpty()) {
                continue;
            }
            try {
                JsonNode json = OnlineJson.MAPPER.readTree(bytes.get());
                if (json != null && json.isObject()) {
                    out.add(new Recorded(path, ContentHasher.hashBytes(bytes.get()).toString(), json));
                }
            } catch (java.io.IOException e) {
                // not a readout: the report lists it as a finding; here it is simply not evidence
            }
        }
        out.sort(Comparator.comparing(Recorded::path));
        return out;
    }

    /** The canary readouts recorded for {@code release}, oldest first (by recording time, then file name). */
    public static List<Recorded> canary(RegistryView view, String workflow, int release) {
        return all(view, workflow).stream()
                .filter(r -> r.format().equals(CanaryJson.FORMAT) && Integer.valueOf(release).equals(r.release()))
                .sorted(Comparator.comparing(Recorded::recorded).thenComparing(Recorded::path))
                .toList();
    }
}
