package dev.reg;

/** Bad usage or bad input: a malformed file, an illegal name, a version that would not go up (exit 2). */
public class BadInputException extends RegException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error located in a file, rendered as {@code file:line: message} like compilers do. */
    public static BadInputException at(String file, int line, String message) {
        return new BadInputException(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
    }
}
