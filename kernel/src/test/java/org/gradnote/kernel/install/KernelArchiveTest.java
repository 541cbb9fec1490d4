package org.gradnote.kernel.install;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradnote.kernel.jshell.ClassPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel JVM maps its class archive when install made one, and starts without one otherwise. */
class KernelArchiveTest {
    @Test
    void optionsOnlyWhenTheArchiveExistsAndTheSpecUsesThem(@TempDir Path home) throws Exception {
        assertEquals(List.of(), KernelArchive.options(home));
        Files.writeString(home.resolve(KernelArchive.FILE), "not really an archive");
        List<String> options = KernelArchive.options(home);
        assertEquals(
                List.of(
                        "-XX:SharedArchiveFile=" + home.resolve(KernelArchive.FILE),
                        "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off"),
                options);
        List<String> kernelJvm = new java.util.ArrayList<>(KernelArchive.KERNEL_JVM);
        kernelJvm.addAll(options);
        var argv = KernelSpecInstaller.spec("J", List.of("/x.jar"), List.of(), kernelJvm)
                .getAsJsonArray("argv");
        assertEquals(
                options.get(0), argv.get(1 + KernelArchive.KERNEL_JVM.size()).getAsString(), argv.toString());
    }

    /** The archive-making run itself: compiles with JShell, parses JSON, binds a ZeroMQ socket, and returns. */
    @Test
    void warmUpRunsWhatAKernelRunsBeforeItsFirstResult() {
        assertDoesNotThrow(() -> KernelArchive.warmUp(ClassPaths.ofKernel()));
    }
}
