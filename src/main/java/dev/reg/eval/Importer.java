package dev.reg.eval;

import java.nio.file.Path;
import java.util.Map;

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

    /**
     * What a file says about itself: the tool that wrote it and its version, when the eval ran (an ISO
     * instant), each null when the file does not say; and the choices among its results that were
     * imported (e.g. promptfoo's provider, by id), which are part of the run's id.
     */
    record ToolInfo(String tool, String version, String created, Map<String, String> chosen) {
        public ToolInfo {
            chosen = Map.copyOf(chosen);
        }

        public ToolInfo(String tool, String version) {
            this(tool, version, null, Map.of());
        }
    }
}
