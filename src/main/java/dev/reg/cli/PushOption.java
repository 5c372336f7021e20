package dev.reg.cli;

import dev.reg.registry.Publication;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --push [REMOTE]}, shared by every writing command ({@code @Mixin PushOption push;}): publish
 * to REMOTE (origin when no name is given) in one atomic push, this clone changing only once the
 * remote accepted.
 */
final class PushOption {
    static final String DEFAULT_REMOTE = "origin";

    @Option(names = "--push", arity = "0..1", fallbackValue = DEFAULT_REMOTE, paramLabel = "REMOTE",
            description = "publish to REMOTE (default: origin) first, branch and tags in one atomic push built on its tip;"
                    + " this clone changes only if the remote accepted. Give a name as --push=NAME, or put --push last")
    String remote;

    Publication publication(Map<String, String> env) {
        return remote == null ? Publication.local() : Publication.remote(remote, env);
    }
}
