package dev.reg.doc;

import dev.reg.BadInputException;
import dev.reg.RefusedException;
import dev.reg.git.CommitRequest;
import dev.reg.git.CommitResult;
import dev.reg.registry.Registry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code reg adr new|list|supersede}: ADRs written from {@code templates/adr.md}, each change one commit. */
public final class AdrService {
    public static final List<String> NEW_STATUSES = List.of("proposed", "accepted", "rejected", "deprecated");

    private final Registry registry;
    private final Clock clock;
    private final AdrDirectory adrs;

    public AdrService(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.adrs = new AdrDirectory(registry.root());
    }

    /** One ADR in a listing. */
    public record AdrSummary(int number, String file, String path, String title, String status, String supersededBy) {
    }

    /** What a writing ADR command did: the files it wrote and its commit. */
    public record AdrChange(int number, String path, String title, String status, List<String> changed, String commit) {
    }

    public List<AdrSummary> list() {
        List<AdrSummary> out = new ArrayList<>();
        for (Adr a : adrs.list()) {
            out.add(new AdrSummary(a.number(), a.file(), adrs.path(a.file()), a.title(), a.status(), a.supersededBy().orElse(null)));
        }
        return out;
    }

    /** Writes a new ADR titled {@code title}; with {@code supersedes}, marks that ADR superseded in the same commit. */
    public AdrChange create(String title, String status, Optional<String> supersedes) {
        String t = requireTitle(title);
        String s = status.toLowerCase(Locale.ROOT);
        if (!NEW_STATUSES.contains(s)) {
            throw new BadInputException("unknown status '" + status + "': expected " + String.join(", ", NEW_STATUSES));
        }
        Optional<Adr> old = supersedes.map(adrs::resolve);
        int number = adrs.nextNumber();
        String file = AdrDirectory.fileName(number, t);
        Map<String, Object> model = headerModel(number, t, s, List.of("decision"));
        model.put("supersedes", old.map(o -> List.of(reference(o))).orElse(List.of()));
        String text = new AdrTemplates(registry.root()).render(AdrTemplates.ADR, model, number);
        Map<String, byte[]> writes = new LinkedHashMap<>();
        writes.put(adrs.path(file), text.getBytes(StandardCharsets.UTF_8));
        Adr created = Adr.parse(number, file, text);
        old.ifPresent(o -> writes.put(adrs.path(o.file()), AdrEdits.supersededBy(o, created).getBytes(StandardCharsets.UTF_8)));
        String message = "adr: " + number + ". " + t + "\n"
                + old.map(o -> "\nSupersedes ADR " + o.number() + " (" + o.file() + ")\n").orElse("");
        return publish(number, adrs.path(file), t, s, writes, message);
    }

    /** Marks ADR {@code ref} superseded by the existing ADR {@code byRef}: both files, one commit. */
    public AdrChange supersede(String ref, String byRef) {
        Adr old = adrs.resolve(ref);
        Adr newer = adrs.resolve(byRef);
        Map<String, byte[]> writes = new LinkedHashMap<>();
        writes.put(adrs.path(old.file()), AdrEdits.supersededBy(old, newer).getBytes(StandardCharsets.UTF_8));
        writes.put(adrs.path(newer.file()), AdrEdits.supersedes(newer, old).getBytes(StandardCharsets.UTF_8));
        String message = "adr: " + newer.number() + ". " + newer.title() + " supersedes " + old.number() + ". " + old.title() + "\n";
        return publish(old.number(), adrs.path(old.file()), old.title(), "superseded", writes, message);
    }

    private AdrChange publish(int number, String path, String title, String status, Map<String, byte[]> writes, String message) {
        List<String> dirty = registry.status().uncommittedPaths(writes.keySet());
        if (!dirty.isEmpty()) {
            throw new RefusedException("uncommitted changes in " + String.join(", ", dirty)
                    + " would be overwritten; commit or stash them first — nothing was changed");
        }
        CommitResult done = registry.publish(new CommitRequest(registry.headCommit().orElse(null), List.of(), writes,
                List.of(), message, List.of()));
        return new AdrChange(number, path, title, status, new ArrayList<>(writes.keySet()), done.commit().name());
    }

    /** The variables every ADR template shares: number, title, status, statusWord, date, deciders, tags. */
    public Map<String, Object> headerModel(int number, String title, String status, List<String> tags) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("title", title);
        m.put("status", status);
        m.put("statusWord", status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1));
        m.put("date", LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString());
        m.put("deciders", actorName(registry.actor()));
        m.put("tags", String.join(", ", tags));
        return m;
    }

    /** An ADR as the templates' {@code supersedes} list shows it: number, title, file, slug. */
    public static Map<String, Object> reference(Adr a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", a.number());
        m.put("title", a.title());
        m.put("file", a.file());
        m.put("slug", a.slug());
        return m;
    }

    public AdrDirectory directory() {
        return adrs;
    }

    /** {@code Jane Doe} from {@code Jane Doe <jane@example.com>}. */
    public static String actorName(String actor) {
        int lt = actor.indexOf(" <");
        return lt < 0 ? actor : actor.substring(0, lt);
    }

    static String requireTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new BadInputException("an ADR needs a title");
        }
        for (char c : t.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                throw new BadInputException("the ADR title contains a control character (a title is one line of text)");
            }
        }
        return t;
    }
}
