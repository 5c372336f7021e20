package dev.reg;

import java.util.Optional;

/** Bad usage or bad input: a malformed file, an illegal name, a version that would not go up (exit 2). */
public class BadInputException extends RegException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String detail;

    public BadInputException(String message) {
        this(message, null, 0, message, null);
    }

    public BadInputException(String message, Throwable cause) {
        this(message, null, 0, message, cause);
    }

    private BadInputException(String message, String file, int line, String detail, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }

    /** An error located in a file, rendered as {@code file:line: message} like compilers do. */
    public static BadInputException at(String file, int line, String message) {
        return new BadInputException(line > 0 ? file + ":" + line + ": " + message : file + ": " + message, file, line, message, null);
    }

    /** The file the error is in, when it was raised with {@link #at}. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line of the error, or 0 when it concerns the whole file or no file. */
    public int line() {
        return line;
    }

    /** The message without the {@code file:line: } prefix. */
    public String detail() {
        return detail;
    }
}
