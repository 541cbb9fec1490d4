package org.gradnote.kernel.install;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed kernel runs from its own versioned copy of its class path, not from the build folder. */
class KernelHomeTest {

    @Test
    void installCopiesTheClassPathIntoAVersionedFolderThatSurvivesTheBuild(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectories(tmp.resolve("kernel/target"));
        Path kernel = Files.writeString(target.resolve("gradnote-kernel-1.2.0.jar"), "kernel v1");
        Path dep =
                Files.writeString(Files.createDirectories(target.resolve("lib")).resolve("dep-3.1.jar"), "third party");
        Path classes = Files.createDirectories(target.resolve("classes/org/x"));
        Files.writeString(classes.resolve("A.class"), "cafebabe");
        List<String> cp = List.of(
                kernel.toString(), dep.toString(), target.resolve("classes").toString());
        Path root = tmp.resolve("share/gradnote");

        List<String> installed = KernelHome.install(root, cp);
        assertEquals(3, installed.size());
        Path home = KernelHome.versionOf(root, installed).orElseThrow();
        assertTrue(home.getFileName().toString().startsWith("1.2.0-"), home.toString());
        for (String e : installed) assertTrue(Path.of(e).startsWith(home), e);
        assertEquals(installed, KernelHome.install(root, cp), "the same build installs to the same place");

        // mvn clean: the build folder goes away, the installed copies stay.
        Files.writeString(kernel, "kernel v2"); // a rebuild...
        List<String> second = KernelHome.install(root, cp);
        Path secondHome = KernelHome.versionOf(root, second).orElseThrow();
        assertNotEquals(home, secondHome, "a rebuilt kernel gets a version folder of its own");
        assertTrue(Files.isSameFile(Path.of(installed.get(1)), Path.of(second.get(1))), "third-party jars are shared");
        KernelHome.remove(target.getParent());
        assertEquals("kernel v1", Files.readString(Path.of(installed.get(0))));
        assertEquals("kernel v2", Files.readString(Path.of(second.get(0))));
        assertEquals("cafebabe", Files.readString(Path.of(installed.get(2)).resolve("org/x/A.class")));

        assertTrue(KernelHome.remove(home));
        assertFalse(Files.exists(home));
        assertEquals("third party", Files.readString(Path.of(second.get(1))), "the other version keeps its jars");
    }

    @Test
    void uninstallFindsTheVersionAKernelSpecUses(@TempDir Path tmp) throws Exception {
        Path kernels = tmp.resolve("kernels");
        Path home = tmp.resolve("gradnote/0.1-abc");
        KernelSpecInstaller.install(
                kernels, "a", KernelSpecInstaller.spec("A", List.of(home + "/lib/x.jar"), List.of()));
        assertEquals(
                List.of(home + "/lib/x.jar"),
                KernelSpecInstaller.installedClassPath(kernels, "a").orElseThrow());
        assertEquals(
                home,
                KernelHome.versionOf(tmp.resolve("gradnote"), List.of(home + "/lib/x.jar"))
                        .orElseThrow());
        assertTrue(KernelSpecInstaller.anyUses(kernels, home));
        assertTrue(KernelSpecInstaller.uninstall(kernels, "a"));
        assertFalse(KernelSpecInstaller.anyUses(kernels, home));
    }
}
