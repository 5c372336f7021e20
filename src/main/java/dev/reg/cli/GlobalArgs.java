package dev.reg.cli;

/**
 * How reg's command line starts: the global options ({@code -C DIR}, {@code -CDIR}, {@code --debug},
 * {@code -V}/{@code --version}) before the command word. One reading for {@link Main} (which must
 * not load picocli to answer {@code --version}) and {@link CommandTree} (which builds only the
 * command that runs).
 */
final class GlobalArgs {
    /** Where the global options end: the index of the first other argument, and whether a version was asked. */
    private record Scan(int end, boolean version) {
    }

    private GlobalArgs() {
    }

    /**
     * The command word of {@code args}; {@code null} for none (only global options); {@code ""}
     * when the arguments ask for the whole tree before any command ({@code --help}, an option this
     * scan does not know).
     */
    static String commandWord(String[] args) {
        Scan s = scan(args);
        if (s.end() >= args.length) {
            return null;
        }
        String a = args[s.end()];
        return a.startsWith("-") ? "" : a;
    }

    /** {@code --version} (or {@code -V}) with at most the other global options: nothing to parse, nothing runs. */
    static boolean onlyVersion(String[] args) {
        Scan s = scan(args);
        return s.end() == args.length && s.version();
    }

    private static Scan scan(String[] args) {
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-C")) {
                if (++i == args.length) {
                    return new Scan(args.length + 1, version); // -C without its value: picocli says what is missing
                }
            } else if (a.equals("--version") || a.equals("-V")) {
                version = true;
            } else if (!a.equals("--debug") && !a.startsWith("-C")) { // -CDIR, -C=DIR
                return new Scan(i, version);
            }
        }
        return new Scan(args.length, version);
    }
}
