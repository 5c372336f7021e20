package dev.reg.git;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.internal.util.CleanupService;

/**
 * JGit's process-wide settings for one reg command line, made once by {@code Main.main} before
 * anything opens a repository (tests, which share a JVM, never call it).
 */
public final class JGitProcess {
    private static volatile boolean exitingNormally;

    private JGitProcess() {
    }

    /**
     * @param cacheDir where reg may keep what it would otherwise find out on every run (the
     *        launcher's archive directory), or null
     */
    public static void forCommandLine(Path cacheDir, Map<String, String> env) {
        cleanUpOnlyWhenInterrupted();
        if (cacheDir != null) {
            GitSystemConfig.rememberIn(cacheDir, env);
        }
    }

    /** Main says so just before it exits with the command's code: nothing of JGit's is held then. */
    public static void exitingNormally() {
        exitingNormally = true;
    }

    /**
     * JGit registers a JVM shutdown hook the first time it reads a file's timestamps; naming its
     * thread loads JGit's whole message bundle (1,100 strings set by reflection) and running it
     * starts a thread pool at exit, together a tenth of a reading command's run time (issue 14).
     * The hook's work matters only when the JVM is stopped in the middle of a command (Ctrl-C,
     * SIGTERM): it deletes the lock files JGit holds (a ref's, the index's). So the cleanup service
     * runs in its OSGi form, which keeps the cleanup instead of registering the hook, and reg's own
     * hook runs it unless Main is exiting normally. Its {@code shutDown} is package-private (OSGi
     * calls it): when a JGit version lacks it, JGit keeps its own hook.
     */
    private static void cleanUpOnlyWhenInterrupted() {
        Method shutDown;
        try {
            shutDown = CleanupService.class.getDeclaredMethod("shutDown");
            shutDown.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return;
        }
        CleanupService service = new CleanupService();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!exitingNormally) {
                try {
                    shutDown.invoke(service);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // the JVM is going down: nothing more to do
                }
            }
        }, "reg: JGit cleanup"));
    }
}
