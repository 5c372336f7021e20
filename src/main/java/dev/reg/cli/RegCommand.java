package dev.reg.cli;

import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "reg", mixinStandardHelpOptions = true, versionProvider = RegCommand.VersionProvider.class,
        description = "A Git-native registry and release-decision tool for LLM workflows.")
public final class RegCommand implements Runnable {
    /**
     * Every command of reg, in the order 'reg --help' lists them: its name and its class in this
     * package. Adding a command is adding one line here. Names rather than class literals, so that a
     * run loads and builds only the command it runs ({@link CommandTree}); a test checks each line
     * against the class's {@code @Command} name.
     */
    static final String[][] COMMANDS = {
        {"init", "InitCommand"},
        {"add", "AddCommand"},
        {"bump", "BumpCommand"},
        {"show", "ShowCommand"},
        {"log", "LogCommand"},
        {"diff", "DiffCommand"},
        {"recover", "RecoverCommand"},
        {"validate", "ValidateCommand"},
        {"verify", "VerifyCommand"},
        {"hooks", "HooksCommand"},
        {"eval", "EvalCommand"},
        {"gate", "GateCommand"},
        {"composite", "CompositeCommand"},
        {"release", "ReleaseCommand"},
        {"promote", "PromoteCommand"},
        {"rollback", "RollbackCommand"},
        {"mark", "MarkCommand"},
        {"freeze", "FreezeCommand"},
        {"unfreeze", "UnfreezeCommand"},
        {"push", "PushCommand"},
        {"fetch", "FetchCommand"},
        {"history", "HistoryCommand"},
        {"live", "LiveCommand"},
        {"canary", "CanaryCommand"},
        {"drift", "DriftCommand"},
        {"budget", "BudgetCommand"},
        {"watch", "WatchCommand"},
        {"adr", "AdrCommand"},
        {"memo", "MemoCommand"},
        {"report", "ReportCommand"},
        {"demo", "DemoCommand"},
        {"doctor", "DoctorCommand"},
        {"completion", "CompletionCommand"},
        {"__complete", "CompleteCommand"},
        {"help", "HelpCommand"},
    };

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
        return Main.version();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Main.versionLine()};
        }
    }
}
