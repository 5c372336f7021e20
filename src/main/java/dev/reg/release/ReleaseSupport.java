package dev.reg.release;

import dev.reg.registry.Trailer;
import dev.reg.composite.Composite;
import dev.reg.RefusedException;
import dev.reg.registry.Registry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What release, rollback and the incident controls share: refusing over uncommitted work, times, messages. */
final class ReleaseSupport {
    private ReleaseSupport() {
    }

    /** Refuses (exit 3) when any of {@code paths} has uncommitted changes, naming them; nothing is touched. */
    static void requireClean(Registry registry, Collection<String> paths, String action) {
        List<String> dirty = registry.status().uncommittedPaths(paths);
        if (!dirty.isEmpty()) {
            throw new RefusedException(action + " would overwrite uncommitted changes in " + String.join(", ", limit(dirty))
                    + "; commit or stash them first — nothing was changed");
        }
    }

    private static List<String> limit(List<String> paths) {
        return paths.size() <= 10 ? paths : List.of(String.join(", ", paths.subList(0, 10)), "… (" + paths.size() + " paths)");
    }

    /** The decision time reg records: UTC, to the second. */
    static String now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A value fit for a one-line trailer. */
    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Trailers shared by release and rollback commits and tags; null values are left out. */
    static Map<String, String> trailers(String workflow, int n, Composite composite, Decision decision, String run) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(Trailer.WORKFLOW.key(), workflow);
        t.put(Trailer.RELEASE.key(), Integer.toString(n));
        t.put(Trailer.COMPOSITE_DIGEST.key(), composite.digest().toString());
        t.put(Trailer.DECISION.key(), decision.label());
        t.put(Trailer.RUN.key(), run);
        return t;
    }

    /** {@code title}, a blank line, {@code body} (if any), a blank line and the trailers. */
    static String message(String title, String body, Map<String, String> trailers) {
        StringBuilder sb = new StringBuilder(oneLine(title)).append("\n\n");
        if (body != null && !body.isBlank()) {
            sb.append(body.strip()).append("\n\n");
        }
        for (Map.Entry<String, String> e : trailers.entrySet()) {
            if (e.getValue() != null) {
                sb.append(e.getKey()).append(": ").append(oneLine(e.getValue())).append('\n');
            }
        }
        return sb.toString();
    }
}
