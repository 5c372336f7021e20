package dev.reg.cli;

import dev.reg.cli.render.Terminal;
import dev.reg.registry.Registry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the terminal, the directory it runs in, and opening the registry. */
abstract class BaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    RegCommand root() {
        return (RegCommand) spec.root().userObject();
    }

    CommandContext context() {
        return root().context;
    }

    Terminal term() {
        return context().terminal();
    }

    Clock clock() {
        return context().clock();
    }

    /** The environment reg was started with. */
    java.util.Map<String, String> env() {
        return context().env();
    }

    Path dir() {
        return root().global.directory();
    }

    /**
     * Runs one writing service call as {@code --push} asks, hands its result to {@code render} and
     * then prints what the push did (on stderr when {@code json} keeps stdout for the JSON).
     * Returns the result, or empty when, after a lost race, the remote already had the same change.
     */
    <T> java.util.Optional<T> publish(Registry registry, PushOption push, boolean json, java.util.function.Supplier<T> change,
            java.util.function.Consumer<T> render) {
        dev.reg.git.Published<T> p = registry.publishing(push.publication(env()), change);
        if (!p.alreadyDone()) {
            render.accept(p.value());
        }
        p.push().ifPresent(r -> dev.reg.cli.render.PushText.render(term(), json ? term().err() : term().out(), r));
        return p.alreadyDone() ? java.util.Optional.empty() : java.util.Optional.of(p.value());
    }

    /** How this user reaches remotes (ssh keys, known_hosts, credential helpers), from the command's environment. */
    dev.reg.git.remote.RemoteSettings remoteSettings() {
        return dev.reg.git.remote.RemoteSettings.fromEnvironment(env());
    }

    /** The registry in the work tree, or with {@code remote} the one on that remote, read without a clone. */
    Registry openRegistry(RemoteReadOption remote) {
        return openRegistry(remote, java.util.List.of());
    }

    /** As {@link #openRegistry(RemoteReadOption)}; a remote starts listing {@code expectedRefs} (prefixes) at once. */
    Registry openRegistry(RemoteReadOption remote, java.util.List<String> expectedRefs) {
        return remote.remote == null ? openRegistry() : Registry.remote(remoteSettings(), remote.remote, dir(), expectedRefs);
    }

    /** Opens the registry, telling the user if an interrupted change had to be finished first. */
    Registry openRegistry() {
        Registry r = Registry.open(dir());
        r.recovered().ifPresent(term()::notice);
        return r;
    }
}
