package dev.reg.doctor;

/**
 * The JVM reg runs on and the class-data archive it uses, as the {@code ./reg} launcher reports them
 * ({@code REG_LAUNCHER_*}); {@code launcher} is false when reg was started some other way, and the
 * JVM's own properties stand in.
 *
 * @param archiveStatus aot, cds, training, failed, missing, off or unwritable (the launcher's words); unknown without the launcher
 */
public record RuntimeInfo(boolean launcher, String java, String javaVersion, String archive, String archiveStatus, String jvmOptions) {
}
