package dev.reg.util;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named points inside writing commands where tests inject a failure, a kill -9 or a pause, set
 * through the system property {@code reg.fault} as {@code point}, {@code point:halt} or
 * {@code point:pause:<file>} (waits until the file exists). Unset, every check is one property read.
 */
public final class Faults {
    public static final String PROPERTY = "reg.fault";

    private Faults() {
    }

    public static void check(String point) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || !(spec.equals(point) || spec.startsWith(point + ":"))) {
            return;
        }
        String mode = spec.length() > point.length() ? spec.substring(point.length() + 1) : "";
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
