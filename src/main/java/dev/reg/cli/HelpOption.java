package dev.reg.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for a subcommand (the version option stays on {@code reg} itself). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
