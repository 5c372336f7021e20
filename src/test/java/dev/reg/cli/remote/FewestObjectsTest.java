package dev.reg.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reg.git.remote.RemoteRegistrySource;
import dev.reg.git.remote.RemoteSettings;
import dev.reg.registry.Registry;
import dev.reg.registry.RegistryQueries;
import dev.reg.release.ReleaseQueries;
import dev.reg.testing.TestRegistry;
import dev.reg.testing.servers.ServerKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remote read fetches the files it reads, never a dataset it does not: bytes on the wire, against the dataset's size. */
class FewestObjectsTest {
    @TempDir
    Path tmp;

    @Test
    void readsWithoutAClonePassOverALargeDatasetTheyDoNotRead() throws Exception {
        try (RemoteCli remote = RemoteCli.start(ServerKind.GIT_DAEMON, tmp)) {
            TestRegistry r = TestRegistry.supportCopilot(tmp.resolve("publisher"));
            byte[] big = new byte[2 * 1024 * 1024];
            new Random(7).nextBytes(big); // incompressible
            r.write("registry/datasets/golden/big.bin", new String(big, StandardCharsets.ISO_8859_1));
            r.commitAll("a large file next to the dataset");
            remote.publish(r);
            Path outside = Files.createDirectories(tmp.resolve("outside"));

            RemoteRegistrySource source = RemoteRegistrySource.open(RemoteSettings.fromEnvironment(remote.env), remote.url(), outside);
            try (Registry registry = Registry.remote(source)) {
                assertEquals(3, new RegistryQueries(registry).overview().artifacts().size());
                assertEquals("1.0.0", new RegistryQueries(registry).log("dataset/golden").versions().get(0).version());
                assertEquals(0, new ReleaseQueries(registry).history("support_copilot").events().size());
                assertTrue(source.bytesFetched() < 64 * 1024, "fetched " + source.bytesFetched() + " bytes");
            }
        }
    }
}
