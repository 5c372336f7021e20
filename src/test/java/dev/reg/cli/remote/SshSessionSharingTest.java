package dev.reg.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reg.release.ReleaseScenario;
import dev.reg.testing.RegCli;
import dev.reg.testing.servers.ServerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One reg command logs in to an ssh server once, however many connections it makes (the
 * listing, the fetches of a read, on two threads), as counted by OpenSSH's own log.
 */
class SshSessionSharingTest {
    @TempDir
    Path tmp;

    private long logins() throws IOException {
        try (var lines = Files.lines(tmp.resolve("server").resolve("sshd.log"))) {
            return lines.filter(l -> l.contains("Accepted publickey")).count();
        }
    }

    @Test
    void eachRemoteReadLogsInOnce() throws Exception {
        try (RemoteCli remote = RemoteCli.start(ServerKind.SSH, tmp)) {
            ReleaseScenario s = ReleaseScenario.incident(tmp.resolve("publisher"));
            remote.publish(s.reg);
            Path outside = Files.createDirectories(tmp.resolve("outside"));
            for (List<String> read : List.of(List.of("show"), List.of("show", "prompt/billing_refund@1.0.0"),
                    List.of("log", "prompt/billing_refund"), List.of("history", "support_copilot"))) {
                long before = logins();
                String[] args = new String[read.size() + 2];
                read.toArray(args);
                args[read.size()] = "--remote";
                args[read.size() + 1] = remote.url();
                RegCli.Result r = remote.reg(outside, args);
                assertEquals(0, r.exit(), r.all());
                assertEquals(1, waitForLogins(before + 1) - before, "logins for reg " + String.join(" ", read));
            }
        }
    }

    /** sshd writes its log line a moment after the login: waits (briefly) until {@code expected} are there. */
    private long waitForLogins(long expected) throws Exception {
        long n = logins();
        for (int i = 0; i < 50 && n < expected; i++) {
            Thread.sleep(20);
            n = logins();
        }
        Thread.sleep(100); // and long enough for a second login, if there were one, to show
        return logins();
    }
}
