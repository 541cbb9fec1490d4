package org.gradnote.kernel.jshell;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a throw-away class on a background thread while the evaluator JVM launches: javac's first compilation
 * in a fresh kernel JVM costs about a second of class loading and interpretation, which JShell's first snippet (the
 * first default import) otherwise paid after the launch instead of during it.
 */
final class CompilerWarmup {
    private static final System.Logger LOG = System.getLogger(CompilerWarmup.class.getName());
    private static final String SOURCE = "import java.util.*;\n"
            + "class GradnoteWarmup { static int f(List<Integer> xs) { int s = 0; for (int x : xs) s += x; "
            + "return s + Objects.hash(xs, \"w\"); } }\n";

    private CompilerWarmup() {}

    /** Starts the warm-up compilation on a daemon thread and returns that thread (not waited for by anyone). */
    static Thread startInBackground() {
        Thread t = new Thread(CompilerWarmup::compileOnce, "gradnote-compiler-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
        return t;
    }

    static void compileOnce() {
        Path dir = null;
        try {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) return; // a JRE without jdk.compiler: JShell could not run either
            dir = Files.createTempDirectory("gradnote-warmup");
            JavaFileObject source =
                    new SimpleJavaFileObject(URI.create("string:///GradnoteWarmup.java"), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return SOURCE;
                        }
                    };
            javac.getTask(null, null, d -> {}, List.of("-proc:none", "-d", dir.toString()), null, List.of(source))
                    .call();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "compiler warm-up", e); // only a lost speed-up
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "warm-up cleanup", e);
        }
    }
}
