package dev.reg.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, wherever they appear on the command line. */
public final class GlobalOptions {
    @Option(names = "-C", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Run as if reg was started in DIR (like git -C).")
    Path directory;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of internal errors.")
    boolean debug;

    public Path directory() {
        return directory != null ? directory : Path.of(System.getProperty("user.dir"));
    }
}
