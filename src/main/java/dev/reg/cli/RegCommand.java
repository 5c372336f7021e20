package dev.reg.cli;

import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "reg", mixinStandardHelpOptions = true, versionProvider = RegCommand.VersionProvider.class,
        description = "A Git-native registry and release-decision tool for LLM workflows.",
        subcommands = {
            InitCommand.class, AddCommand.class, BumpCommand.class, ShowCommand.class, LogCommand.class, DiffCommand.class,
            RecoverCommand.class, ValidateCommand.class, VerifyCommand.class, HooksCommand.class, EvalCommand.class, GateCommand.class, CompositeCommand.class, ReleaseCommand.class, RollbackCommand.class, MarkCommand.class,
            FreezeCommand.class, UnfreezeCommand.class, HistoryCommand.class, LiveCommand.class, CanaryCommand.class, DriftCommand.class,
            BudgetCommand.class, AdrCommand.class, MemoCommand.class, ReportCommand.class, DemoCommand.class, CompletionCommand.class,
            CompleteCommand.class, HelpCommand.class, FetchCommand.class
        })
public final class RegCommand implements Runnable {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    CommandContext context;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /** reg's version from the jar manifest, {@code dev} when run from classes. */
    static String version() {
        String v = RegCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reg " + version()};
        }
    }
}
