package dev.reg.push;

import dev.reg.testing.servers.GitServer;
import dev.reg.testing.servers.ServerKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full race of the issue: eight clones, twenty rounds of bumps, then eight releases at once (minutes: failsafe). */
class RaceIT {
    @TempDir
    Path tmp;

    @Test
    void eightClonesTwentyRoundsOfBumpsThenEightReleases() {
        try (GitServer server = ServerKind.GIT_DAEMON.start(tmp.resolve("server"))) {
            Races races = new Races(SharedRegistry.seed(server, tmp), RaceTest.CLONES);
            races.bumpRounds(20);
            races.releaseRound();
        }
    }
}
