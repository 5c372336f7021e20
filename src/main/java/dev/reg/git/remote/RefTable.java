package dev.reg.git.remote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A remote's refs by name, as sorted arrays: a name per ref and its object ids packed into one
 * byte array. A large registry advertises 100,000 tags; held as a tree map of records with two
 * object ids each they were over half a million small objects that every garbage collection of
 * a short {@code reg show --remote} copied, and that copying cost more than reading them.
 * Immutable once built; {@link #merge} makes a new table.
 */
final class RefTable {
    private static final int ID = 20;
    /** Bytes per ref: the id, then the peeled id (zeros when there is none). */
    private static final int ROW = 2 * ID;

    static final RefTable EMPTY = new RefTable(new String[0], new byte[0], new boolean[0]);

    private final String[] names;
    private final byte[] ids;
    private final boolean[] peeled;

    private RefTable(String[] names, byte[] ids, boolean[] peeled) {
        this.names = names;
        this.ids = ids;
        this.peeled = peeled;
    }

    int size() {
        return names.length;
    }

    /** The position of {@code name}, or -1. */
    int find(String name) {
        int i = Arrays.binarySearch(names, name);
        return i >= 0 ? i : -1;
    }

    /** The first position whose name is {@code >= name}. */
    private int lowerBound(String name) {
        int i = Arrays.binarySearch(names, name);
        return i >= 0 ? i : -i - 1;
    }

    /** Positions {@code [from, to)} of the names starting with {@code prefix} (sorted, so they are next to each other). */
    int[] range(String prefix) {
        return new int[] {lowerBound(prefix), lowerBound(prefix + Character.MAX_VALUE)};
    }

    /** The names in {@code [from, to)}, in order, as a read-only view (the table never changes). */
    List<String> names(int from, int to) {
        return Collections.unmodifiableList(Arrays.asList(names).subList(from, to));
    }

    String name(int i) {
        return names[i];
    }

    ObjectId id(int i) {
        return ObjectId.fromRaw(ids, i * ROW);
    }

    /** The commit an annotated tag points at, else the ref's own id. */
    ObjectId target(int i) {
        return ObjectId.fromRaw(ids, i * ROW + (peeled[i] ? ID : 0));
    }

    RemoteRef ref(int i) {
        return new RemoteRef(names[i], id(i), peeled[i] ? ObjectId.fromRaw(ids, i * ROW + ID) : null);
    }

    /** This table with {@code other}'s refs added; where both name a ref, {@code other}'s wins (it was listed later). */
    RefTable merge(RefTable other) {
        if (names.length == 0) {
            return other;
        }
        if (other.names.length == 0) {
            return this;
        }
        Builder b = new Builder();
        int i = 0;
        int j = 0;
        while (i < names.length || j < other.names.length) {
            int c = i == names.length ? 1 : j == other.names.length ? -1 : names[i].compareTo(other.names[j]);
            if (c < 0) {
                b.addRow(names[i], ids, i * ROW, peeled[i]);
                i++;
            } else {
                b.addRow(other.names[j], other.ids, j * ROW, other.peeled[j]);
                j++;
                i += c == 0 ? 1 : 0;
            }
        }
        return b.build();
    }

    /** Collects refs in any order; {@link #build} sorts them by name unless they came sorted (servers send them so). */
    static final class Builder {
        private final List<String> names = new ArrayList<>();
        private byte[] ids = new byte[ROW * 1024];
        private boolean[] peeled = new boolean[1024];
        private boolean sorted = true;
        private boolean unique = true;

        Builder add(RemoteRef r) {
            ensureRow();
            int at = names.size() * ROW;
            r.id().copyRawTo(ids, at);
            if (r.peeled() != null) {
                r.peeled().copyRawTo(ids, at + ID);
            }
            return append(r.name(), r.peeled() != null);
        }

        /** A ref whose ids are 40 hex digits at {@code idAt} and (when {@code peeledAt >= 0}) at {@code peeledAt} of {@code hex}. */
        Builder addHex(String name, byte[] hex, int idAt, int peeledAt) {
            ensureRow();
            int at = names.size() * ROW;
            fromHex(hex, idAt, ids, at);
            if (peeledAt >= 0) {
                fromHex(hex, peeledAt, ids, at + ID);
            }
            return append(name, peeledAt >= 0);
        }

        /** Gives the ref added last the peeled id in 40 hex digits at {@code at} of {@code hex}. */
        void peelLast(byte[] hex, int at) {
            int last = names.size() - 1;
            fromHex(hex, at, ids, last * ROW + ID);
            peeled[last] = true;
        }

        private void addRow(String name, byte[] from, int at, boolean hasPeeled) {
            ensureRow();
            System.arraycopy(from, at, ids, names.size() * ROW, ROW);
            append(name, hasPeeled);
        }

        private void ensureRow() {
            int n = names.size();
            if ((n + 1) * ROW > ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
                peeled = Arrays.copyOf(peeled, peeled.length * 2);
            }
        }

        private Builder append(String name, boolean hasPeeled) {
            int n = names.size();
            if (n > 0) {
                int c = names.get(n - 1).compareTo(name);
                sorted &= c < 0;
                unique &= c != 0;
            }
            peeled[n] = hasPeeled;
            names.add(name);
            return this;
        }

        RefTable build() {
            int n = names.size();
            if (sorted) {
                return new RefTable(names.toArray(String[]::new), Arrays.copyOf(ids, n * ROW), Arrays.copyOf(peeled, n));
            }
            // stable by name, so of two refs of one name the later (as with a map's put) is kept
            Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparing(names::get));
            Builder b = new Builder();
            for (int k = 0; k < n; k++) {
                int i = order[k];
                if (!unique && k + 1 < n && names.get(order[k + 1]).equals(names.get(i))) {
                    continue;
                }
                b.addRow(names.get(i), ids, i * ROW, peeled[i]);
            }
            return b.build();
        }

        private static void fromHex(byte[] hex, int from, byte[] out, int at) {
            for (int i = 0; i < ID; i++) {
                out[at + i] = (byte) (Character.digit(hex[from + 2 * i], 16) << 4 | Character.digit(hex[from + 2 * i + 1], 16));
            }
        }
    }
}
