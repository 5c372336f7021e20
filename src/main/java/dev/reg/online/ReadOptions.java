package dev.reg.online;

/**
 * How telemetry is read.
 *
 * @param skipBad malformed lines that may be skipped (and counted) across all files of one read
 *     before the next one is an error; 0 makes the first malformed line an error
 * @param hash whether to compute each file's sha256 (a readout names its inputs by it; a second
 *     pass over the same files need not)
 */
public record ReadOptions(long skipBad, boolean hash) {
    public static final ReadOptions STRICT = new ReadOptions(0, true);

    public ReadOptions {
        if (skipBad < 0) {
            throw new IllegalArgumentException("skipBad must be >= 0");
        }
    }

    public static ReadOptions skipping(long skipBad) {
        return new ReadOptions(skipBad, true);
    }
}
