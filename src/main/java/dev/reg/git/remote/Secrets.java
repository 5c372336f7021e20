package dev.reg.git.remote;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials one remote operation has seen (URL passwords, filled passwords, tokens given as
 * user names, {@code http.extraHeader} values), so any text reg builds from what a server or JGit
 * said can be cleaned of them before it reaches a message. reg never puts a credential into a
 * message itself; this catches a server or library that echoes one.
 */
final class Secrets {
    private static final int MIN_LENGTH = 3;
    private final Set<String> values = ConcurrentHashMap.newKeySet();

    void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            values.add(secret);
        }
    }

    void add(char[] secret) {
        if (secret != null) {
            add(new String(secret));
        }
    }

    /** {@code text} with every known secret replaced by {@code ***} (longest first, so overlaps go whole). */
    String scrub(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(s, "***");
        }
        return out;
    }
}
