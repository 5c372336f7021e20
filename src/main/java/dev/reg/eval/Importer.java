package dev.reg.eval;

import java.nio.file.Path;

/** Reads one tool's output format, streaming, and sends each row to a sink; refuses bad input with file, place and reason. */
interface Importer {
    /** The importer's name and format version, recorded in the run's source. */
    String name();

    /** True when the format carries no trial numbers and trials are numbered from positions (see {@link CaseSink}). */
    default boolean numbersTrials() {
        return false;
    }

    /** Reads {@code file} (named {@code display} in errors); returns the tool and version the file names. */
    ToolInfo read(Path file, String display, CaseSink sink);

    /** The tool that wrote a file and its version (null when the file does not say). */
    record ToolInfo(String tool, String version) {
    }
}
