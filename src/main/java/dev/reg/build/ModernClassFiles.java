package dev.reg.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build time only (run by {@code mvn process-classes}; not in reg.jar, and ASM is not a runtime
 * dependency): copies the classes of a jar into the classes folder as Java 8 class files, with the
 * stack map frames the JDK 6+ verifier reads.
 *
 * <p>picocli ships Java 5 class files (version 49). The JVM can store no class file older than
 * version 50 in a CDS archive or an AOT cache, so every run of reg parsed and verified picocli's
 * 170 classes from the jar with the old, slower type-inferring verifier: about a quarter of reg's
 * start-up CPU (issue 14). Re-written as version 52 they are archived like every other class. The
 * bytecode itself is unchanged; only the version number and the frames ASM computes are new.
 */
public final class ModernClassFiles {
    private ModernClassFiles() {
    }

    /** {@code ModernClassFiles JAR PACKAGE-PREFIX OUT-DIR}, e.g. {@code picocli-4.7.7.jar picocli/ target/classes}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ModernClassFiles JAR PACKAGE-PREFIX OUT-DIR");
        }
        Path jar = Path.of(args[0]);
        Path out = Path.of(args[2]);
        int n = 0;
        try (JarFile in = new JarFile(jar.toFile()); URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ModernClassFiles.class.getClassLoader())) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.getName().startsWith(args[1]) || !e.getName().endsWith(".class")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                Path target = out.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, java8(bytes, loader));
                n++;
            }
        }
        System.out.println("reg: " + n + " classes of " + jar.getFileName() + " as Java 8 class files in " + out);
    }

    /** The class as a version-52 class file with computed frames (classes already at 52 or later are returned as they are). */
    static byte[] java8(byte[] classFile, ClassLoader loader) {
        ClassReader r = new ClassReader(classFile);
        if (r.readShort(6) >= Opcodes.V1_8) {
            return classFile;
        }
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader; // the common superclass of two types is looked up among the jar's classes
            }
        };
        r.accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return w.toByteArray();
    }
}
