package dev.reg.stats;

import java.util.Arrays;

/**
 * Dense indexes 0, 1, 2, ... for long keys, in the order they were first seen: an open-addressing
 * hash table in primitive arrays, so that per-key values can live in plain arrays beside it. No
 * boxing, a few bytes per key.
 */
public final class LongIndex {
    private long[] keys;
    private int[] slots;
    private long[] byIndex;
    private int size;

    public LongIndex() {
        allocate(64);
        byIndex = new long[32];
    }

    public int size() {
        return size;
    }

    /** The key's index, or -1 when it was never added. */
    public int indexOf(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (slots[i] < 0) {
                return -1;
            }
            if (keys[i] == key) {
                return slots[i];
            }
        }
    }

    /** The key's index, adding the key (with the next index) when it is new. */
    public int add(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (slots[i] >= 0) {
            if (keys[i] == key) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        int index = size++;
        keys[i] = key;
        slots[i] = index;
        if (index == byIndex.length) {
            byIndex = Arrays.copyOf(byIndex, index * 2);
        }
        byIndex[index] = key;
        if (size * 2 > keys.length) {
            allocate(keys.length * 2);
            for (int j = 0; j < size; j++) {
                place(byIndex[j], j);
            }
        }
        return index;
    }

    /** The key with index {@code index}. */
    public long key(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return byIndex[index];
    }

    private void place(long key, int index) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (slots[i] >= 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = index;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, -1);
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
