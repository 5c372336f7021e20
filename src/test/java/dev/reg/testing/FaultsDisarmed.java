package dev.reg.testing;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.reg.util.Faults;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A guard for test classes sharing a JVM: after each class, the fault-injection property
 * ({@link Faults#PROPERTY}) must be unset and no {@link Faults#watch watcher} left in place, or the next
 * class's commands would fail at points it never asked for. A class that leaves one armed fails here
 * (naming itself), and the fault is disarmed for the classes after it. Registered for every class
 * through the ServiceLoader file and {@code junit.jupiter.extensions.autodetection.enabled} in the pom.
 */
public final class FaultsDisarmed implements AfterAllCallback {
    @Override
    public void afterAll(ExtensionContext context) {
        String armed = System.getProperty(Faults.PROPERTY);
        System.clearProperty(Faults.PROPERTY);
        Faults.watch(null);
        assertNull(armed, context.getDisplayName() + " left " + Faults.PROPERTY + " set");
    }
}
