package dev.reg.online;

import dev.reg.BadInputException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Events per category of each categorical field, with a cap: drift bins categories, so an identifier does not belong here. */
final class CategoryCounts {
    /** Categories per field. */
    static final int MAX_CATEGORIES = 100_000;
    private final String side;
    private final Map<String, Map<String, long[]>> fields = new HashMap<>();

    CategoryCounts(String side) {
        this.side = side;
    }

    void add(String field, String value) {
        Map<String, long[]> m = fields.computeIfAbsent(field, k -> new HashMap<>());
        long[] c = m.get(value);
        if (c == null) {
            if (m.size() == MAX_CATEGORIES) {
                throw new BadInputException(field + " has more than " + MAX_CATEGORIES + " distinct values in " + side
                        + "; drift compares categories, so a field like an id does not belong in it");
            }
            c = new long[1];
            m.put(value, c);
        }
        c[0]++;
    }

    /** field -> category -> count, categories in lexicographic order. */
    Map<String, TreeMap<String, Long>> counts() {
        Map<String, TreeMap<String, Long>> out = new HashMap<>();
        fields.forEach((f, m) -> {
            TreeMap<String, Long> t = new TreeMap<>();
            m.forEach((k, v) -> t.put(k, v[0]));
            out.put(f, t);
        });
        return out;
    }
}
