package dev.reg.validate;

import java.util.Locale;

/** How bad a finding is: errors fail validation (exit 1), warnings are reported only. */
public enum Severity {
    ERROR, WARNING;

    /** The word used in every output format, also SARIF's {@code level}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
