package dev.reg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** picocli's classes as reg runs them: Java 8 class files that the JVM verifies and can archive (issue 14). */
class ModernClassFilesTest {
    @Test
    void picocliIsOnTheClassPathAsJava8ClassFiles() throws Exception {
        // what the shaded jar takes: the first picocli/CommandLine.class on the class path (target/classes)
        try (InputStream in = ModernClassFilesTest.class.getResourceAsStream("/picocli/CommandLine.class")) {
            assertEquals(52, version(in.readAllBytes()));
        }
    }

    @Test
    void theRewrittenClassesLoadAndVerify() throws Exception {
        List<URL> all = Collections.list(ClassLoader.getSystemClassLoader().getResources("picocli/CommandLine.class"));
        URL original = all.stream().filter(u -> u.getProtocol().equals("jar")).findFirst().orElseThrow();
        URL jarUrl = ((JarURLConnection) original.openConnection()).getJarFileURL();
        try (JarFile jar = ((JarURLConnection) original.openConnection()).getJarFile();
                URLClassLoader types = new URLClassLoader(new URL[] {jarUrl}, ClassLoader.getPlatformClassLoader())) {
            ClassLoader parent = ClassLoader.getPlatformClassLoader();
            ClassLoader rewritten = new ClassLoader(parent) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    var e = jar.getJarEntry(name.replace('.', '/') + ".class");
                    if (e == null) {
                        throw new ClassNotFoundException(name);
                    }
                    try (InputStream in = jar.getInputStream(e)) {
                        byte[] b = in.readAllBytes();
                        assertTrue(version(b) < 50, name + " is already a modern class file");
                        byte[] modern = ModernClassFiles.java8(b, types);
                        assertEquals(52, version(modern));
                        return defineClass(name, modern, 0, modern.length);
                    } catch (java.io.IOException ex) {
                        throw new ClassNotFoundException(name, ex);
                    }
                }
            };
            // linking verifies with the split verifier (the stack map frames); using it runs the rewritten code
            Class<?> cl = Class.forName("picocli.CommandLine", true, rewritten);
            Class<?> spec = Class.forName("picocli.CommandLine$Model$CommandSpec", true, rewritten);
            Object model = spec.getMethod("create").invoke(null);
            Object commandLine = cl.getConstructor(Object.class).newInstance(model);
            Object usage = cl.getMethod("getUsageMessage").invoke(commandLine);
            assertTrue(usage.toString().startsWith("Usage: <main class>"), usage.toString());
        }
    }

    private static int version(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }
}
