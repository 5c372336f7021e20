package dev.reg.cli;

import dev.reg.BadInputException;
import dev.reg.monitor.MonitorService;
import dev.reg.registry.Registry;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * An online readout that can also commit what it found ({@code --record}, {@code --apply}):
 * {@code reg canary}, {@code drift}, {@code budget} and {@code watch}. What it commits is one change,
 * published to a remote first with {@code --push}.
 */
abstract class RecordingCommand extends OnlineCommand {
    @Mixin
    PushOption push = new PushOption();

    /**
     * Runs one writing readout ({@code --record}, {@code --apply}, {@code reg watch --apply}) of the
     * monitoring service on the registry, published as {@code --push} asks. Null when, after a lost
     * race, the remote already had the same change (the push report says so).
     */
    <T> T write(Function<MonitorService, T> call) {
        try (Registry registry = openRegistry()) {
            return publish(registry, push, json, () -> call.apply(new MonitorService(registry, clock())), t -> { }).orElse(null);
        }
    }

    /** {@code --push} publishes what the command commits: refused when the command, as asked, commits nothing. */
    void pushOnlyWhenWriting(boolean writes, String writingOptions) {
        if (push.remote != null && !writes) {
            throw new BadInputException("--push goes with " + writingOptions + ": without it nothing is committed, so nothing is published");
        }
    }
}
