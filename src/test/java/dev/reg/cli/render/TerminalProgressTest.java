package dev.reg.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    private TerminalProgress progress(boolean interactive) {
        Terminal t = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(err, true), interactive, java.util.Map.of());
        return new TerminalProgress(t, now::get);
    }

    @Test
    void aLongJobOnATerminalDrawsABarAndClearsItAtTheEnd() {
        TerminalProgress p = progress(true);
        p.start("checksums dataset/big", 1000);
        p.advance(100);
        assertEquals("", err.toString(), "quiet for the first half second");
        now.set(600_000_000L);
        p.advance(400);
        assertTrue(err.toString().contains("checksums dataset/big [###############               ]  50%"), err.toString());
        p.finish();
        assertTrue(err.toString().endsWith("\r\u001b[2K"), "the bar is erased");
    }

    @Test
    void nothingIsDrawnInAPipeOrForShortJobs() {
        TerminalProgress pipe = progress(false);
        pipe.start("x", 10);
        now.set(5_000_000_000L);
        pipe.advance(10);
        pipe.finish();
        TerminalProgress quick = progress(true);
        quick.start("y", 10);
        quick.advance(10);
        quick.finish();
        assertEquals("", err.toString());
    }
}
