package org.gradnote.kernel.jshell;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

/** Finds the kernel's own class path (to hand to JShell), seeing through manifest-only jars such as surefire's. */
public final class ClassPaths {
    private ClassPaths() {}

    /** {@code -Dgradnote.classpath} if set, else {@code java.class.path} with manifest Class-Path entries expanded. */
    public static List<String> ofKernel() {
        String explicit = System.getProperty("gradnote.classpath");
        String base = explicit != null ? explicit : System.getProperty("java.class.path", "");
        Set<String> out = new LinkedHashSet<>();
        for (String entry : base.split(File.pathSeparator)) {
            if (!entry.isBlank()) expand(Path.of(entry).toAbsolutePath().normalize(), out);
        }
        return List.copyOf(out);
    }

    private static void expand(Path entry, Set<String> out) {
        if (!Files.exists(entry) || !out.add(entry.toString())) return; // manifests may name missing jars
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) return;
        try (JarFile jar = new JarFile(entry.toFile())) {
            var manifest = jar.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp == null) return;
            for (String ref : cp.trim().split("\\s+")) {
                if (ref.isEmpty()) continue;
                Path p = ref.startsWith("file:")
                        ? Path.of(URI.create(ref))
                        : entry.getParent().resolve(ref);
                expand(p.toAbsolutePath().normalize(), out);
            }
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable jar still stays on the class path; we just cannot look inside it.
        }
    }

    /** True if some entry holds a class directly in {@code packageName}. */
    public static boolean hasPackage(List<String> classPath, String packageName) {
        String dir = packageName.replace('.', '/') + "/";
        for (String entry : classPath) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                try (var files = Files.list(p.resolve(dir))) {
                    if (files.anyMatch(f -> f.toString().endsWith(".class"))) return true;
                } catch (IOException e) {
                    // no such directory
                }
            } else if (entry.endsWith(".jar")
                    && Files.isRegularFile(p)
                    && p.getFileName().toString().contains("gradnote")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    if (jar.stream()
                            .anyMatch(e -> e.getName().startsWith(dir)
                                    && e.getName().endsWith(".class")
                                    && e.getName().indexOf('/', dir.length()) < 0)) return true;
                } catch (IOException e) {
                    // unreadable jar: skip
                }
            }
        }
        return false;
    }

    static List<String> join(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        for (String s : b) if (!all.contains(s)) all.add(s);
        return all;
    }
}
