package dev.reg.ledger;

import dev.reg.composite.ComponentVersion;
import dev.reg.BadInputException;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.RegistryLayout;
import dev.reg.registry.RegistryView;
import dev.reg.registry.Sha256;
import dev.reg.yaml.YamlDocument;
import dev.reg.yaml.YamlMap;
import dev.reg.yaml.YamlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The release ledger {@code registry/releases/<workflow>.yaml}: every release decision in order of
 * {@code n}, whether the workflow is frozen, and every freeze and unfreeze. reg owns the whole file
 * and rewrites it; every change is a commit, so {@code git log} of the file is the audit trail.
 *
 * @param freezes every freeze and unfreeze in order; a ledger written before the log existed gets
 *     its current freeze as the log's last event
 */
public record Ledger(String workflow, Optional<Freeze> frozen, List<LedgerEntry> entries, List<FreezeEvent> freezes) {
    public Ledger {
        entries = List.copyOf(entries);
        if (frozen.isPresent() && (freezes.isEmpty() || !freezes.get(freezes.size() - 1).action().equals(FreezeEvent.FREEZE))) {
            Freeze f = frozen.get();
            List<FreezeEvent> log = new ArrayList<>(freezes);
            log.add(new FreezeEvent(FreezeEvent.FREEZE, f.since(), f.actor(), f.reason().isBlank() ? null : f.reason()));
            freezes = log;
        }
        freezes = List.copyOf(freezes);
    }

    public Ledger(String workflow, Optional<Freeze> frozen, List<LedgerEntry> entries) {
        this(workflow, frozen, entries, List.of());
    }

    public static String path(String workflow) {
        return RegistryLayout.ledger(workflow);
    }

    /** The ledger as stored in {@code view}; empty when the workflow never released there. */
    public static Ledger in(RegistryView view, String workflow) {
        return view.read(path(workflow)).map(b -> parse(b, workflow)).orElse(empty(workflow));
    }

    /** The ledger in {@code bytes}: read line by line when it is in reg's own rendering, as YAML otherwise. */
    public static Ledger parse(byte[] bytes, String workflow) {
        return LedgerText.read(bytes, workflow).orElseGet(() -> read(YamlDocument.parse(bytes, path(workflow)), workflow));
    }

    public static Ledger empty(String workflow) {
        return new Ledger(workflow, Optional.empty(), List.of());
    }

    public int nextNumber() {
        return entries.isEmpty() ? 1 : entries.get(entries.size() - 1).n() + 1;
    }

    public Optional<LedgerEntry> entry(int n) {
        return entries.stream().filter(e -> e.n() == n).findFirst();
    }

    public Ledger with(LedgerEntry changed) {
        List<LedgerEntry> out = new ArrayList<>();
        boolean replaced = false;
        for (LedgerEntry e : entries) {
            if (e.n() == changed.n()) {
                out.add(changed);
                replaced = true;
            } else {
                out.add(e);
            }
        }
        if (!replaced) {
            out.add(changed);
        }
        return new Ledger(workflow, frozen, out, freezes);
    }

    /** The ledger frozen by {@code f}, with the freeze in the log. */
    public Ledger frozenBy(Freeze f) {
        List<FreezeEvent> log = new ArrayList<>(freezes);
        log.add(new FreezeEvent(FreezeEvent.FREEZE, f.since(), f.actor(), f.reason()));
        return new Ledger(workflow, Optional.of(f), entries, log);
    }

    /** The ledger no longer frozen, with the unfreeze in the log; {@code reason} may be null. */
    public Ledger unfrozen(String at, String actor, String reason) {
        List<FreezeEvent> log = new ArrayList<>(freezes);
        log.add(new FreezeEvent(FreezeEvent.UNFREEZE, at, actor, reason));
        return new Ledger(workflow, Optional.empty(), entries, log);
    }

    public static Ledger read(YamlDocument doc, String expectedWorkflow) {
        YamlMap m = doc.rootMap();
        m.requireOnly(List.of("workflow", "frozen", "freezes", "releases"));
        String wf = m.requireString("workflow");
        if (expectedWorkflow != null && !wf.equals(expectedWorkflow)) {
            throw m.error("workflow", "is '" + wf + "' but the file is the ledger of '" + expectedWorkflow + "'");
        }
        Optional<Freeze> frozen = Optional.empty();
        if (m.has("frozen") && m.optMap("frozen").isPresent()) {
            YamlMap f = m.optMap("frozen").get();
            f.requireOnly(List.of("since", "actor", "reason"));
            frozen = Optional.of(new Freeze(f.optString("since").orElse(""), f.optString("actor").orElse(""),
                    f.optString("reason").orElse("")));
        }
        List<FreezeEvent> freezes = new ArrayList<>();
        for (YamlMap f : m.mapList("freezes")) {
            f.requireOnly(List.of("action", "at", "actor", "reason"));
            String action = f.requireString("action");
            if (!action.equals(FreezeEvent.FREEZE) && !action.equals(FreezeEvent.UNFREEZE)) {
                throw f.error("action", "is '" + action + "': expected freeze or unfreeze");
            }
            freezes.add(new FreezeEvent(action, f.optString("at").orElse(""), f.optString("actor").orElse(""),
                    f.optString("reason").orElse(null)));
        }
        List<LedgerEntry> entries = new ArrayList<>();
        int expectedN = 0;
        for (YamlMap e : m.mapList("releases")) {
            e.requireOnly(List.of("n", "status", "bad", "composite", "digest", "components", "decided", "actor", "run", "gate", "adr",
                    "reason", "rollback_from", "rollback_to", "tagged", "events"));
            int n = intField(e, "n");
            if (n <= expectedN) {
                throw e.error("n", "release numbers must increase (found " + n + " after " + expectedN + ")");
            }
            expectedN = n;
            ReleaseStatus status = status(e, "status");
            String digest = e.requireString("digest");
            if (!Sha256.isValid(digest)) {
                throw e.error("digest", "expected sha256:<64 lowercase hex digits>");
            }
            List<ComponentVersion> components = new ArrayList<>();
            for (YamlMap c : e.mapList("components")) {
                c.requireOnly(List.of("artifact", "version", "digest"));
                String d = c.requireString("digest");
                if (!Sha256.isValid(d)) {
                    throw c.error("digest", "expected sha256:<64 lowercase hex digits>");
                }
                try {
                    components.add(new ComponentVersion(ArtifactVersion.parse(c.requireString("artifact") + "@" + c.requireString("version")),
                            Sha256.parse(d)));
                } catch (BadInputException ex) {
                    throw c.error("artifact", ex.getMessage());
                }
            }
            BadMark bad = null;
            if (e.has("bad")) {
                YamlMap b = e.requireMap("bad");
                b.requireOnly(List.of("at", "actor", "reason"));
                bad = new BadMark(b.optString("at").orElse(""), b.optString("actor").orElse(""), b.optString("reason").orElse(null));
            }
            List<LedgerEvent> events = new ArrayList<>();
            for (YamlMap ev : e.mapList("events")) {
                ev.requireOnly(List.of("status", "at", "actor", "reason"));
                events.add(new LedgerEvent(status(ev, "status"), ev.optString("at").orElse(""), ev.optString("actor").orElse(""),
                        ev.optString("reason").orElse(null)));
            }
            entries.add(new LedgerEntry(n, status, e.requireString("composite"), Sha256.parse(digest), components,
                    e.optString("decided").orElse(""), e.optString("actor").orElse(""), e.optString("run").orElse(null),
                    e.optString("gate").orElse(null), e.optString("adr").orElse(null), e.optString("reason").orElse(null),
                    e.has("rollback_from") ? intField(e, "rollback_from") : null,
                    e.has("rollback_to") ? intField(e, "rollback_to") : null,
                    e.optBoolean("tagged").orElse(false), events, bad));
        }
        return new Ledger(wf, frozen, entries, freezes);
    }

    private static int intField(YamlMap m, String key) {
        double d = m.optNumber(key).orElseThrow(() -> m.error(key, "missing (a whole number)"));
        if (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
            throw m.error(key, "expected a whole number from 1, found " + d);
        }
        return (int) d;
    }

    private static ReleaseStatus status(YamlMap m, String key) {
        String s = m.requireString(key);
        try {
            return ReleaseStatus.parse(s);
        } catch (BadInputException e) {
            throw m.error(key, e.getMessage());
        }
    }

    /** The ledger as YAML; stable field order so each change shows as a small diff. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Release ledger of ").append(workflow).append(", written by reg: every change is a commit, so\n");
        sb.append("# 'git log -- ").append(path(workflow)).append("' is its audit trail.\n");
        sb.append("workflow: ").append(YamlText.scalar(workflow)).append('\n');
        if (frozen.isPresent()) {
            Freeze f = frozen.get();
            sb.append("frozen:\n");
            sb.append("  since: ").append(YamlText.scalar(f.since())).append('\n');
            sb.append("  actor: ").append(YamlText.scalar(f.actor())).append('\n');
            sb.append("  reason: ").append(YamlText.scalar(f.reason())).append('\n');
        }
        if (!freezes.isEmpty()) {
            sb.append("freezes:\n");
            for (FreezeEvent f : freezes) {
                sb.append("  - action: ").append(f.action()).append('\n');
                sb.append("    at: ").append(YamlText.scalar(f.at())).append('\n');
                sb.append("    actor: ").append(YamlText.scalar(f.actor())).append('\n');
                if (f.reason() != null) {
                    sb.append("    reason: ").append(YamlText.scalar(f.reason())).append('\n');
                }
            }
        }
        sb.append("releases:");
        if (entries.isEmpty()) {
            sb.append(" []");
        }
        sb.append('\n');
        for (LedgerEntry e : entries) {
            sb.append("  - n: ").append(e.n()).append('\n');
            line(sb, "status", e.status().label());
            if (e.bad() != null) {
                // the standing mark: it outlives the status (a bad release rolled back stays bad)
                sb.append("    bad:\n");
                sb.append("      at: ").append(YamlText.scalar(e.bad().at())).append('\n');
                sb.append("      actor: ").append(YamlText.scalar(e.bad().actor())).append('\n');
                if (e.bad().reason() != null) {
                    sb.append("      reason: ").append(YamlText.scalar(e.bad().reason())).append('\n');
                }
            }
            line(sb, "composite", e.composite());
            line(sb, "digest", e.digest().toString());
            sb.append("    components:\n");
            for (ComponentVersion c : e.components()) {
                sb.append("      - {artifact: ").append(YamlText.scalar(c.version().artifact().toString()))
                        .append(", version: ").append(YamlText.scalar(c.version().version().toString()))
                        .append(", digest: ").append(YamlText.scalar(c.digest().toString())).append("}\n");
            }
            line(sb, "decided", e.decided());
            line(sb, "actor", e.actor());
            line(sb, "run", e.run());
            line(sb, "gate", e.gate());
            line(sb, "adr", e.adr());
            line(sb, "reason", e.reason());
            if (e.rollbackFrom() != null) {
                sb.append("    rollback_from: ").append(e.rollbackFrom()).append('\n');
            }
            if (e.rollbackTo() != null) {
                sb.append("    rollback_to: ").append(e.rollbackTo()).append('\n');
            }
            sb.append("    tagged: ").append(e.tagged()).append('\n');
            if (!e.events().isEmpty()) {
                sb.append("    events:\n");
                for (LedgerEvent ev : e.events()) {
                    sb.append("      - status: ").append(ev.status().label()).append('\n');
                    sb.append("        at: ").append(YamlText.scalar(ev.at())).append('\n');
                    sb.append("        actor: ").append(YamlText.scalar(ev.actor())).append('\n');
                    if (ev.reason() != null) {
                        sb.append("        reason: ").append(YamlText.scalar(ev.reason())).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        if (value != null) {
            sb.append("    ").append(key).append(": ").append(YamlText.scalar(value)).append('\n');
        }
    }
}
