package dev.reg.cli;

import picocli.CommandLine.Option;

/** {@code --remote REMOTE} on the reading commands: answer from a remote without a clone. */
final class RemoteReadOption {
    @Option(names = "--remote", paramLabel = "REMOTE", description = "Read the registry on REMOTE (a URL, a path or a configured"
            + " remote) without a clone: from ls-remote and the few objects the answer needs, at the remote's HEAD.")
    String remote;
}
