package dev.reg.stats;

import java.util.Arrays;

/** A growable list of primitive doubles: a million values in 8 MB instead of boxed objects. */
public final class DoubleList {
    private double[] values = new double[16];
    private int size;

    public void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    public int size() {
        return size;
    }

    public double get(int i) {
        return values[i];
    }

    /** The backing array (only the first {@link #size()} entries are values); callers may reorder it. */
    public double[] array() {
        return values;
    }
}
