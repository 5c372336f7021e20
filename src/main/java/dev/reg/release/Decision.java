package dev.reg.release;

import java.util.Locale;

/** What a release decided: shipped on a passing gate, forced over a failed one, or held. */
public enum Decision {
    SHIP, FORCED, HOLD, ROLLBACK;

    /** The word in tag trailers ({@code Reg-Decision}), commit messages and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
