package dev.reg.util;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Named points inside writing commands where tests inject a failure, a kill -9 or a pause, set
 * through the system property {@code reg.fault} as {@code point}, {@code point:halt} or
 * {@code point:pause:<file>} (waits until the file exists); {@code #N} in place of a name means the
 * Nth point passed. Every step of a writing command that
 * changes the disk (each fsync, rename, link and delete) passes a point named after the step, so a
 * test can enumerate them with {@link #watch} and stop a command at each in turn. Unset, every
 * check is one property read and one field read.
 */
public final class Faults {
    public static final String PROPERTY = "reg.fault";

    private static volatile Consumer<String> watcher;
    private static final AtomicInteger PASSED = new AtomicInteger();

    private Faults() {
    }

    /**
     * Lets an in-process test see every point a command passes, in order; the watcher may throw
     * to stop the command there. {@code null} removes it.
     */
    public static void watch(Consumer<String> w) {
        watcher = w;
    }

    public static void check(String point) {
        Consumer<String> w = watcher;
        if (w != null) {
            w.accept(point);
        }
        String spec = System.getProperty(PROPERTY);
        if (spec == null) {
            return;
        }
        String name = point;
        if (spec.startsWith("#")) {
            // "#N": the Nth point passed (from 1), whatever its name, as a test enumerated them
            name = "#" + PASSED.incrementAndGet();
        }
        if (!(spec.equals(name) || spec.startsWith(name + ":"))) {
            return;
        }
        String mode = spec.length() > name.length() ? spec.substring(name.length() + 1) : "";
        if (mode.equals("halt")) {
            Runtime.getRuntime().halt(137);
        }
        if (mode.startsWith("pause:")) {
            Path release = Path.of(mode.substring("pause:".length()));
            try {
                Files.writeString(Path.of(release + ".reached"), point);
                while (!Files.exists(release)) {
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        throw new InjectedFault(point);
    }

    /** The failure a test asked for. */
    public static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(String point) {
            super("injected fault at " + point);
        }
    }
}
