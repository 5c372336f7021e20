package dev.reg.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.git.remote.RemoteTarget;
import dev.reg.release.ReleaseScenario;
import dev.reg.testing.RegCli;
import dev.reg.testing.servers.ServerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --remote URL} on show, log, composite, history and live, run outside any repository,
 * prints what the same command prints in a full clone of that remote (text and JSON), but for the
 * registry's location: the clone's path there, the remote's redacted URL here.
 */
class RemoteReadCommandsTest {
    @TempDir
    Path tmp;

    /** Every read, on a registry with shipped, held and bad releases and several versions. */
    static final List<List<String>> READS = List.of(
            List.of("show"),
            List.of("show", "prompt/billing_refund"),
            List.of("show", "dataset/golden"),
            List.of("show", "prompt/billing_refund@1.0.0"),
            List.of("show", "dataset/golden@1.1.0"),
            List.of("log", "prompt/billing_refund"),
            List.of("log", "dataset/golden"),
            List.of("composite", "support_copilot"),
            List.of("history", "support_copilot"),
            List.of("live", "support_copilot"),
            List.of("live", "support_copilot", "--at", "2026-11-20T10:00:30Z"),
            List.of("show", "prompt/no_such"),
            List.of("history", "no_such_workflow"));

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void everyRemoteReadPrintsWhatTheSameCommandPrintsInAFullClone(ServerKind kind) throws Exception {
        try (RemoteCli remote = RemoteCli.start(kind, tmp)) {
            ReleaseScenario s = ReleaseScenario.incident(tmp.resolve("publisher"));
            remote.publish(s.reg);
            Path clone = remote.cloneTo("clone");
            Path outside = Files.createDirectories(tmp.resolve("outside"));
            String label = RemoteTarget.redact(remote.url());

            int compared = 0;
            for (List<String> read : READS) {
                for (boolean json : new boolean[] {false, true}) {
                    List<String> args = new ArrayList<>(read);
                    if (json) {
                        args.add("--json");
                    }
                    RegCli.Result inClone = remote.reg(clone, args.toArray(String[]::new));
                    args.add("--remote");
                    args.add(remote.url());
                    RegCli.Result remoteRead = remote.reg(outside, args.toArray(String[]::new));
                    String what = String.join(" ", args);
                    assertEquals(inClone.exit(), remoteRead.exit(), what + "\n" + inClone.all() + "\n---\n" + remoteRead.all());
                    assertEquals(inClone.out().replace(clone.toString(), "LOCATION"), remoteRead.out().replace(label, "LOCATION"), what);
                    assertEquals(inClone.err().replace(clone.toString(), "LOCATION"), remoteRead.err().replace(label, "LOCATION"), what);
                    compared++;
                }
            }
            assertEquals(READS.size() * 2, compared);
            try (var files = Files.list(outside)) {
                assertEquals(0, files.count(), "a remote read wrote into the folder it ran in");
            }
        }
    }
}
