package dev.reg.validate;

import dev.reg.RefusedException;
import dev.reg.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** {@code reg hooks install}: a Git pre-commit hook that runs {@code reg validate --staged}. */
public final class PreCommitHook {
    /** The hook script. {@code $REG} picks another reg launcher; {@code git commit --no-verify} skips it once. */
    public static final String SCRIPT = """
            #!/bin/sh
            # Written by 'reg hooks install': checks what is staged with the registry rules before each commit.
            # Skip it once with 'git commit --no-verify'; set REG to use a reg other than the one on PATH.
            reg="${REG:-reg}"
            if ! command -v "$reg" >/dev/null 2>&1; then
              echo "pre-commit: '$reg' is not on PATH; install reg, set REG, or remove this hook" >&2
              exit 1
            fi
            exec "$reg" validate --staged
            """;

    private PreCommitHook() {
    }

    /** Where the hook went and whether an earlier hook was replaced. */
    public record Installed(Path path, boolean replaced, boolean unchanged) {
    }

    /**
     * Writes the hook into the repository's hooks folder (honouring {@code core.hooksPath}).
     *
     * @throws RefusedException when another pre-commit hook exists and {@code force} is false
     */
    public static Installed install(Path hooksDir, boolean force) {
        Path hook = hooksDir.resolve("pre-commit");
        try {
            boolean exists = Files.exists(hook, LinkOption.NOFOLLOW_LINKS);
            if (exists && Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(hook, StandardCharsets.UTF_8).equals(SCRIPT)) {
                return new Installed(hook, false, true);
            }
            if (exists && !force) {
                throw new RefusedException(hook + " already exists and is not reg's; it was left as it is. Run"
                        + " 'reg hooks install --force' to replace it, or add 'reg validate --staged' to it yourself");
            }
            if (Files.isSymbolicLink(hook)) {
                Files.delete(hook); // replace the link itself, never the file it points to
            }
            AtomicFiles.write(hook, SCRIPT.getBytes(StandardCharsets.UTF_8));
            try {
                Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                hook.toFile().setExecutable(true);
            }
            return new Installed(hook, exists, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hook + ": " + e.getMessage(), e);
        }
    }
}
