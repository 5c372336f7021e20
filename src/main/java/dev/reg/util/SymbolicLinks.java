package dev.reg.util;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finding a symbolic link on the way to a path inside a folder, so nothing reads or writes through one. */
public final class SymbolicLinks {
    private SymbolicLinks() {
    }

    /**
     * The first segment of {@code relative} (a '/'-separated path under {@code root}), as the
     * path up to and including it, that is a symbolic link; empty when no existing segment is one.
     * {@code root} itself may be reached through links (a home folder often is).
     */
    public static Optional<String> firstLink(Path root, String relative) {
        Path current = root;
        int end = 0;
        while (end < relative.length()) {
            int slash = relative.indexOf('/', end);
            int next = slash < 0 ? relative.length() : slash;
            String segment = relative.substring(end, next);
            if (!segment.isEmpty()) {
                current = current.resolve(segment);
                if (Files.isSymbolicLink(current)) {
                    return Optional.of(relative.substring(0, next));
                }
            }
            end = next + 1;
        }
        return Optional.empty();
    }
}
