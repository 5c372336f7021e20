package dev.reg.online;

/** The four kinds of pre-registered canary bar, by the gate-file key that introduces each. */
public enum BarKind {
    /** Promote needs the interval entirely above the threshold. */
    MIN_UPLIFT("min_uplift"),
    /** Promote needs the interval entirely below the threshold. */
    MAX_INCREASE("max_increase"),
    /** Hold when the difference interval lies entirely on the metric's worse side of 0. */
    NO_REGRESSION("no_regression"),
    /** Roll back when the interval lies entirely beyond the threshold on the worse side. */
    STOP_LOSS("stop_loss");

    private final String key;

    BarKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
