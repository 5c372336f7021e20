package dev.reg.online;

import java.util.Locale;

/** A canary arm: the control (what is live) or the treatment (the canary). */
public enum Arm {
    CONTROL, TREATMENT;

    /** "control" or "treatment", as events and JSON write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The arm an event's {@code arm} field names, or null for anything else. */
    public static Arm parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "control" -> CONTROL;
            case "treatment" -> TREATMENT;
            default -> null;
        };
    }
}
