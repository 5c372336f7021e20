package dev.reg.cli;

import dev.reg.BadInputException;
import dev.reg.RefusedException;
import picocli.CommandLine;

/** The one mapping from what went wrong to the exit codes of DESIGN.md section 3. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A definite "no": validation findings, a gate hold, an integrity failure. */
    public static final int NO = 1;
    public static final int BAD_INPUT = 2;
    public static final int REFUSED = 3;
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    public static int of(Throwable t) {
        if (t instanceof BadInputException || t instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        if (t instanceof RefusedException || t instanceof dev.reg.git.remote.RemoteAccessException) {
            return REFUSED;
        }
        return INTERNAL;
    }
}
