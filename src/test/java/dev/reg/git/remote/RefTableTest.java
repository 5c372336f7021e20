package dev.reg.git.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** The sorted-array table of a remote's refs behaves as the sorted map of records it replaced. */
class RefTableTest {
    private static ObjectId id(int n) {
        return ObjectId.fromRaw(new int[] {n, n * 31, n * 17, 7, n ^ 0x5a5a5a5a});
    }

    private static RemoteRef tag(String name, int n) {
        return new RemoteRef(name, id(n), id(n + 1_000_000));
    }

    private static RemoteRef branch(String name, int n) {
        return new RemoteRef(name, id(n), null);
    }

    private static List<RemoteRef> refs(RefTable t) {
        List<RemoteRef> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.ref(i));
        }
        return out;
    }

    @Test
    void refsInAnyOrderComeOutByNameWithTheLastOfADuplicateKept() {
        Random random = new Random(42);
        TreeMap<String, RemoteRef> expected = new TreeMap<>();
        RefTable.Builder b = new RefTable.Builder();
        for (int i = 0; i < 5000; i++) { // past the builder's first growth
            String name = "refs/tags/prompt/p" + random.nextInt(3000) + "@1." + random.nextInt(3) + ".0";
            RemoteRef r = i % 3 == 0 ? branch(name, i) : tag(name, i);
            b.add(r);
            expected.put(name, r); // a later ref of the same name replaces the earlier, as Map.put does
        }
        RefTable t = b.build();
        assertEquals(List.copyOf(expected.values()), refs(t));
        for (String name : List.of(expected.firstKey(), expected.lastKey(), "refs/tags/none")) {
            int i = t.find(name);
            assertEquals(expected.get(name), i < 0 ? null : t.ref(i));
        }
    }

    @Test
    void aPrefixIsTheRangeOfNamesStartingWithIt() {
        RefTable.Builder b = new RefTable.Builder();
        for (String n : List.of("refs/heads/main", "refs/tags/prompt/a@1.0.0", "refs/tags/prompt/a@1.1.0",
                "refs/tags/prompt/ab@1.0.0", "refs/tags/release/s/1")) {
            b.add(branch(n, n.length()));
        }
        RefTable t = b.build();
        int[] a = t.range("refs/tags/prompt/a@");
        assertEquals(List.of("refs/tags/prompt/a@1.0.0", "refs/tags/prompt/a@1.1.0"), t.names(a[0], a[1]));
        int[] tags = t.range("refs/tags/");
        assertEquals(4, tags[1] - tags[0]);
        int[] none = t.range("refs/tags/model/");
        assertEquals(List.of(), t.names(none[0], none[1]));
        int[] all = t.range("");
        assertEquals(5, all[1] - all[0]);
    }

    @Test
    void targetIsThePeeledCommitOfAnAnnotatedTagAndTheRefItselfOtherwise() {
        RefTable t = new RefTable.Builder().add(tag("refs/tags/a", 1)).add(branch("refs/tags/b", 2)).build();
        assertEquals(id(1_000_001), t.target(0));
        assertEquals(id(1), t.id(0));
        assertEquals(id(2), t.target(1));
        assertNull(t.ref(1).peeled());
    }

    @Test
    void hexIdsReadFromTheWireEqualTheParsedOnes() {
        String line = id(7).name() + " refs/tags/x peeled:" + id(8).name();
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        RefTable t = new RefTable.Builder().addHex("refs/tags/x", bytes, 0, line.indexOf("peeled:") + 7).build();
        assertEquals(new RemoteRef("refs/tags/x", id(7), id(8)), t.ref(0));
        RefTable.Builder v0 = new RefTable.Builder().addHex("refs/tags/y", bytes, 0, -1);
        v0.peelLast(bytes, line.indexOf("peeled:") + 7);
        assertEquals(new RemoteRef("refs/tags/y", id(7), id(8)), v0.build().ref(0));
    }

    @Test
    void mergingKeepsOrderAndTheLaterListingWins() {
        RefTable first = new RefTable.Builder().add(branch("refs/heads/main", 1)).add(tag("refs/tags/a", 2)).add(tag("refs/tags/c", 3)).build();
        RefTable later = new RefTable.Builder().add(tag("refs/tags/a", 20)).add(tag("refs/tags/b", 4)).build();
        RefTable merged = first.merge(later);
        assertEquals(List.of(branch("refs/heads/main", 1), tag("refs/tags/a", 20), tag("refs/tags/b", 4), tag("refs/tags/c", 3)),
                refs(merged));
        assertEquals(refs(later), refs(RefTable.EMPTY.merge(later)));
        assertArrayEquals(refs(first).toArray(), refs(first.merge(RefTable.EMPTY)).toArray());
    }
}
