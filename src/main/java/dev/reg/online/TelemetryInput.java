package dev.reg.online;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One telemetry file to read: JSON Lines, plain or gzip (recognised by its first bytes).
 *
 * @param name how messages and readouts name the file (usually as the user typed it)
 * @param arm the arm every event of the file belongs to (--control / --treatment), or null when the
 *     events say it themselves or the arm does not matter
 */
public record TelemetryInput(Path path, String name, Arm arm) {
    public TelemetryInput {
        Objects.requireNonNull(path, "path");
        name = name == null ? path.toString() : name;
    }

    public static TelemetryInput of(Path path) {
        return new TelemetryInput(path, path.toString(), null);
    }

    /** A file a user named, resolved against {@code base} (where relative paths start) and named as typed. */
    public static TelemetryInput typed(Path base, Path typed, Arm arm) {
        return new TelemetryInput(base.resolve(typed), typed.toString(), arm);
    }
}
