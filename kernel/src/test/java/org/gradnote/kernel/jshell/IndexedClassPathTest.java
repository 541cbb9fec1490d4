package org.gradnote.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indexed class path lists what javac's own file manager lists, in the same order, and JShell compiles on it. */
class IndexedClassPathTest {
    private static final EnumSet<JavaFileObject.Kind> ALL = EnumSet.allOf(JavaFileObject.Kind.class);

    @TempDir
    Path dir;

    @Test
    void listsTheKernelClassPathAsJavacDoes() throws IOException {
        String cp = String.join(java.io.File.pathSeparator, ClassPaths.ofKernel());
        List<String> packages = List.of(
                "",
                "org.gradnote.tensor",
                "org.gradnote.kernel.api",
                "tech.tablesaw.api",
                "org.jfree.chart",
                "com.google.common.collect",
                // multi-release jars: their versioned classes must be the ones javac picks for release 17
                "com.google.gson.internal",
                "org.slf4j",
                "io.github.classgraph",
                "META-INF",
                "no.such.pkg");
        assertSameListings(cp, packages);
    }

    @Test
    void firstOfTwoSameNamedClassesWinsAndVersionsOverlay() throws IOException {
        Path a = jar("a.jar", false, "p/A.class", "p/B.class", "p/readme.txt");
        Path b = jar(
                "b.jar",
                true,
                "p/A.class",
                "p/C.class",
                "META-INF/versions/9/p/C.class",
                "META-INF/versions/11/p/D.class",
                "META-INF/versions/21/p/E.class");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("p"));
        Files.writeString(classes.resolve("p/F.class"), "x");
        Files.writeString(classes.resolve("p/A.class"), "x");
        String cp = String.join(java.io.File.pathSeparator, a.toString(), b.toString(), classes.toString());
        assertSameListings(cp, List.of("p", "", "META-INF.versions.9.p"));
        List<String> mine = listing(cp, "p", true);
        // a.jar's A first; b.jar's C from its version 9; D from version 11; not E (version 21 > 17)
        assertTrue(mine.get(0).startsWith("p.A @ " + a), mine.toString());
        assertEquals("META-INF/versions/9/p/C.class", content(cp, "p", "p.C"));
        assertTrue(mine.stream().anyMatch(s -> s.startsWith("p.D @ ")), mine.toString());
        assertTrue(mine.stream().noneMatch(s -> s.startsWith("p.E @ ")), mine.toString());
    }

    @Test
    void jshellCompilesAgainstTheIndexAndAClassPathAddedLater() throws IOException {
        Path extra = dir.resolve("extra");
        Files.createDirectories(extra.resolve("q"));
        var javac = ToolProvider.getSystemJavaCompiler();
        Path src = dir.resolve("Q.java");
        Files.writeString(src, "package q; public class Q { public static int answer() { return 42; } }");
        assertEquals(0, javac.run(null, null, null, "-d", extra.toString(), src.toString()));
        try (JShell shell = JShell.builder()
                .executionEngine("local")
                .fileManager(IndexedClassPath::new)
                .build()) {
            shell.addToClasspath(String.join(java.io.File.pathSeparator, ClassPaths.ofKernel()));
            assertValid(shell, "import org.gradnote.tensor.*; import tech.tablesaw.api.*;");
            assertValid(shell, "long n = Tensor.zeros(2, 3).numel();");
            assertValid(shell, "Table t = Table.create(\"t\");");
            List<SnippetEvent> bad = shell.eval("NoSuchClass x = null;");
            assertNotEquals(Snippet.Status.VALID, bad.get(0).status());
            shell.addToClasspath(extra.toString());
            List<SnippetEvent> q = shell.eval("q.Q.answer()");
            assertEquals(
                    "42",
                    q.get(0).value(),
                    shell.diagnostics(q.get(0).snippet()).toList().toString());
        }
    }

    private static void assertValid(JShell shell, String code) {
        for (SnippetEvent e : shell.eval(code)) {
            assertEquals(
                    Snippet.Status.VALID,
                    e.status(),
                    code + ": "
                            + shell.diagnostics(e.snippet())
                                    .map(d -> d.getMessage(null))
                                    .toList());
        }
    }

    /**
     * The same files, and for each binary name the same first file (javac keeps the first it lists); the order
     * within one jar or directory is the container's own and means nothing to javac.
     */
    private static void assertSameListings(String cp, List<String> packages) throws IOException {
        for (String p : packages) {
            List<String> javacs = listing(cp, p, false), mine = listing(cp, p, true);
            assertEquals(new java.util.TreeSet<>(javacs), new java.util.TreeSet<>(mine), "package '" + p + "'");
            assertEquals(javacs.size(), mine.size(), "package '" + p + "'");
            assertEquals(firsts(javacs), firsts(mine), "package '" + p + "'");
        }
    }

    private static java.util.Map<String, String> firsts(List<String> listing) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String s : listing) out.putIfAbsent(s.substring(0, s.indexOf(" @ ")), s);
        return out;
    }

    /** "binary.Name @ file name" for each listed file, in order: javac's own manager's, or the index's. */
    private static List<String> listing(String cp, String pkg, boolean indexed) throws IOException {
        StandardJavaFileManager std = ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null);
        StandardJavaFileManager fm = indexed ? new IndexedClassPath(std) : std;
        try (fm) {
            fm.handleOption("-classpath", List.of(cp).iterator());
            fm.handleOption("--multi-release", List.of("17").iterator());
            List<String> out = new ArrayList<>();
            for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, pkg, ALL, false)) {
                String name = f.getName().replace('\\', '/');
                out.add(fm.inferBinaryName(StandardLocation.CLASS_PATH, f) + " @ " + name + " " + f.getKind());
            }
            return out;
        }
    }

    /** The bytes of the class the index lists first under that binary name, as text. */
    private static String content(String cp, String pkg, String binaryName) throws IOException {
        try (StandardJavaFileManager fm =
                new IndexedClassPath(ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null))) {
            fm.handleOption("-classpath", List.of(cp).iterator());
            fm.handleOption("--multi-release", List.of("17").iterator());
            for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, pkg, ALL, false)) {
                if (fm.inferBinaryName(StandardLocation.CLASS_PATH, f).equals(binaryName)) {
                    try (var in = f.openInputStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }

    /** A jar with the given entries (each holding its own name), multi-release if asked. */
    private Path jar(String name, boolean multiRelease, String... entries) throws IOException {
        Path p = dir.resolve(name);
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (multiRelease) m.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        try (OutputStream os = Files.newOutputStream(p);
                JarOutputStream jar = new JarOutputStream(os, m)) {
            for (String e : entries) {
                jar.putNextEntry(new JarEntry(e));
                jar.write(e.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return p;
    }
}
