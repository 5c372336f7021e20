package dev.reg.yaml;

/** Bounds applied to every YAML file reg reads, so hostile input cannot exhaust memory or time. */
public final class YamlLimits {
    /** Registry YAML files are small; a ledger of thousands of releases stays well under this. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    public static final int MAX_ALIASES = 20;
    public static final int MAX_NESTING = 64;

    private YamlLimits() {
    }
}
