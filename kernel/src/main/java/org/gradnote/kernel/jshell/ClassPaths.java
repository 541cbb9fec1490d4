package org.gradnote.kernel.jshell;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/** Finds the kernel's own class path (to hand to JShell), seeing through manifest-only jars such as surefire's. */
public final class ClassPaths {
    private ClassPaths() {}

    /**
     * Set (to true) by the installed kernel's kernel.json, whose {@code -cp} lists every jar already: the manifests
     * need not be read then.
     */
    public static final String COMPLETE = "gradnote.classpathComplete";

    /** {@code -Dgradnote.classpath} if set, else {@code java.class.path} with manifest Class-Path entries expanded. */
    public static List<String> ofKernel() {
        String explicit = System.getProperty("gradnote.classpath");
        String base = explicit != null ? explicit : System.getProperty("java.class.path", "");
        boolean complete = explicit == null && Boolean.getBoolean(COMPLETE);
        Set<String> out = new LinkedHashSet<>();
        for (String entry : base.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (!complete) expand(p, out);
            else if (Files.exists(p)) out.add(p.toString());
        }
        return List.copyOf(out);
    }

    private static void expand(Path entry, Set<String> out) {
        if (!Files.exists(entry) || !out.add(entry.toString())) return; // manifests may name missing jars
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) return;
        try {
            var manifest = manifest(entry);
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

    /**
     * A jar's manifest. Read from the jar's head, where jar tools write it: opening the jar as a JarFile parses its
     * whole central directory, and for the kernel's ~80 jars (fastutil's, ICU's) that was 0.2 s of every start-up.
     */
    private static java.util.jar.Manifest manifest(Path jar) throws IOException {
        try (var in =
                new java.util.jar.JarInputStream(new java.io.BufferedInputStream(Files.newInputStream(jar)), false)) {
            var head = in.getManifest();
            if (head != null) return head;
        } catch (IOException | RuntimeException e) {
            // an odd layout for a stream reader: the JarFile below reads it as the JVM does
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest();
        }
    }

    /**
     * Which of {@code packageNames} some entry holds a class directly in: as {@link #hasPackage}, reading each entry
     * once for all of them.
     */
    public static Set<String> packagesOf(List<String> classPath, List<String> packageNames) {
        Set<String> found = new java.util.HashSet<>();
        Map<String, String> byDir = new java.util.HashMap<>();
        for (String p : packageNames) byDir.put(p.replace('.', '/') + "/", p);
        for (String entry : classPath) {
            if (found.size() == packageNames.size()) break;
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                for (String p : packageNames) if (!found.contains(p) && hasPackage(List.of(entry), p)) found.add(p);
            } else if (entry.endsWith(".jar")
                    && Files.isRegularFile(path)
                    && path.getFileName().toString().contains("gradnote")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    jar.stream().forEach(e -> {
                        String name = e.getName();
                        int slash = name.lastIndexOf('/');
                        if (slash < 0 || !name.endsWith(".class")) return;
                        String pkg = byDir.get(name.substring(0, slash + 1));
                        if (pkg != null) found.add(pkg);
                    });
                } catch (IOException e) {
                    // unreadable jar: skip
                }
            }
        }
        return found;
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
