package dev.reg.registry;

import dev.reg.BadInputException;
import java.util.regex.Pattern;

/** A sha256 content hash, written {@code sha256:<64 lowercase hex>}. */
public record Sha256(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    public static final String PREFIX = "sha256:";

    public Sha256 {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new BadInputException("'" + hex + "' is not a sha256: expected 64 lowercase hex digits");
        }
    }

    /** Parses {@code sha256:<hex>}. */
    public static Sha256 parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new BadInputException("'" + text + "' is not a digest: expected sha256:<64 hex digits>");
        }
        return new Sha256(text.substring(PREFIX.length()));
    }

    public static boolean isValid(String text) {
        return text != null && text.startsWith(PREFIX) && HEX.matcher(text.substring(PREFIX.length())).matches();
    }

    // Written out: a record's generated equals is bootstrapped through method handles on first use,
    // which an AOT cache does not keep; reg show compares a digest once per run and paid ~8 ms for it.
    @Override
    public boolean equals(Object o) {
        return o instanceof Sha256 other && hex.equals(other.hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public String toString() {
        return PREFIX + hex;
    }
}
