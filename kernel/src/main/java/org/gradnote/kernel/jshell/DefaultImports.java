package org.gradnote.kernel.jshell;

import java.util.ArrayList;
import java.util.List;

/** The imports every session starts with: the jshell tool's defaults, the display API, and gradnote's packages. */
public final class DefaultImports {
    /**
     * Heads the session's one import snippet ({@link #snippet}): JShell keys a snippet of several imports by its
     * first, so a user's own {@code import java.util.*;} would replace (and drop) all the defaults were it first.
     */
    public static final String GRADNOTE_DEFAULTS = "gradnote's default imports";

    static final String MARKER = "import static " + DefaultImports.class.getName() + ".GRADNOTE_DEFAULTS;";
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
        // One pass over gradnote's jars for all packages: a pass per package cost ~0.1 s of the kernel's start-up.
        java.util.Set<String> present = ClassPaths.packagesOf(classPath, GRADNOTE_PACKAGES);
        for (String p : GRADNOTE_PACKAGES) {
            if (present.contains(p)) out.add("import " + p + ".*;");
        }
        // org.gradnote.nn.* and the implicit java.lang.* both offer "Module": a single-type import wins.
        if (present.contains("org.gradnote.nn") && hasClass(classPath, "org/gradnote/nn/Module.class")) {
            out.add("import org.gradnote.nn.Module;");
        }
        return out;
    }

    /**
     * {@code statements} as the one snippet a session starts with: JShell compiles it once instead of once per
     * import (docs/performance.md), headed by {@link #MARKER} so no user import can replace it.
     */
    public static String snippet(List<String> statements) {
        return MARKER + " " + String.join(" ", statements);
    }

    /** The names {@code statements} import ({@code java.util.*}, {@code org.gradnote.nn.Module}), in order. */
    public static List<String> names(List<String> statements) {
        List<String> out = new ArrayList<>();
        for (String s : statements) {
            String t = s.strip();
            if (t.startsWith("import ") && t.endsWith(";") && !t.startsWith("import static "))
                out.add(t.substring("import ".length(), t.length() - 1).strip());
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
