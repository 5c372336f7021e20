package dev.reg.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Work spread over the cores gives what a plain loop gives: results in order, the first failure. */
class ParallelTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 2000})
    void resultsComeInTheOrderOfTheirIndex(int n) {
        assertEquals(IntStream.range(0, n).mapToObj(i -> "item " + i).toList(), Parallel.map(n, i -> "item " + i));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 2000})
    void theFailureThrownIsTheOneOfTheLowestIndexAsALoopWouldThrowIt(int n) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.map(n, i -> {
            if (i % 7 == 3) {
                throw new IllegalStateException("failed at " + i);
            }
            return i;
        }));
        assertEquals("failed at 3", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {2000})
    void largeBatchesUseMoreThanOneThreadWhereThereAreCores(int n) {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> out = Parallel.map(n, i -> {
            threads.add(Thread.currentThread().getName());
            long spin = System.nanoTime() + 20_000; // enough work per item for a second thread to join in
            while (System.nanoTime() < spin) {
                Thread.onSpinWait();
            }
            return i;
        });
        assertEquals(n, out.size());
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertEquals(true, threads.size() > 1, "ran on " + threads);
        }
    }
}
