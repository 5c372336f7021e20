package dev.reg.push;

import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.ServerKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight reg processes in eight clones racing to publish through C git's daemon: one round of bumps
 * of one artifact and one round of releases of one workflow ({@link RaceIT} runs twenty rounds).
 */
class RaceTest {
    static final int CLONES = 8;

    @TempDir
    Path tmp;

    @Test
    void eightClonesBumpingOneArtifactAtOnceLeaveOneNewTagPerRoundAndEightReleasesTakeEightNumbers() {
        try (GitServer server = ServerKind.GIT_DAEMON.start(tmp.resolve("server"))) {
            Races races = new Races(SharedRegistry.seed(server, tmp), CLONES);
            races.bumpRounds(1);
            races.releaseRound();
        }
    }
}
