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

    /** How this user reaches remotes (ssh keys, known_hosts, credential helpers), from the command's environment. */
    dev.reg.git.remote.RemoteSettings remoteSettings() {
        return dev.reg.git.remote.RemoteSettings.fromEnvironment(env());
    }

    /** The registry in the work tree, or with {@code remote} the one on that remote, read without a clone. */
    Registry openRegistry(RemoteReadOption remote) {
        return remote.remote == null ? openRegistry() : Registry.remote(remoteSettings(), remote.remote, dir());
    }

    /** Opens the registry, telling the user if an interrupted change had to be finished first. */
    Registry openRegistry() {
        Registry r = Registry.open(dir());
        r.recovered().ifPresent(term()::notice);
        return r;
    }
}
