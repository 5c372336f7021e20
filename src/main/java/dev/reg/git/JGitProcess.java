package dev.reg.git;

import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.internal.util.CleanupService;

/**
 * JGit's process-wide settings for one reg command line, made once by {@code Main.main} before
 * anything opens a repository (tests, which share a JVM, never call it).
 */
public final class JGitProcess {
    private JGitProcess() {
    }

    /**
     * @param cacheDir where reg may keep what it would otherwise find out on every run (the
     *        launcher's archive directory), or null
     */
    public static void forCommandLine(Path cacheDir, Map<String, String> env) {
        // JGit registers a JVM shutdown hook the first time it reads a file's timestamps; naming its
        // thread loads JGit's whole message bundle (1,100 strings set by reflection) and running it
        // starts a thread pool at exit, together a tenth of a reading command's run time (issue 14).
        // The hook only stops a background save of file-system timing, which exiting stops as well.
        // The service in its OSGi form keeps the cleanup instead of registering the hook.
        new CleanupService();
        if (cacheDir != null) {
            GitSystemConfig.rememberIn(cacheDir, env);
        }
    }
}
