package dev.reg.ledger;

import dev.reg.composite.ComponentVersion;
import dev.reg.registry.ArtifactVersion;
import dev.reg.registry.Sha256;
import dev.reg.yaml.YamlLimits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a ledger in the exact shape {@link Ledger#render()} writes, line by line, without building
 * a YAML node tree: a ledger of a thousand releases is most of the cost of {@code reg history} and
 * {@code reg rollback --dry-run} otherwise. It accepts only lines it is sure YAML reads the same
 * way (plain scalars that SnakeYAML's own resolver calls strings, single-quoted scalars) and
 * declines anything else — a hand edit, a comment, a double-quoted value, a malformed field — so
 * the full YAML reader handles it and reports errors with file and line.
 */
final class LedgerText {
    private static final Resolver RESOLVER = new Resolver();
    /**
     * The first characters of SnakeYAML's implicit (non-string) types: bool, int, float, merge,
     * null, timestamp, yaml. A plain scalar starting with any other ASCII character is a string.
     */
    static final String PLAIN_STRING_START = "yYnNtTfFoO-+0123456789.<~=!&*";
    private static final Pattern KEY_VALUE = Pattern.compile("([a-z_]+):(?: (.*))?");
    private static final Pattern COMPONENT = Pattern.compile("\\{artifact: ([^,{}\\[\\]]+), version: ([^,{}\\[\\]]+), digest: ([^,{}\\[\\]]+)\\}");
    private static final Set<String> ENTRY_KEYS = Set.of("status", "composite", "digest", "decided", "actor", "run", "gate", "adr",
            "reason", "rollback_from", "rollback_to", "tagged");

    private LedgerText() {
    }

    /** The ledger, or empty when the text is not in reg's own rendering (then read it as YAML). */
    static Optional<Ledger> read(byte[] bytes, String expectedWorkflow) {
        try {
            if (bytes.length > YamlLimits.MAX_BYTES) {
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.ofNullable(parse(text, expectedWorkflow));
        } catch (CharacterCodingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Ledger parse(String text, String expectedWorkflow) {
        if (text.startsWith("\uFEFF") || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0) {
            return null;
        }
        String workflow = null;
        Map<String, String> frozen = null;
        Items freezes = null;
        boolean releases = false;
        List<LedgerEntry> entries = new ArrayList<>();
        Map<String, String> entry = null;
        List<ComponentVersion> components = null;
        Items events = null;
        Map<String, String> bad = null;
        String block = null; // "frozen", "freezes", "components", "events", "bad" while inside one
        // most component lines repeat from release to release (a model that did not change): parse each once
        Map<String, ComponentVersion> seen = new java.util.HashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || (line.startsWith("#") && workflow == null)) {
                continue;
            }
            if (!line.startsWith(" ")) {
                block = null;
                Matcher kv = KEY_VALUE.matcher(line);
                if (!kv.matches() || entry != null || releases) {
                    return null;
                }
                switch (kv.group(1)) {
                    case "workflow" -> {
                        if (workflow != null) {
                            return null;
                        }
                        workflow = value(kv.group(2));
                    }
                    case "frozen" -> {
                        if (kv.group(2) != null || frozen != null) {
                            return null;
                        }
                        frozen = new LinkedHashMap<>();
                        block = "frozen";
                    }
                    case "freezes" -> {
                        if (kv.group(2) != null || freezes != null) {
                            return null;
                        }
                        freezes = new Items("action");
                        block = "freezes";
                    }
                    case "releases" -> {
                        if (kv.group(2) != null && !kv.group(2).equals("[]")) {
                            return null;
                        }
                        releases = kv.group(2) == null;
                        if (!releases) {
                            block = "done";
                        }
                    }
                    default -> {
                        return null;
                    }
                }
                if (workflow == null && !kv.group(1).equals("workflow")) {
                    return null;
                }
                continue;
            }
            if ("done".equals(block)) {
                return null;
            }
            if ("frozen".equals(block)) {
                Matcher kv = KEY_VALUE.matcher(line.substring(2));
                if (!line.startsWith("  ") || line.startsWith("   ") || !kv.matches() || !Set.of("since", "actor", "reason").contains(kv.group(1))
                        || frozen.put(kv.group(1), value(kv.group(2))) != null) {
                    return null;
                }
                continue;
            }
            if ("freezes".equals(block)) {
                boolean starts = line.startsWith("  - ");
                if (!(starts || line.startsWith("    ")) || line.startsWith("     ") || !freezes.accept(starts, line.substring(4))) {
                    return null;
                }
                continue;
            }
            if (!releases) {
                return null;
            }
            if (line.startsWith("  - n: ")) {
                if (entry != null) {
                    entries.add(entry(entry, components, events, bad));
                }
                entry = new LinkedHashMap<>();
                entry.put("n", integer(line.substring(7)));
                components = null;
                events = null;
                bad = null;
                block = null;
                continue;
            }
            if (entry == null) {
                return null;
            }
            if (line.startsWith("      - ") && "components".equals(block)) {
                ComponentVersion known = seen.get(line);
                if (known == null) {
                    Matcher c = COMPONENT.matcher(line.substring(8));
                    if (!c.matches()) {
                        return null;
                    }
                    String digest = value(c.group(3));
                    if (!Sha256.isValid(digest)) {
                        return null;
                    }
                    known = new ComponentVersion(ArtifactVersion.parse(value(c.group(1)) + "@" + value(c.group(2))), Sha256.parse(digest));
                    seen.put(line, known);
                }
                components.add(known);
                continue;
            }
            if ("events".equals(block) && (line.startsWith("      - ") || line.startsWith("        "))) {
                if (!events.accept(line.startsWith("      - "), line.substring(8))) {
                    return null;
                }
                continue;
            }
            if ("bad".equals(block) && line.startsWith("      ") && !line.startsWith("       ")) {
                Matcher kv = KEY_VALUE.matcher(line.substring(6));
                if (!kv.matches() || !Items.KEYS.contains(kv.group(1)) || bad.put(kv.group(1), value(kv.group(2))) != null) {
                    return null;
                }
                continue;
            }
            if (!line.startsWith("    ") || line.startsWith("     ")) {
                return null;
            }
            Matcher kv = KEY_VALUE.matcher(line.substring(4));
            if (!kv.matches()) {
                return null;
            }
            String key = kv.group(1);
            if (key.equals("bad")) {
                if (kv.group(2) != null || bad != null) {
                    return null;
                }
                bad = new LinkedHashMap<>();
                block = key;
                continue;
            }
            if (key.equals("components") || key.equals("events")) {
                if (kv.group(2) != null || (key.equals("components") ? components != null : events != null)) {
                    return null;
                }
                if (key.equals("components")) {
                    components = new ArrayList<>();
                } else {
                    events = new Items("status");
                }
                block = key;
                continue;
            }
            block = null;
            if (!ENTRY_KEYS.contains(key) || entry.containsKey(key)) {
                return null;
            }
            String raw = kv.group(2);
            entry.put(key, key.equals("rollback_from") || key.equals("rollback_to") ? integer(raw)
                    : key.equals("tagged") ? bool(raw) : value(raw));
        }
        if (entry != null) {
            entries.add(entry(entry, components, events, bad));
        }
        if (workflow == null || (expectedWorkflow != null && !workflow.equals(expectedWorkflow))) {
            return null;
        }
        int last = 0;
        for (LedgerEntry e : entries) {
            if (e.n() <= last) {
                return null;
            }
            last = e.n();
        }
        Optional<Freeze> f = Optional.empty();
        if (frozen != null) {
            f = Optional.of(new Freeze(frozen.getOrDefault("since", ""), frozen.getOrDefault("actor", ""), frozen.getOrDefault("reason", "")));
        }
        List<FreezeEvent> log = freezes == null ? List.of() : freezes.all().stream().map(LedgerText::freezeEvent).toList();
        return new Ledger(workflow, f, entries, log);
    }

    /**
     * A block list of small maps, as {@code freezes} and an entry's {@code events} are: an item
     * starts with {@code - FIRST: value}, its other keys ({@code at}, {@code actor}, {@code reason})
     * follow on their own lines, each at most once.
     */
    private static final class Items {
        private static final Set<String> KEYS = Set.of("at", "actor", "reason");
        private final String first;
        private final List<Map<String, String>> items = new ArrayList<>();

        Items(String first) {
            this.first = first;
        }

        /** Takes {@code key: value} (the line after its indentation); false when it does not belong here. */
        boolean accept(boolean startsItem, String keyValue) {
            Matcher kv = KEY_VALUE.matcher(keyValue);
            if (!kv.matches() || startsItem != kv.group(1).equals(first)) {
                return false;
            }
            if (startsItem) {
                items.add(new LinkedHashMap<>());
            } else if (items.isEmpty() || !KEYS.contains(kv.group(1))) {
                return false;
            }
            return items.get(items.size() - 1).put(kv.group(1), value(kv.group(2))) == null;
        }

        List<Map<String, String>> all() {
            return items;
        }
    }

    private static FreezeEvent freezeEvent(Map<String, String> f) {
        return new FreezeEvent(required(f, "action"), f.getOrDefault("at", ""), f.getOrDefault("actor", ""), f.get("reason"));
    }

    private static LedgerEntry entry(Map<String, String> e, List<ComponentVersion> components, Items events, Map<String, String> bad) {
        List<LedgerEvent> ev = events == null ? List.of() : events.all().stream().map(LedgerText::event).toList();
        String digest = required(e, "digest");
        if (!Sha256.isValid(digest)) {
            throw new IllegalArgumentException("digest");
        }
        return new LedgerEntry(Integer.parseInt(e.get("n")), ReleaseStatus.parse(required(e, "status")), required(e, "composite"),
                Sha256.parse(digest), components == null ? List.of() : components, e.getOrDefault("decided", ""),
                e.getOrDefault("actor", ""), e.get("run"), e.get("gate"), e.get("adr"), e.get("reason"),
                e.containsKey("rollback_from") ? Integer.valueOf(e.get("rollback_from")) : null,
                e.containsKey("rollback_to") ? Integer.valueOf(e.get("rollback_to")) : null,
                Boolean.parseBoolean(e.getOrDefault("tagged", "false")), ev,
                bad == null ? null : new BadMark(bad.getOrDefault("at", ""), bad.getOrDefault("actor", ""), bad.get("reason")));
    }

    private static LedgerEvent event(Map<String, String> ev) {
        return new LedgerEvent(ReleaseStatus.parse(required(ev, "status")), ev.getOrDefault("at", ""), ev.getOrDefault("actor", ""),
                ev.get("reason"));
    }

    private static String required(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key);
        }
        return v;
    }

    /** A whole number from 1 written plainly, as the ledger's {@code n} and rollback fields are. */
    private static String integer(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 9 || raw.charAt(0) == '0') {
            throw new IllegalArgumentException("not a whole number");
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                throw new IllegalArgumentException("not a whole number");
            }
        }
        return raw;
    }

    private static String bool(String raw) {
        if (!"true".equals(raw) && !"false".equals(raw)) {
            throw new IllegalArgumentException("not a boolean");
        }
        return raw;
    }

    /** A scalar's string value, when it is one this reader is sure YAML reads as that string. */
    private static String value(String raw) {
        if (raw == null || raw.isEmpty() || raw.endsWith(" ")) {
            throw new IllegalArgumentException("empty");
        }
        if (raw.startsWith("'")) {
            if (raw.length() < 2 || !raw.endsWith("'")) {
                throw new IllegalArgumentException("quote");
            }
            String inner = raw.substring(1, raw.length() - 1);
            if (inner.replace("''", "").indexOf('\'') >= 0) {
                throw new IllegalArgumentException("quote");
            }
            return inner.replace("''", "'");
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(raw.charAt(0)) >= 0 || raw.contains(": ") || raw.contains(" #") || raw.endsWith(":")) {
            throw new IllegalArgumentException("not a plain scalar");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0xfeff || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("special character");
            }
        }
        if (PLAIN_STRING_START.indexOf(raw.charAt(0)) < 0 && raw.charAt(0) < 0x80) {
            return raw; // YAML 1.1 reads a plain scalar starting with no other character as a string (the resolver's regexes need not run)
        }
        Tag tag = RESOLVER.resolve(NodeId.scalar, raw, true);
        if (!Tag.STR.equals(tag) && !Tag.TIMESTAMP.equals(tag)) {
            throw new IllegalArgumentException("not a string");
        }
        return raw;
    }

    /** For tests: keys this reader accepts in an entry. */
    static Set<String> entryKeys() {
        return new HashSet<>(ENTRY_KEYS);
    }
}
