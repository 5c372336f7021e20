package dev.reg.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The built {@code target/reg.jar} as the command {@code reg} on PATH, run as users run it (for *IT tests, after package). */
public final class JarOnPath {
    private JarOnPath() {
    }

    /** The jar {@code mvnw verify} built; fails the test when it is missing. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("reg.jar", "target/reg.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is missing: this test runs in 'mvnw verify', after package builds the jar");
        return jar;
    }

    /** Writes {@code bin/reg}, which runs the jar with reg's start-up flags and Git's HOME as Java's user.home; returns {@code bin}. */
    public static Path install(Path bin) {
        try {
            Files.createDirectories(bin);
            Path reg = bin.resolve("reg");
            Files.writeString(reg, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                    + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Duser.home=\"$HOME\" -jar '" + jar() + "' \"$@\"\n");
            assertTrue(reg.toFile().setExecutable(true));
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
