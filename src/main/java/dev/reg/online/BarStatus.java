package dev.reg.online;

import java.util.Locale;

/** Where a bar's interval lies: clearly on the bar's good side, clearly on its bad side, or across it. */
public enum BarStatus {
    PASS, FAIL, INCONCLUSIVE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
