package org.gradnote.kernel;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/** Builds a small jar with a value class and a Renderer plug-in for it (a ServiceLoader entry), for display tests. */
final class PluginJar {
    private PluginJar() {}

    static Path build(Path dir, String valueClass, String rendererClass, String valueSource, String rendererSource)
            throws Exception {
        Path src = dir.resolve("src"), classes = dir.resolve("classes");
        Files.createDirectories(src);
        Path v = src.resolve(valueClass.substring(valueClass.lastIndexOf('.') + 1) + ".java");
        Path r = src.resolve(rendererClass.substring(rendererClass.lastIndexOf('.') + 1) + ".java");
        Files.writeString(v, valueSource);
        Files.writeString(r, rendererSource);
        int rc = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        v.toString(),
                        r.toString());
        if (rc != 0) throw new AssertionError("plug-in did not compile");
        Path jar = dir.resolve("plugin.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar));
                var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
            }
            out.putNextEntry(new JarEntry("META-INF/services/org.gradnote.kernel.display.Renderer"));
            ((OutputStream) out).write((rendererClass + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
