package dev.reg.git;

import java.util.Optional;

/** {@code Key: value} trailers in commit and tag messages, as reg writes them (the last one of a key wins). */
public final class Trailers {
    private Trailers() {
    }

    public static Optional<String> find(String message, String key) {
        if (message == null) {
            return Optional.empty();
        }
        String prefix = key + ": ";
        String found = null;
        for (String line : message.split("\n")) {
            if (line.startsWith(prefix)) {
                found = line.substring(prefix.length()).trim();
            }
        }
        return Optional.ofNullable(found);
    }
}
