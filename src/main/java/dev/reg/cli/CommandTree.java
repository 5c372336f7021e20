package dev.reg.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli's model of reg for one run: only the command that runs, or the whole tree where a run
 * shows the tree. Building the model of a command reflects on its class, its options and
 * everything their types name; the whole tree of {@link RegCommand#COMMANDS} cost about 160 ms of
 * start-up before this, for a run that uses one command (issue 14).
 *
 * <p>The command is the first word that is not a global option ({@code -C DIR}, {@code -CDIR},
 * {@code --debug}, {@code -V}, {@code --version}). When it names a command of the table, reg is
 * built with that command alone, so the global options still parse and the command's own
 * subcommands come with it. Without a command ({@code reg --version}, {@code reg -C dir}), reg is
 * built with none. Everything else gets the whole tree, exactly as picocli would build it from the
 * table: {@code --help} and {@code -h} before the command, {@code help}, {@code completion} (its
 * script lists every command), an unknown or mistyped command (did-you-mean ranks every name), and
 * anything this scan does not understand ({@code --}, {@code @argfile}, clustered options).
 */
final class CommandTree {
    /** Commands that read the whole tree. */
    private static final Set<String> WHOLE = Set.of("help", "completion");

    private CommandTree() {
    }

    /** The model that parses {@code args}: reg with the one command that runs, or with all of them. */
    static CommandLine forArgs(RegCommand reg, String[] args) {
        CommandLine root = new CommandLine(reg);
        String name = GlobalArgs.commandWord(args);
        String[] entry = name == null ? null : entry(name);
        if (name != null && (entry == null || WHOLE.contains(name))) {
            addAll(root);
        } else if (entry != null) {
            root.addSubcommand(name, instance(entry[1]));
        }
        addHelpOptions(root);
        return root;
    }

    /** reg with every command: for the man pages, the help tests and everything that lists commands. */
    static CommandLine whole(RegCommand reg) {
        CommandLine root = new CommandLine(reg);
        addAll(root);
        addHelpOptions(root);
        return root;
    }

    private static void addAll(CommandLine root) {
        for (String[] c : RegCommand.COMMANDS) {
            root.addSubcommand(c[0], instance(c[1]));
        }
    }

    /** {@code -h/--help} on every command and subcommand, from picocli's model, so no command can lack it (here, not in HelpCommand: a run that is not help does not load it). */
    private static void addHelpOptions(CommandLine c) {
        CommandSpec s = c.getCommandSpec();
        if (!s.optionsMap().containsKey("--help")) {
            s.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        }
        c.getSubcommands().values().forEach(CommandTree::addHelpOptions);
    }

    private static String[] entry(String name) {
        for (String[] c : RegCommand.COMMANDS) {
            if (c[0].equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static Object instance(String simpleName) {
        String className = CommandTree.class.getPackageName() + "." + simpleName;
        try {
            return CommandLine.defaultFactory().create(Class.forName(className));
        } catch (Exception e) {
            throw new IllegalStateException("RegCommand.COMMANDS names " + className + ", which cannot be made", e);
        }
    }
}
