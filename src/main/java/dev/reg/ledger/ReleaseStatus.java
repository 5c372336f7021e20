package dev.reg.ledger;

import dev.reg.BadInputException;
import java.util.Locale;

/**
 * Status of a ledger entry. Only entries that shipped (and rollbacks, which ship) carry a release tag;
 * a {@code canary} is tagged too (it runs beside the live release until promoted or rolled back).
 */
public enum ReleaseStatus {
    CANDIDATE, SHIPPED, HELD, BAD, ROLLED_BACK, CANARY;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReleaseStatus parse(String text) {
        for (ReleaseStatus s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new BadInputException("unknown release status '" + text + "': expected candidate, canary, shipped, held, bad or rolled-back");
    }
}
