package dev.reg.report;

import dev.reg.testing.GitCli;
import dev.reg.testing.RegCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The registry the report tests read: what {@code reg demo} leaves (6 releases: a canary promoted, a
 * bad mark, a rollback, a freeze, a canary rolled back at its stop-loss; 8 ADRs, 5 eval runs, 2 recorded
 * canary readouts) plus hand-made online readouts committed under
 * {@code registry/online/support_copilot/}: two canary readouts (a promote, a rollback), three
 * drift readouts (green, yellow, red), a drift reference profile (not a readout, not a finding) and
 * a stray JSON file that is not a readout (a finding). The readouts follow DESIGN.md's
 * {@code reg.canary/1} and {@code reg.drift/1} shapes; fixtures-src/report/make_readouts.py wrote them.
 */
final class ReportFixture {
    static final String WF = "support_copilot";
    static final Path READOUTS = Path.of("src", "test", "resources", "report", "online", WF);

    private ReportFixture() {
    }

    static Path demoWithReadouts(Path dir) {
        RegCli.ok(dir, "demo", "--dir", "story");
        Path story = dir.resolve("story");
        Path online = story.resolve("registry/online/" + WF);
        try {
            Files.createDirectories(online);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(READOUTS)) {
                for (Path f : files) {
                    Files.copy(f, online.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GitCli.ok(story, "add", "registry/online");
        GitCli.ok(story, "commit", "-q", "-m", "Record online readouts of " + WF);
        return story;
    }
}
