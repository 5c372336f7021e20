package dev.reg.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Every {@code @TempDir} in memory (tmpfs, {@code /dev/shm}) where the system has one, else where
 * JUnit puts them. reg fsyncs every file and folder it publishes, as it must; on a disk shared with
 * other builds those fsyncs, not reg, are what fixtures spend their time on. Files, links, modes
 * and renames behave the same on tmpfs. Set as JUnit's default factory in the pom's surefire configuration.
 */
public final class MemoryTempDirs implements TempDirFactory {
    private static final Path SHM = Path.of("/dev/shm");

    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext) throws Exception {
        if (Files.isDirectory(SHM) && Files.isWritable(SHM)) {
            return Files.createTempDirectory(SHM, "junit");
        }
        return TempDirFactory.Standard.INSTANCE.createTempDirectory(elementContext, extensionContext);
    }
}
