package dev.reg.ledger;

import dev.reg.BadInputException;
import java.util.Locale;

/** Status of a ledger entry. Only {@code shipped} entries (and rollbacks, which ship) carry a release tag. */
public enum ReleaseStatus {
    CANDIDATE, SHIPPED, HELD, BAD, ROLLED_BACK;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReleaseStatus parse(String text) {
        for (ReleaseStatus s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new BadInputException("unknown release status '" + text + "': expected candidate, shipped, held, bad or rolled-back");
    }
}
