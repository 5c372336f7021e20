package dev.reg.online;

import java.util.Objects;

/**
 * How events are assigned to arms: by the file they come from ({@code --control FILE},
 * {@code --treatment FILE}), by each event's {@code arm} field ({@code control}/{@code treatment}),
 * or by each event's {@code release} field (the control's and the treatment's release numbers).
 */
public record ArmSource(Kind kind, String controlRelease, String treatmentRelease) {
    public enum Kind {
        FILES, ARM_FIELD, RELEASE_FIELD
    }

    public static final ArmSource FILES = new ArmSource(Kind.FILES, null, null);
    public static final ArmSource ARM_FIELD = new ArmSource(Kind.ARM_FIELD, null, null);

    public ArmSource {
        Objects.requireNonNull(kind);
        if (kind == Kind.RELEASE_FIELD && (controlRelease == null || treatmentRelease == null || controlRelease.equals(treatmentRelease))) {
            throw new IllegalArgumentException("two different releases are needed to split by release");
        }
    }

    public static ArmSource byRelease(String control, String treatment) {
        return new ArmSource(Kind.RELEASE_FIELD, control, treatment);
    }

    /** The event's arm, or null when it belongs to neither. */
    public Arm of(TelemetryEvent e) {
        return switch (kind) {
            case FILES -> e.inputArm();
            case ARM_FIELD -> Arm.parse(e.arm());
            case RELEASE_FIELD -> controlRelease.equals(e.release()) ? Arm.CONTROL : treatmentRelease.equals(e.release()) ? Arm.TREATMENT : null;
        };
    }

    /** How a message says where arms come from. */
    public String describe() {
        return switch (kind) {
            case FILES -> "by file (--control / --treatment)";
            case ARM_FIELD -> "by the events' arm field";
            case RELEASE_FIELD -> "by the events' release field (control " + controlRelease + ", treatment " + treatmentRelease + ")";
        };
    }
}
