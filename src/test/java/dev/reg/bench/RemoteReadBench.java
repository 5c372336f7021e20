package dev.reg.bench;

import dev.reg.git.remote.RemoteRefs;
import dev.reg.git.remote.RemoteSettings;
import dev.reg.git.remote.RemoteTarget;
import dev.reg.git.remote.RemoteTree;
import dev.reg.git.remote.Remotes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * bench/remote-read.sh's stand-in for {@code reg show --remote URL} until that command exists:
 * the ls-remote and read-one-file primitives against a URL, timed inside one JVM (median of RUNS,
 * a fresh {@link Remotes} each time, as one command would have), or one read as a whole process.
 *
 * <pre>
 *   RemoteReadBench URL measure REF PATH PREFIX RUNS   # in-process medians of each primitive
 *   RemoteReadBench URL read REF PATH                  # one blob-less read, printing the file
 *   RemoteReadBench URL ls PREFIX                      # one ls-remote, printing the ref count
 * </pre>
 */
public final class RemoteReadBench {
    private RemoteReadBench() {
    }

    public static void main(String[] args) {
        String url = args[0];
        switch (args[1]) {
            case "read" -> System.out.print(new String(read(url, args[2], args[3], RemoteTree.Fetch.BLOBLESS).content,
                    StandardCharsets.UTF_8));
            case "ls" -> System.out.println(ls(url, args[2]).size());
            case "measure" -> measure(url, args[2], args[3], args[4], Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("unknown mode " + args[1]);
        }
    }

    private record Read(byte[] content, long bytesFetched, RemoteTree.Fetch fetched) {
    }

    private static RemoteRefs ls(String url, String prefix) {
        try (Remotes remotes = Remotes.withoutRepository(RemoteSettings.fromSystem())) {
            RemoteTarget t = remotes.resolve(url);
            return prefix.isEmpty() ? remotes.lsRemote(t) : remotes.lsRemote(t, prefix);
        }
    }

    private static Read read(String url, String ref, String path, RemoteTree.Fetch how) {
        try (Remotes remotes = Remotes.withoutRepository(RemoteSettings.fromSystem());
                RemoteTree tree = remotes.openTree(remotes.resolve(url), ref, how).orElseThrow()) {
            byte[] content = tree.read(path).orElseThrow();
            return new Read(content, tree.bytesFetched(), tree.fetched());
        }
    }

    private static void measure(String url, String ref, String path, String prefix, int runs) {
        row("ls-remote, all refs", runs, () -> ls(url, "").size() + " refs");
        row("ls-remote " + prefix, runs, () -> ls(url, prefix).size() + " refs");
        row("read " + path + " at " + ref + " (blob-less)", runs, () -> describe(read(url, ref, path, RemoteTree.Fetch.BLOBLESS)));
        row("read " + path + " at " + ref + " (full depth 1)", runs, () -> describe(read(url, ref, path, RemoteTree.Fetch.FULL)));
    }

    private static String describe(Read r) {
        return r.content.length + " B file, " + r.bytesFetched + " B fetched (" + r.fetched + ")";
    }

    /** Median wall time of {@code runs} calls after two warm-ups, and what the last call said. */
    private static void row(String what, int runs, Supplier<String> op) {
        op.get();
        op.get();
        List<Long> times = new ArrayList<>();
        String said = "";
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            said = op.get();
            times.add(System.nanoTime() - t0);
        }
        Collections.sort(times);
        System.out.printf("  %-74s %8.4f s   %s%n", what, times.get(times.size() / 2) / 1e9, said);
    }
}
