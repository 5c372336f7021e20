package dev.reg.online;

import java.util.Locale;

/** A canary readout's verdict, in precedence order: hold, rollback, continue, promote. */
public enum Verdict {
    /** The readout is invalid (sample-ratio mismatch) or a metric that may not regress did, or a promote bar cannot be met. */
    HOLD,
    /** A stop-loss was crossed with enough events in both arms. */
    ROLLBACK,
    /** Too few events, or an interval still straddles a bar. */
    CONTINUE,
    /** Every bar met. */
    PROMOTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
