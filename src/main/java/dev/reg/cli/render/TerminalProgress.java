package dev.reg.cli.render;

import dev.reg.registry.ProgressListener;
import java.io.PrintWriter;

/**
 * A progress bar on stderr for long checksum runs: drawn only on a terminal, and only once the
 * work has taken over half a second, so short runs and pipes stay quiet.
 */
public final class TerminalProgress implements ProgressListener {
    private static final long SHOW_AFTER_NANOS = 500_000_000L;
    private final PrintWriter err;
    private final boolean enabled;
    private String task;
    private long total;
    private long done;
    private long started;
    private long lastDraw;
    private boolean drawn;

    private final java.util.function.LongSupplier clock;

    public TerminalProgress(Terminal terminal) {
        this(terminal, System::nanoTime);
    }

    TerminalProgress(Terminal terminal, java.util.function.LongSupplier nanoClock) {
        this.err = terminal.err();
        this.enabled = terminal.interactive();
        this.clock = nanoClock;
    }

    @Override
    public void start(String task, long totalUnits) {
        this.task = task;
        this.total = totalUnits;
        this.done = 0;
        this.started = clock.getAsLong();
        this.drawn = false;
    }

    @Override
    public void advance(long units) {
        done += units;
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (now - started > SHOW_AFTER_NANOS && now - lastDraw > 100_000_000L) {
            lastDraw = now;
            drawn = true;
            int pct = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
            int width = 30;
            int filled = pct * width / 100;
            double mbps = done / 1e6 / Math.max(1e-9, (now - started) / 1e9);
            err.printf("\r%s [%s%s] %3d%% %.0f MB/s", task, "#".repeat(filled), " ".repeat(width - filled), pct, mbps);
            err.flush();
        }
    }

    @Override
    public void finish() {
        if (drawn) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
