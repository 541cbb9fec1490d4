package org.gradnote.magics.maven;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Maven coordinates on a class path and planning what %maven adds, skips or reports as a conflict. */
class ClasspathPlanTest {

    @Test
    void coordinatesComeFromPomPropertiesOrRepositoryLayout(@TempDir Path dir) throws Exception {
        Path lang = jar(dir.resolve("lib/commons-lang3-3.11.jar"), "org.apache.commons", "commons-lang3", "3.11");
        Path bare = dir.resolve("repository/org/example/tool/1.0/tool-1.0.jar");
        Files.createDirectories(bare.getParent());
        try (var out = new JarOutputStream(Files.newOutputStream(bare))) {
            out.putNextEntry(new JarEntry("x.txt"));
        }
        var found = ClasspathArtifacts.scan(List.of(lang.toString(), bare.toString(), dir.toString()));
        assertEquals("3.11", found.get("org.apache.commons:commons-lang3").version());
        assertEquals("1.0", found.get("org.example:tool").version());
        assertEquals(2, found.size());
    }

    @Test
    void planAddsNewSkipsSameAndReportsOtherVersions() {
        var onPath = java.util.Map.of(
                "org.apache.commons:commons-lang3",
                        new Coordinates("org.apache.commons", "commons-lang3", "3.11", "/cp/lang3.jar"),
                "com.x:same", new Coordinates("com.x", "same", "2.0", "/cp/same.jar"));
        var resolved = List.of(
                new Coordinates("org.apache.commons", "commons-text", "1.12.0", "/m2/text.jar"),
                new Coordinates("org.apache.commons", "commons-lang3", "3.14.0", "/m2/lang3.jar"),
                new Coordinates("com.x", "same", "2.0", "/m2/same.jar"));
        ClasspathPlan plan = ClasspathPlan.of(resolved, onPath);
        assertEquals(List.of(resolved.get(0)), plan.add());
        assertEquals(List.of(resolved.get(2)), plan.present());
        assertEquals(
                List.of("org.apache.commons:commons-lang3:3.14.0 wanted, but 3.11 is already on the class path"
                        + " (/cp/lang3.jar)"),
                plan.conflicts());
    }

    private static Path jar(Path file, String group, String artifact, String version) throws Exception {
        Files.createDirectories(file.getParent());
        try (var out = new JarOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new JarEntry("META-INF/maven/" + group + "/" + artifact + "/pom.properties"));
            String props = "groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n";
            ((OutputStream) out).write(props.getBytes(StandardCharsets.ISO_8859_1));
        }
        return file;
    }
}
