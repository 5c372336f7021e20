package dev.reg.cli.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that remembers why a write failed. A reader that stops early ({@code reg history |
 * head}) closes the pipe: the rest of the output is dropped quietly, as Git does. Any other failure
 * (a full disk) is kept so reg can say so instead of exiting 0 over a truncated file — a plain
 * {@code PrintWriter} would swallow both.
 */
public final class StandardOutput extends FilterOutputStream {
    private IOException failure;

    public StandardOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (failure != null) {
            return;
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void flush() {
        if (failure != null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** True when the reader went away: nothing is wrong with reg or its output. */
    public boolean readerClosed() {
        return failure != null && failure.getMessage() != null && failure.getMessage().contains("Broken pipe");
    }

    /** The write failure that is not a closed reader, if any. */
    public IOException failure() {
        return readerClosed() ? null : failure;
    }
}
