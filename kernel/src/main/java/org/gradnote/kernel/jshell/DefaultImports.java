package org.gradnote.kernel.jshell;

import java.util.ArrayList;
import java.util.List;

/** The imports every session starts with: the jshell tool's defaults, the display API, and gradnote's packages. */
public final class DefaultImports {
    static final List<String> JDK = List.of(
            "java.io.*",
            "java.math.*",
            "java.net.*",
            "java.nio.file.*",
            "java.util.*",
            "java.util.concurrent.*",
            "java.util.function.*",
            "java.util.regex.*",
            "java.util.stream.*");
    static final List<String> GRADNOTE_PACKAGES = List.of(
            "org.gradnote",
            "org.gradnote.tensor",
            "org.gradnote.nn",
            "org.gradnote.optim",
            "org.gradnote.data",
            "org.gradnote.train",
            "org.gradnote.metrics",
            "org.gradnote.ml",
            "org.gradnote.plots");

    private DefaultImports() {}

    /** Import statements; gradnote packages only when they hold classes on {@code classPath}. */
    public static List<String> statements(List<String> classPath) {
        List<String> out = new ArrayList<>();
        for (String p : JDK) out.add("import " + p + ";");
        out.add("import org.gradnote.kernel.api.*;");
        for (String p : GRADNOTE_PACKAGES) {
            if (ClassPaths.hasPackage(classPath, p)) out.add("import " + p + ".*;");
        }
        // org.gradnote.nn.* and the implicit java.lang.* both offer "Module": a single-type import wins.
        if (ClassPaths.hasPackage(classPath, "org.gradnote.nn")
                && hasClass(classPath, "org/gradnote/nn/Module.class")) {
            out.add("import org.gradnote.nn.Module;");
        }
        return out;
    }

    private static boolean hasClass(List<String> classPath, String resource) {
        for (String entry : classPath) {
            var p = java.nio.file.Path.of(entry);
            if (java.nio.file.Files.isDirectory(p) && java.nio.file.Files.exists(p.resolve(resource))) return true;
            if (entry.endsWith(".jar") && java.nio.file.Files.isRegularFile(p)) {
                try (var jar = new java.util.jar.JarFile(p.toFile())) {
                    if (jar.getEntry(resource) != null) return true;
                } catch (java.io.IOException ignored) {
                    // unreadable jar: skip
                }
            }
        }
        return false;
    }
}
