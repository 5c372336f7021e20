package dev.reg.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Independent pieces of CPU-bound work spread over the cores, with results and failures as a plain loop gives them. */
public final class Parallel {
    /** Below this many items the hand-over to other threads costs more than it saves. */
    private static final int SEQUENTIAL_BELOW = 64;

    private Parallel() {
    }

    /**
     * {@code work} applied to 0 … n-1, results in that order. When any call fails, the failure of
     * the lowest index is thrown, as a loop would have thrown it (later calls may have run).
     */
    public static <T> List<T> map(int n, IntFunction<T> work) {
        if (n < SEQUENTIAL_BELOW || Runtime.getRuntime().availableProcessors() < 2) {
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(work.apply(i));
            }
            return out;
        }
        Object[] results = new Object[n];
        RuntimeException[] failures = new RuntimeException[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                results[i] = work.apply(i);
            } catch (RuntimeException e) {
                failures[i] = e;
            }
        });
        for (RuntimeException f : failures) {
            if (f != null) {
                throw f;
            }
        }
        @SuppressWarnings("unchecked")
        List<T> out = (List<T>) Arrays.asList(results);
        return new ArrayList<>(out);
    }
}
