package dev.reg.cli.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/** Where a command writes: stdout for results, stderr for messages; colour only on a terminal without NO_COLOR. */
public final class Terminal {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    private final boolean noColor;

    /** @param env the environment reg was started with: {@code NO_COLOR} (any value) turns colour off */
    public Terminal(PrintWriter out, PrintWriter err, boolean interactive, java.util.Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        String value = env.get("NO_COLOR");
        this.noColor = value != null && !value.isEmpty();
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** True when stdout and stderr are a terminal (not a pipe, a file or a test). */
    public boolean interactive() {
        return interactive;
    }

    public boolean color() {
        return interactive && !noColor;
    }

    public String bold(String s) {
        return color() ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    public String green(String s) {
        return color() ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    public String red(String s) {
        return color() ? "\u001b[31m" + s + "\u001b[0m" : s;
    }

    public String yellow(String s) {
        return color() ? "\u001b[33m" + s + "\u001b[0m" : s;
    }

    /** Prints {@code value} as indented JSON on stdout. */
    public void json(Object value) {
        try {
            ObjectMapper m = new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
            out.println(m.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }

    public void notice(String message) {
        err.println("reg: " + message);
    }
}
